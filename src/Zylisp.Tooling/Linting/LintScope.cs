using Zylisp.Lang.Data;

namespace Zylisp.Tooling.Linting;

/// <summary>A local the linter saw bound: where, what kind, and whether anything used it.</summary>
internal sealed class LintLocal(Symbol symbol, string kind)
{
    public Symbol Symbol { get; } = symbol;

    /// <summary>"local", "parameter" or "binding": how the finding names it.</summary>
    public string Kind { get; } = kind;

    public bool Used { get; set; }
}

/// <summary>The locals in scope, innermost first; immutable, so each binding form extends its own copy.</summary>
internal sealed class LintScope
{
    public static readonly LintScope Empty = new(null, null);

    private readonly LintLocal? local;
    private readonly LintScope? outer;

    private LintScope(LintLocal? local, LintScope? outer)
    {
        this.local = local;
        this.outer = outer;
    }

    public LintScope Bind(LintLocal binding) => new(binding, this);

    public LintLocal? Find(string name)
    {
        for (var scope = this; scope is not null; scope = scope.outer)
        {
            if (scope.local is { } l && l.Symbol.Name == name)
            {
                return l;
            }
        }

        return null;
    }
}
