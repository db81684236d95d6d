using System.Text;
using System.Text.RegularExpressions;
using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Runtime.Regex;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// Regular expressions in Zylisp's dialect, RE2 syntax without back-references, matched in linear
/// time (docs/design/regex.md). re-seq is prelude code over re-matcher; split and replace in
/// <see cref="CoreStrings"/> take a pattern through <see cref="Split"/> and <see cref="Replace"/>.
/// </summary>
internal static class CoreRegex
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("re-pattern", 1, 1, "([s])", "The pattern s spells (RE2 syntax without back-references); a pattern is returned as is.", (_, a) => a[0] switch
        {
            RegexValue re => re,
            string s => Compile("re-pattern", s),
            var other => throw RuntimeErrors.WrongType("re-pattern", "a string", other),
        }),
        Fn("re-matcher", 2, 2, "([re s])", "A matcher over the matches of re in s, for re-find and re-groups.", (_, a) =>
            new RegexMatcher(Pattern("re-matcher", a[0]), Text("re-matcher", a[1]))),
        Fn("re-find", 1, 2, "([m] [re s])", "The first match of re in s (or the matcher's next match): the matched text, or [match group1 ...] when re has groups; nil when there is none.", (_, a) =>
        {
            if (a.Length == 1)
            {
                var matcher = a[0] as RegexMatcher ?? throw RuntimeErrors.WrongType("re-find", "a matcher", a[0]);
                return matcher.Next() is { } next ? RegexValue.Groups(next) : null;
            }

            var re = Pattern("re-find", a[0]);
            using var matches = re.Matches(Text("re-find", a[1])).GetEnumerator();
            return matches.MoveNext() ? RegexValue.Groups(matches.Current) : null;
        }),
        Fn("re-matches", 2, 2, "([re s])", "The match of re against the whole of s (as re-find gives it), or nil when re does not match all of s.", (_, a) =>
        {
            var text = Text("re-matches", a[1]);
            var m = Pattern("re-matches", a[0]).WholeFor(text).Match(text);
            return m.Success ? RegexValue.Groups(m) : null;
        }),
        Fn("re-groups", 1, 1, "([m])", "The last match of the matcher m, as re-find gave it.", (_, a) =>
        {
            var matcher = a[0] as RegexMatcher ?? throw RuntimeErrors.WrongType("re-groups", "a matcher", a[0]);
            return matcher.Last is { } last ? RegexValue.Groups(last) : throw RuntimeErrors.BadArgument("re-groups", "the matcher has no match (call re-find first)");
        }),
    ];

    /// <summary>Compiles a pattern at run time; a bad one is a bad-argument error naming the function.</summary>
    public static RegexValue Compile(string fn, string source) =>
        RegexValue.TryCreate(source, out var error, out int offset)
        ?? throw RuntimeErrors.BadArgument(fn, $"invalid pattern at offset {offset}: {error}");

    private static RegexValue Pattern(string fn, object? value) =>
        value as RegexValue ?? throw RuntimeErrors.WrongType(fn, "a pattern (#\"...\")", value);

    private static string Text(string fn, object? value) =>
        value as string ?? throw RuntimeErrors.WrongType(fn, "a string", value);

    /// <summary>(split s re): the parts between matches; no empty first part for an empty match at 0, no empty last parts.</summary>
    public static PersistentVector Split(string s, RegexValue re)
    {
        var parts = new List<object?>();
        int start = 0;
        foreach (var m in re.Matches(s))
        {
            if (m.Index == 0 && m.Length == 0)
            {
                continue;
            }

            parts.Add(s[start..m.Index]);
            start = m.Index + m.Length;
        }

        parts.Add(s[start..]);
        while (parts.Count > 0 && ((string)parts[^1]!).Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return PersistentVector.CreateRange(parts);
    }

    /// <summary>(replace s re replacement): every match replaced by the string ($1 for a group, \$ for $) or by (f match).</summary>
    public static string Replace(RunContext ctx, string s, RegexValue re, object? replacement)
    {
        var sb = new StringBuilder();
        int start = 0;
        foreach (var m in re.Matches(s))
        {
            sb.Append(s, start, m.Index - start);
            switch (replacement)
            {
                case string template:
                    Expand(template, m, sb);
                    break;
                case ZFunction f:
                    sb.Append(Printer.Str(Callables.Call(ctx, f, RegexValue.Groups(m))));
                    break;
                default:
                    throw RuntimeErrors.WrongType("replace", "a replacement string or function", replacement);
            }

            start = m.Index + m.Length;
        }

        return sb.Append(s, start, s.Length - start).ToString();
    }

    /// <summary>Java's replacement syntax, which Clojure uses: $n is group n (more digits while they name a group), \x is x.</summary>
    private static void Expand(string template, Match m, StringBuilder sb)
    {
        int groups = m.Groups.Count - 1;
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c == '\\' && i + 1 < template.Length)
            {
                sb.Append(template[++i]);
            }
            else if (c == '$')
            {
                if (i + 1 >= template.Length || !char.IsAsciiDigit(template[i + 1]))
                {
                    throw RuntimeErrors.BadArgument("replace", "a $ in the replacement must be followed by a group number (write \\$ for a dollar sign)");
                }

                int n = template[++i] - '0';
                while (i + 1 < template.Length && char.IsAsciiDigit(template[i + 1]) && n * 10 + (template[i + 1] - '0') <= groups)
                {
                    n = n * 10 + (template[++i] - '0');
                }

                if (n > groups)
                {
                    throw RuntimeErrors.BadArgument("replace", $"the replacement names group {n}, but the pattern has {groups}");
                }

                sb.Append(m.Groups[n].Success ? m.Groups[n].Value : "");
            }
            else
            {
                sb.Append(c);
            }
        }
    }
}
