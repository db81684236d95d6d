namespace Zylisp.Rely;

/// <summary>Whether a child is a worker or a nested supervisor; only <see cref="Supervisor.CountChildren"/> distinguishes them.</summary>
public enum ChildType
{
    Worker,
    Supervisor,
}
