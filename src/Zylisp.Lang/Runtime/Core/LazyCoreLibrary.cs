namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// The host primitives, installed a family at a time when one of the family's names is first
/// looked up (docs/design/cli-startup.md): creating all ~120 delegates up front cost ~1.5 ms of
/// every start-up, and `(println "hello")` needs one family. Pending names still count as
/// defined for completion and "did you mean", and looking a name up (which every def does)
/// installs it first, so redefinition sees a core Var exactly as with eager installation.
/// </summary>
internal sealed class LazyCoreLibrary : IPendingDefinitions
{
    private readonly Dictionary<string, CoreFamily> pending = new(StringComparer.Ordinal);
    private readonly GlobalEnvironment globals;

    public LazyCoreLibrary(GlobalEnvironment globals)
    {
        this.globals = globals;
        foreach (var family in CoreLibrary.Families)
        {
            foreach (var name in family.Names)
            {
                pending.Add(name, family);
            }
        }
    }

    public int Count => pending.Count;

    public IEnumerable<string> PendingNames => pending.Keys;

    public bool TryLoad(string name)
    {
        if (!pending.TryGetValue(name, out var family))
        {
            return false;
        }

        // Removed before installing: installing defines each name, which looks it up again.
        foreach (var member in family.Names)
        {
            pending.Remove(member);
        }

        CoreLibrary.InstallFamily(globals, family);
        return true;
    }

    public void LoadAll()
    {
        while (pending.Count > 0)
        {
            TryLoad(pending.Keys.First());
        }
    }
}
