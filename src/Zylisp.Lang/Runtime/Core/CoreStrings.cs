using System.Globalization;
using System.Text;
using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;
using static Zylisp.Lang.Runtime.Core.CoreCollections;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>String functions. Indexes and counts are in Unicode code points.</summary>
internal static class CoreStrings
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("str", 0, -1, "([& xs])", "Concatenates the display forms of the arguments; nil is \"\".", (ctx, a) => Concat(a, v => Printer.Str(v, ctx.Options.Limits))),
        Fn("%slisp-str", 0, -1, "([& xs])", "str under SLisp rules (SLisp's rendering of collections).", (ctx, a) => Concat(a, v => Printer.SlispStr(v, ctx.Options.Limits))),
        Fn("subs", 2, 3, "([s start] [s start end])", "The code points of s from start up to end.", (_, a) =>
        {
            var s = Str("subs", a[0]);
            long start = Numbers.ToLong(a[1], "subs");
            long end = a.Length == 3 ? Numbers.ToLong(a[2], "subs") : ZylispStrings.CodePointCount(s);
            int count = ZylispStrings.CodePointCount(s);
            return start < 0 || end < start || end > count
                ? throw RuntimeErrors.IndexOutOfRange("subs", start < 0 || start > count ? start : end, count)
                : ZylispStrings.Substring(s, start, end);
        }),
        Fn("split", 2, 2, "([s separator])", "The parts of s between occurrences of the separator (a string or a pattern), as a vector (trailing empty parts dropped).", (_, a) =>
            a[1] is Regex.RegexValue re ? CoreRegex.Split(Str("split", a[0]), re) : Split(Str("split", a[0]), Str("split", a[1]))),
        Fn("join", 1, 2, "([coll] [separator coll])", "The display forms of the elements joined with the separator (default \"\").", (_, a) =>
            string.Join(a.Length == 2 ? Str("join", a[0]) : "", Items("join", a[^1]).Select(Printer.Str))),
        Fn("upper-case", 1, 1, "([s])", "s in upper case.", (_, a) => Str("upper-case", a[0]).ToUpperInvariant()),
        Fn("lower-case", 1, 1, "([s])", "s in lower case.", (_, a) => Str("lower-case", a[0]).ToLowerInvariant()),
        Fn("trim", 1, 1, "([s])", "s without leading and trailing whitespace.", (_, a) => Str("trim", a[0]).Trim()),
        Fn("starts-with?", 2, 2, "([s prefix])", "True when s starts with prefix.", (_, a) => Box.Bool(Str("starts-with?", a[0]).StartsWith(Str("starts-with?", a[1]), StringComparison.Ordinal))),
        Fn("ends-with?", 2, 2, "([s suffix])", "True when s ends with suffix.", (_, a) => Box.Bool(Str("ends-with?", a[0]).EndsWith(Str("ends-with?", a[1]), StringComparison.Ordinal))),
        Fn("includes?", 2, 2, "([s sub])", "True when s contains sub.", (_, a) => Box.Bool(Str("includes?", a[0]).Contains(Str("includes?", a[1]), StringComparison.Ordinal))),
        Fn("index-of", 2, 2, "([s sub])", "The code point index of the first sub in s, or nil.", (_, a) =>
        {
            var s = Str("index-of", a[0]);
            int i = s.IndexOf(Str("index-of", a[1]), StringComparison.Ordinal);
            return i < 0 ? null : Box.Long(ZylispStrings.CodePointCount(s[..i]));
        }),
        Fn("replace", 3, 3, "([s match replacement])", "s with every occurrence of match replaced: a string by a string; a pattern by a string ($1 for a group) or by (f match).", (ctx, a) =>
        {
            if (a[1] is Regex.RegexValue re)
            {
                return CoreRegex.Replace(ctx, Str("replace", a[0]), re, a[2]);
            }

            var match = Str("replace", a[1]);
            return match.Length == 0 ? throw RuntimeErrors.BadArgument("replace", "the string to replace must not be empty") : Str("replace", a[0]).Replace(match, Str("replace", a[2]), StringComparison.Ordinal);
        }),
        Fn("format", 1, -1, "([fmt & args])", "Formats args by %[flags][width][.precision]conversion directives: %s %S (display), %d (integer), %x %X %o (hex, octal), %f (float, 6 or .N decimals), %n, %%; flags - 0 + space and , (grouping).", (_, a) => StringFormat.Format(Str("format", a[0]), a.AsSpan(1).ToArray())),
        Fn("parse-long", 1, 1, "([s])", "The integer s spells, or nil.", (_, a) => long.TryParse(Str("parse-long", a[0]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? Box.Long(n) : null),
        Fn("parse-double", 1, 1, "([s])", "The float s spells, or nil.", (_, a) => double.TryParse(Str("parse-double", a[0]), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null),
        Fn("name", 1, 1, "([x])", "The name of a keyword or symbol (without namespace), or the string itself.", (_, a) => a[0] switch
        {
            Keyword k => k.Name,
            Symbol s => s.Name,
            string s => s,
            _ => throw RuntimeErrors.WrongType("name", "a keyword, symbol or string", a[0]),
        }),
        Fn("keyword", 1, 2, "([name] [ns name])", "The keyword with the given name (and namespace).", (_, a) => a.Length == 2
            ? Keyword.Of(NamespacePart("keyword", a[0]), Str("keyword", a[1]))
            : a[0] switch
            {
                Keyword k => k,
                string s => Keyword.Of(s),
                Symbol s => Keyword.Of(s.Namespace, s.Name),
                _ => throw RuntimeErrors.WrongType("keyword", "a string", a[0]),
            }),
        Fn("symbol", 1, 2, "([name] [ns name])", "The symbol with the given name (and namespace).", (_, a) => a.Length == 2
            ? Symbol.Of(NamespacePart("symbol", a[0]), Str("symbol", a[1]))
            : a[0] switch
            {
                Symbol s => s,
                string s => Symbol.Of(s),
                Keyword k => Symbol.Of(k.Namespace, k.Name),
                _ => throw RuntimeErrors.WrongType("symbol", "a string", a[0]),
            }),
        Fn("namespace", 1, 1, "([x])", "The namespace of a keyword or symbol, or nil when it has none.", (_, a) => a[0] switch
        {
            Keyword k => k.Namespace,
            Symbol s => s.Namespace,
            _ => throw RuntimeErrors.WrongType("namespace", "a keyword or symbol", a[0]),
        }),
        Fn("char-code", 1, 1, "([s])", "The Unicode code point of the first character of s.", (_, a) =>
        {
            var s = Str("char-code", a[0]);
            return s.Length == 0 ? throw RuntimeErrors.BadArgument("char-code", "empty string")
                : char.IsSurrogatePair(s, 0) ? Box.Long(char.ConvertToUtf32(s, 0))
                : Box.Long(s[0]); // a lone surrogate is its own code unit, as in Clojure
        }),
        Fn("from-char-code", 1, 1, "([n])", "The one-character string of code point n (a lone surrogate for 0xD800-0xDFFF).", (_, a) =>
            Numbers.ToLong(a[0], "from-char-code") switch
            {
                >= 0xD800 and <= 0xDFFF and var unit => ((char)unit).ToString(),
                >= 0 and <= 0x10FFFF and var code => char.ConvertFromUtf32((int)code),
                var other => throw RuntimeErrors.BadArgument("from-char-code", $"{other} is not a Unicode code point (0 to 0x10FFFF)"),
            }),
    ];

    private static string Str(string fn, object? x) => x as string ?? throw RuntimeErrors.WrongType(fn, "a string", x);

    private static string Concat(object?[] args, Func<object?, string> render)
    {
        if (args.Length == 1 && args[0] is string only)
        {
            return only;
        }

        var sb = new StringBuilder();
        foreach (var x in args)
        {
            sb.Append(render(x));
        }

        return sb.ToString();
    }

    private static PersistentVector Split(string s, string separator)
    {
        var parts = separator.Length == 0
            ? ZylispStrings.CodePoints(s).Cast<string>().ToList()
            : [.. s.Split(separator)];
        while (parts.Count > 0 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return PersistentVector.CreateRange(parts);
    }

    // (keyword nil "a") is :a, as in Clojure.
    private static string? NamespacePart(string function, object? ns) => ns is null ? null : Str(function, ns);
}
