namespace Zylisp.Rely.Tests.Support;

/// <summary>
/// Tests that count process-wide resources (descriptors, threads, zombie children) run alone, after
/// the parallel ones, so other tests' work cannot show up in their numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "process-wide resources";
}
