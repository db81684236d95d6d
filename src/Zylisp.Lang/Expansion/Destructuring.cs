using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Expansion;

/// <summary>
/// Clojure-style destructuring in <c>let</c>, <c>loop</c> and <c>fn</c> parameters, rewritten by the
/// expander into plain symbol bindings, so the core forms (and every backend) only ever bind
/// symbols. A vector pattern takes elements by position (<c>[a b &amp; more :as all]</c>); a map pattern
/// takes values by key (<c>{a :a, :keys [b c], :strs [d], :syms [e], :or {b 0}, :as m}</c>); patterns
/// nest. The lookups call prelude helpers with %-names, which no program shadows by accident.
/// See docs/language.md, section "Destructuring".
/// </summary>
internal sealed class Destructuring(Func<string, Symbol> gensym)
{
    private static readonly Symbol Ampersand = Symbol.Of("&");
    private static readonly Keyword As = Keyword.Of("as");
    private static readonly Keyword Or = Keyword.Of("or");
    private static readonly Keyword Keys = Keyword.Of("keys");
    private static readonly Keyword Strs = Keyword.Of("strs");
    private static readonly Keyword Syms = Keyword.Of("syms");
    private static readonly Symbol Nth = Symbol.Of("%destructure-nth");
    private static readonly Symbol Rest = Symbol.Of("%destructure-rest");
    private static readonly Symbol Get = Symbol.Of("%destructure-get");
    private static readonly Symbol AsMap = Symbol.Of("%destructure-map");
    private static readonly Symbol Quote = Symbol.Of("quote");
    private static readonly Symbol LetSymbol = Symbol.Of("let");

    /// <summary>True when a binding position holds a pattern rather than a plain name.</summary>
    public static bool IsPattern(object? binding) => binding is PersistentVector or PersistentMap;

    /// <summary>
    /// Appends to <paramref name="bindings"/> the name/value pairs that bind <paramref name="pattern"/>
    /// to the value of <paramref name="init"/>, in an order where each value only uses earlier names.
    /// </summary>
    /// <param name="pattern">What to bind: a name or a pattern.</param>
    /// <param name="init">The form whose value is destructured.</param>
    /// <param name="bindings">Receives name, value, name, value, ….</param>
    /// <param name="form">The form being expanded (let, loop, fn), for messages.</param>
    /// <param name="where">The innermost enclosing form with a location, for errors about items that have none (numbers, strings).</param>
    public void Bind(object? pattern, object? init, List<object?> bindings, string form, object? where)
    {
        where = pattern is IHasSpan { Span: not null } ? pattern : where;
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Malformed(where, form, "the pattern is nested too deeply");
        }

        switch (pattern)
        {
            case Symbol { Namespace: null } name when name.Name != "&":
                bindings.Add(name);
                bindings.Add(init);
                return;
            case PersistentVector vector:
                BindVector(vector, init, bindings, form);
                return;
            case PersistentMap map:
                BindMap(map, init, bindings, form);
                return;
            default:
                throw Malformed(where, form, $"cannot bind to {Printing.Printer.PrStr(pattern)}: expected a name, a [vector] or a {{map}}");
        }
    }

    /// <summary>
    /// Binding names (fn parameters, loop names) with every pattern replaced by a fresh name, and the
    /// let bindings (pattern, fresh name, …) that destructure them; null when there is no pattern.
    /// fn and loop both wrap their body in that let (<see cref="LetAround"/>), so recur rebinds the
    /// fresh names and the patterns are destructured again on every iteration.
    /// </summary>
    public (PersistentVector Names, List<object?> Bindings)? SplitPatterns(PersistentVector names)
    {
        if (!names.Any(IsPattern))
        {
            return null;
        }

        var plain = new List<object?>(names.Count);
        var bindings = new List<object?>();
        foreach (var name in names)
        {
            if (IsPattern(name))
            {
                var fresh = Fresh("p", name);
                plain.Add(fresh);
                bindings.Add(name);
                bindings.Add(fresh);
            }
            else
            {
                plain.Add(name);
            }
        }

        return (PersistentVector.CreateRange(plain).WithSpan(names.Span), bindings);
    }

    /// <summary><c>(let [bindings…] body…)</c>, located at <paramref name="span"/>.</summary>
    public static PersistentList LetAround(IEnumerable<object?> bindings, IEnumerable<object?> body, SourceSpan? span) =>
        PersistentList.CreateRange([LetSymbol, PersistentVector.CreateRange(bindings), .. body]).WithSpan(span);

    private void BindVector(PersistentVector pattern, object? init, List<object?> bindings, string form)
    {
        var whole = Fresh("vec", pattern);
        bindings.Add(whole);
        bindings.Add(init);
        long position = 0;
        for (int i = 0; i < pattern.Count; i++)
        {
            var item = pattern[i];
            if (Equals(item, Ampersand) || Equals(item, As))
            {
                if (i + 1 >= pattern.Count)
                {
                    throw Malformed(pattern, form, $"{Printing.Printer.PrStr(item)} must be followed by a pattern");
                }

                var target = pattern[++i];
                if (Equals(item, As))
                {
                    Bind(RequireName(target, pattern, form, ":as"), whole, bindings, form, pattern);
                }
                else
                {
                    Bind(target, Call(pattern, Rest, whole, position), bindings, form, pattern);
                }

                continue;
            }

            Bind(item, Call(pattern, Nth, whole, position), bindings, form, pattern);
            position++;
        }
    }

    private void BindMap(PersistentMap pattern, object? init, List<object?> bindings, string form)
    {
        var whole = Fresh("map", pattern);
        bindings.Add(whole);
        bindings.Add(Call(pattern, AsMap, init)); // keyword arguments: (f :a 1) with [& {:keys [a]}]
        var defaults = pattern.Get(Or) switch
        {
            null => PersistentMap.Empty,
            PersistentMap map => map,
            var other => throw Malformed(pattern, form, $":or takes a map of defaults, not {Printing.Printer.PrStr(other)}"),
        };

        foreach (var entry in pattern.Entries)
        {
            if (Equals(entry.Key, Or))
            {
                continue;
            }

            if (Equals(entry.Key, As))
            {
                Bind(RequireName(entry.Value, pattern, form, ":as"), whole, bindings, form, pattern);
            }
            else if (Equals(entry.Key, Keys) || Equals(entry.Key, Strs) || Equals(entry.Key, Syms))
            {
                if (entry.Value is not PersistentVector names)
                {
                    throw Malformed(pattern, form, $"{Printing.Printer.PrStr(entry.Key)} takes a vector of names");
                }

                foreach (var item in names)
                {
                    var name = RequireName(item, pattern, form, Printing.Printer.PrStr(entry.Key));
                    object? key = Equals(entry.Key, Keys) ? Keyword.Of(name.Name)
                        : Equals(entry.Key, Strs) ? name.Name
                        : PersistentList.Create(Quote, Symbol.Of(name.Name));
                    Bind(name, Call(pattern, Get, whole, key, defaults.Get(name)), bindings, form, pattern);
                }
            }
            else
            {
                // {pattern lookup-key}: the default applies when the pattern is a plain name.
                var fallback = entry.Key is Symbol s ? defaults.Get(s) : null;
                Bind(entry.Key, Call(pattern, Get, whole, entry.Value, fallback), bindings, form, pattern);
            }
        }
    }

    private Symbol Fresh(string stem, object? pattern) => gensym(stem).WithSpan((pattern as IHasSpan)?.Span);

    private static Symbol RequireName(object? item, object? pattern, string form, string what) =>
        item is Symbol { Namespace: null } name && name.Name != "&"
            ? name
            : throw Malformed(pattern, form, $"{what} takes a name, not {Printing.Printer.PrStr(item)}");

    private static PersistentList Call(object? pattern, params object?[] items) =>
        PersistentList.Create(items).WithSpan((pattern as IHasSpan)?.Span);

    private static ExpansionException Malformed(object? pattern, string form, string problem) =>
        new(Diagnostic.Create(DiagnosticIds.MalformedPattern, (pattern as IHasSpan)?.Span, form, problem));
}
