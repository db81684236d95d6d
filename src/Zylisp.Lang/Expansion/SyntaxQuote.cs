using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Expansion;

/// <summary>
/// Expands <c>(syntax-quote form)</c> into code that builds the form: symbols are quoted, and a
/// symbol the macro's namespace maps to another namespace's global is qualified with it, so the
/// expansion means the same wherever it is used (core and user names stay bare), <c>x#</c> becomes the same fresh symbol throughout
/// one syntax-quote, <c>~x</c> inserts x and <c>~@xs</c> splices xs. The generated code uses
/// the core functions list, concat, vector, vec, hash-map, hash-set, set and apply.
/// </summary>
internal sealed class SyntaxQuote(GlobalEnvironmentGensyms gensyms, int budget, Syntax.SourceSpan? span, Namespaces.Namespace? where = null)
{
    private readonly Dictionary<string, Symbol> autoGensyms = new(StringComparer.Ordinal);

    /// <summary>Nodes built so far. Nested syntax-quotes grow exponentially, so building stops past the budget (ZL2011).</summary>
    public int Built { get; private set; }

    public object? Expand(object? form) => form switch
    {
        Symbol s => Quote(Qualify(AutoGensym(s))),
        PersistentList { Count: 0 } => List(Sym("list")),
        PersistentList l when IsCall(l, "unquote") => l.Rest.First,
        PersistentList l when IsSplice(l) => throw new ExpansionException(Diagnostic.Create(DiagnosticIds.SpliceOutsideCollection, l.Span)),
        PersistentList l when IsCall(l, "syntax-quote") || IsCall(l, "quasiquote") => Expand(Expand(l.Rest.First)),
        PersistentList l => Build(l, "list"),
        PersistentVector v => Build(v, "vector"),
        PersistentSet s => Build(s, "hash-set"),
        PersistentMap m => BuildMap(m),
        null or bool or long or double or string or Keyword => form,
        _ => Quote(form),
    };

    private static bool IsCall(PersistentList l, string name) =>
        l.First is Symbol { Namespace: null } s && s.Name == name && l.Count == 2;

    /// <summary>~@x, spelled (unquote-splicing x) or with its long name (splice-unquote x).</summary>
    internal static bool IsSplice(PersistentList l) => IsCall(l, "unquote-splicing") || IsCall(l, "splice-unquote");

    /// <summary>name → ns/name when the macro's namespace maps name to a global of a namespace other than user and the core.</summary>
    private Symbol Qualify(Symbol s)
    {
        if (where is null || s.Namespace is not null || !where.TryMapping(s.Name, out var global))
        {
            return s;
        }

        int slash = global.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? s : Symbol.Of(global[..slash], global[(slash + 1)..]);
    }

    private Symbol AutoGensym(Symbol s)
    {
        if (s.Namespace is not null || s.Name.Length < 2 || !s.Name.EndsWith('#'))
        {
            return s;
        }

        string stem = s.Name[..^1];
        if (!autoGensyms.TryGetValue(stem, out var fresh))
        {
            fresh = Symbol.Of(stem + "__" + gensyms.Next() + "__auto");
            autoGensyms.Add(stem, fresh);
        }

        return fresh;
    }

    /// <summary>
    /// Code for a collection: (ctor q1 q2 ...) without splices, else (apply ctor (concat ...)) for
    /// lists, vectors and sets. Not vec/set: in SLisp those take elements, and a macro's template must
    /// build the same form whichever dialect the file that defines it uses.
    /// </summary>
    private object Build(IEnumerable<object?> items, string ctor)
    {
        var segments = Segments(items, out bool spliced);
        if (!spliced)
        {
            return List([Sym(ctor), .. segments.SelectMany(s => ((PersistentList)s!).Rest)]);
        }

        // (apply list (concat ...)), not the lazy concat itself: a macro that inspects what it
        // built (list?, count) sees a list, as it did before concat became lazy.
        var concat = List([Sym("concat"), .. segments]);
        return List(Sym("apply"), Sym(ctor), concat);
    }

    private object BuildMap(PersistentMap m)
    {
        var flat = m.Entries.SelectMany(e => new[] { e.Key, e.Value }).ToList();
        var segments = Segments(flat, out bool spliced);
        if (!spliced)
        {
            return List([Sym("hash-map"), .. segments.SelectMany(s => ((PersistentList)s!).Rest)]);
        }

        return List(Sym("apply"), Sym("hash-map"), List([Sym("concat"), .. segments]));
    }

    /// <summary>Groups items into (list q...) runs and spliced expressions.</summary>
    private List<object?> Segments(IEnumerable<object?> items, out bool spliced)
    {
        spliced = false;
        var segments = new List<object?>();
        var run = new List<object?>();
        foreach (var item in items)
        {
            if (item is PersistentList l && IsSplice(l))
            {
                if (run.Count > 0)
                {
                    segments.Add(List([Sym("list"), .. run]));
                    run.Clear();
                }

                segments.Add(l.Rest.First);
                spliced = true;
            }
            else
            {
                run.Add(Expand(item));
            }
        }

        if (run.Count > 0 || segments.Count == 0)
        {
            segments.Add(List([Sym("list"), .. run]));
        }

        return segments;
    }

    private PersistentList Quote(object? x) => List(Sym("quote"), x);

    private static Symbol Sym(string name) => Symbol.Of(name);

    private PersistentList List(params object?[] items)
    {
        Built += items.Length + 1;
        if (Built > budget)
        {
            throw new ExpansionException(Diagnostic.Create(DiagnosticIds.ExpansionTooLarge, span, budget, "syntax-quote"));
        }

        return PersistentList.Create(items);
    }
}

/// <summary>The engine's gensym counter, shared by gensym and auto-gensyms so names never collide.</summary>
internal sealed class GlobalEnvironmentGensyms(Runtime.GlobalEnvironment globals)
{
    public long Next() => globals.NextGensymId();
}
