using System.Collections.Frozen;

namespace Zylisp.Tooling.Formatting;

/// <summary>How the lines inside a list whose head is a given symbol are indented (cljfmt's :indents).</summary>
internal abstract record IndentRule
{
    /// <summary>Every line after the head is indented two spaces from the opener: defn, fn, def… (cljfmt [:inner 0]).</summary>
    public sealed record Inner : IndentRule;

    /// <summary>
    /// The first <paramref name="Special"/> arguments belong with the head; when they are all on its
    /// line, the body lines are indented two spaces, otherwise the list is aligned as a call
    /// (cljfmt [:block N]): let, when, if, do, try, cond…
    /// </summary>
    public sealed record Block(int Special) : IndentRule;
}

/// <summary>cljfmt's default indentation table, restricted to the forms Zylisp has (docs/design/formatting.md).</summary>
internal static class IndentRules
{
    private static readonly IndentRule.Inner InnerRule = new();

    private static readonly FrozenDictionary<string, IndentRule> ByName = new Dictionary<string, IndentRule>(StringComparer.Ordinal)
    {
        ["fn"] = InnerRule,
        ["letfn"] = new IndentRule.Block(1),
        ["do"] = new IndentRule.Block(0),
        ["try"] = new IndentRule.Block(0),
        ["finally"] = new IndentRule.Block(0),
        ["cond"] = new IndentRule.Block(0),
        ["comment"] = new IndentRule.Block(0),
        ["delay"] = new IndentRule.Block(0),
        ["lazy-seq"] = new IndentRule.Block(0),
        ["future"] = new IndentRule.Block(0),
        ["let"] = new IndentRule.Block(1),
        ["loop"] = new IndentRule.Block(1),
        ["binding"] = new IndentRule.Block(1),
        ["if"] = new IndentRule.Block(1),
        ["if-not"] = new IndentRule.Block(1),
        ["if-let"] = new IndentRule.Block(1),
        ["if-some"] = new IndentRule.Block(1),
        ["when"] = new IndentRule.Block(1),
        ["when-not"] = new IndentRule.Block(1),
        ["when-let"] = new IndentRule.Block(1),
        ["when-some"] = new IndentRule.Block(1),
        ["when-first"] = new IndentRule.Block(1),
        ["while"] = new IndentRule.Block(1),
        ["case"] = new IndentRule.Block(1),
        ["cond->"] = new IndentRule.Block(1),
        ["cond->>"] = new IndentRule.Block(1),
        ["doseq"] = new IndentRule.Block(1),
        ["dotimes"] = new IndentRule.Block(1),
        ["for"] = new IndentRule.Block(1),
        ["doto"] = new IndentRule.Block(1),
        ["locking"] = new IndentRule.Block(1),
        ["ns"] = new IndentRule.Block(1),
        ["condp"] = new IndentRule.Block(2),
        ["as->"] = new IndentRule.Block(2),
        // (catch e body); (catch :type e body) is Block(2), see LayoutWriter.
        ["catch"] = new IndentRule.Block(1),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The rule for a head symbol (its namespace ignored), or null for a plain call.</summary>
    public static IndentRule? For(string symbol)
    {
        int slash = symbol.IndexOf('/', StringComparison.Ordinal);
        string name = slash > 0 && slash < symbol.Length - 1 ? symbol[(slash + 1)..] : symbol;
        if (ByName.TryGetValue(name, out var rule))
        {
            return rule;
        }

        // cljfmt's #"^def" and #"^with-" patterns: defn, defmacro, deffunc, defvar, with-open...
        return name.StartsWith("def", StringComparison.Ordinal) || name.StartsWith("with-", StringComparison.Ordinal) ? InnerRule : null;
    }
}
