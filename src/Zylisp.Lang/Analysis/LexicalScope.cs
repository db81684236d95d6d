namespace Zylisp.Lang.Analysis;

/// <summary>
/// The names bound in a lexical scope, innermost first: an immutable linked list, so entering a
/// scope is one allocation and leaving it is dropping a reference. Scopes are small and
/// short-lived; a chain walk beats a hash trie here, and keeps System.Collections.Immutable's
/// dictionary off the start-up path (docs/design/cli-startup.md). Shadowing is the first match.
/// </summary>
internal sealed class LexicalScope<T>
{
    public static readonly LexicalScope<T> Empty = new(string.Empty, default!, null);

    private readonly string name;
    private readonly T value;
    private readonly LexicalScope<T>? outer;

    private LexicalScope(string name, T value, LexicalScope<T>? outer)
    {
        this.name = name;
        this.value = value;
        this.outer = outer;
    }

    /// <summary>This scope with <paramref name="bound"/> added, shadowing any outer binding of the same name.</summary>
    public LexicalScope<T> Bind(string bound, T boundValue) => new(bound, boundValue, this);

    public bool TryFind(string wanted, out T found)
    {
        for (var scope = this; scope.outer is not null; scope = scope.outer)
        {
            if (string.Equals(scope.name, wanted, StringComparison.Ordinal))
            {
                found = scope.value;
                return true;
            }
        }

        found = default!;
        return false;
    }

    public bool Contains(string wanted) => TryFind(wanted, out _);
}
