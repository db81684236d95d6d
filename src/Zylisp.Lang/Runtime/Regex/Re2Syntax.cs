using System.Globalization;
using System.Text;

namespace Zylisp.Lang.Runtime.Regex;

/// <summary>
/// Zylisp's regex dialect: RE2 syntax without back-references (docs/design/regex.md). Checks a
/// pattern and rewrites it for the two matchers that run it: .NET's non-backtracking engine
/// (ASCII \d \w \s, $ as end of text, positional groups) and Go's regexp (named groups unnamed,
/// since Go 1.19 knows only (?P&lt;name&gt;)). Pure: no state, no compilation.
/// </summary>
public static class Re2Syntax
{
    /// <summary>
    /// The pattern rewritten for each engine, or the first error and its offset in the pattern.
    /// <paramref name="DotNetBmp"/> is <paramref name="DotNet"/> without the alternatives that only
    /// match characters outside the BMP, for text that has none (see DotNetPatterns).
    /// </summary>
    public readonly record struct Result(string? DotNet, string? DotNetBmp, string? Go, string? Error, int ErrorOffset)
    {
        public bool Ok => Error is null;
    }

    private const string DigitClass = "0-9";
    private const string WordClass = "0-9A-Za-z_";
    private const string SpaceClass = "\\t\\n\\f\\r ";

    // \D \W \S are their complements spelled as positive ranges, as before code points: under (?i)
    // .NET closes a range under case equivalence, so \W (which holds the Kelvin sign) matches k.
    private static readonly (int Lo, int Hi)[] Digits = [('0', '9')];
    private static readonly (int Lo, int Hi)[] WordCharacters = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
    private static readonly (int Lo, int Hi)[] Spaces = [('\t', '\n'), ('\f', '\r'), (' ', ' ')];
    private static readonly (int Lo, int Hi)[] NotDigits = [(0, '/'), (':', 0x10FFFF)];
    private static readonly (int Lo, int Hi)[] NotWordCharacters = [(0, '/'), (':', '@'), ('[', '^'), ('`', '`'), ('{', 0x10FFFF)];
    private static readonly (int Lo, int Hi)[] NotSpaces = [(0, 8), (0x0B, 0x0B), (0x0E, 0x1F), ('!', 0x10FFFF)];

    private static readonly Dictionary<string, (int Lo, int Hi)[]> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alpha"] = [('A', 'Z'), ('a', 'z')], ["digit"] = Digits, ["alnum"] = [('0', '9'), ('A', 'Z'), ('a', 'z')],
        ["upper"] = [('A', 'Z')], ["lower"] = [('a', 'z')], ["space"] = [('\t', '\r'), (' ', ' ')], ["word"] = WordCharacters,
        ["xdigit"] = [('0', '9'), ('A', 'F'), ('a', 'f')], ["blank"] = [('\t', '\t'), (' ', ' ')],
        ["punct"] = [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')], ["cntrl"] = [(0, 0x1F), (0x7F, 0x7F)],
        ["print"] = [(' ', '~')], ["graph"] = [('!', '~')], ["ascii"] = [(0, 0x7F)],
    };

    /// <summary>The flags that change how the rewrite spells an atom, saved and restored per group.</summary>
    private readonly record struct Flags(bool Multiline, bool DotAll, bool CaseInsensitive);

    public static Result Translate(string pattern)
    {
        var net = new DotNetPatterns(pattern.Length + 8);
        var go = new StringBuilder(pattern.Length);
        var flags = new Flags(false, false, false);
        var scopes = new Stack<Flags>();
        int i = 0;
        bool lastWasQuantifier = false;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            int at = i;
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    return Fail("a pattern cannot end with a lone backslash", at);
                }

                string? error = Escape(pattern, ref i, net, go, flags.CaseInsensitive);
                if (error is not null)
                {
                    return Fail(error, at);
                }

                lastWasQuantifier = false;
                continue;
            }

            switch (c)
            {
                case '[':
                    {
                        var (error, errorAt) = Class(pattern, ref i, net, go, flags.CaseInsensitive);
                        if (error is not null)
                        {
                            return Fail(error, errorAt);
                        }

                        lastWasQuantifier = false;
                        continue;
                    }

                case '.':
                    net.Append(CodePointClass.AnyCodePoint(flags.DotAll));
                    go.Append('.');
                    i++;
                    lastWasQuantifier = false;
                    continue;
                case ')':
                    if (scopes.Count > 0)
                    {
                        flags = scopes.Pop();
                    }

                    net.Append(c);
                    go.Append(c);
                    i++;
                    lastWasQuantifier = false;
                    continue;
                case '(':
                    {
                        string? error = Group(pattern, ref i, net, go, ref flags, scopes);
                        if (error is not null)
                        {
                            return Fail(error, at);
                        }

                        lastWasQuantifier = false;
                        continue;
                    }

                case '*' or '+' or '?':
                    if (lastWasQuantifier && c == '+')
                    {
                        return Fail("possessive quantifiers (x*+, x++, x?+) are not RE2 syntax", at);
                    }

                    net.Append(c);
                    go.Append(c);
                    i++;
                    if (i < pattern.Length && pattern[i] == '?')
                    {
                        net.Append('?'); // lazy
                        go.Append('?');
                        i++;
                    }

                    lastWasQuantifier = true;
                    continue;
                case '{':
                    {
                        int close = pattern.IndexOf('}', i);
                        string body = close > i ? pattern[(i + 1)..close] : "";
                        if (close > i && IsRepeat(body, out int max))
                        {
                            if (max > 1000)
                            {
                                return Fail("a repeat count must be at most 1000", at);
                            }

                            net.Append(pattern, i, close + 1 - i);
                            go.Append(pattern, i, close + 1 - i);
                            i = close + 1;
                            if (i < pattern.Length && pattern[i] == '?')
                            {
                                net.Append('?');
                                go.Append('?');
                                i++;
                            }

                            lastWasQuantifier = true;
                            continue;
                        }

                        net.Append("\\{"); // a literal brace, as in RE2
                        go.Append("\\{");
                        i++;
                        lastWasQuantifier = false;
                        continue;
                    }

                case '$':
                    // RE2's $ is the end of the text (of a line under (?m)); .NET's also matches before a final \n.
                    net.Append(flags.Multiline ? "$" : "\\z");
                    go.Append('$');
                    i++;
                    lastWasQuantifier = false;
                    continue;
                default:
                    // A character outside the BMP is two UTF-16 units: grouped, so a quantifier repeats both.
                    if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
                    {
                        net.Append("(?:").Append(pattern, i, 2).Append(')');
                        go.Append(pattern, i, 2);
                        i += 2;
                    }
                    else
                    {
                        net.Append(c);
                        go.Append(c);
                        i++;
                    }

                    lastWasQuantifier = false;
                    continue;
            }
        }

        return new Result(net.Whole, net.Bmp, go.ToString(), null, 0);
    }

    private static Result Fail(string error, int offset) => new(null, null, null, error, Math.Max(0, offset));

    private static bool IsRepeat(string body, out int max)
    {
        max = 0;
        var parts = body.Split(',');
        if (parts.Length > 2 || parts[0].Length == 0 || !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        foreach (var p in parts.Where(p => p.Length > 0))
        {
            max = Math.Max(max, p.Length > 6 ? int.MaxValue : int.Parse(p, CultureInfo.InvariantCulture));
        }

        return true;
    }

    /// <summary>
    /// Handles '(' at i: groups, flags, and the constructs RE2 rejects. A group saves the flags in
    /// <paramref name="scopes"/> (its ')' restores them); (?flags) changes them for the rest of the group.
    /// </summary>
    private static string? Group(string p, ref int i, DotNetPatterns net, StringBuilder go, ref Flags flags, Stack<Flags> scopes)
    {
        if (i + 1 >= p.Length || p[i + 1] != '?')
        {
            scopes.Push(flags);
            net.Append('(');
            go.Append('(');
            i++;
            return null;
        }

        string rest = p[(i + 2)..];
        if (rest.StartsWith(':'))
        {
            scopes.Push(flags);
            net.Append("(?:");
            go.Append("(?:");
            i += 3;
            return null;
        }

        if (rest.StartsWith("P<", StringComparison.Ordinal) || (rest.StartsWith('<') && !rest.StartsWith("<=", StringComparison.Ordinal) && !rest.StartsWith("<!", StringComparison.Ordinal)))
        {
            int nameStart = i + 2 + (rest[0] == 'P' ? 2 : 1);
            int close = p.IndexOf('>', nameStart);
            if (close < 0 || close == nameStart || !p[nameStart..close].All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                return "a group name must be letters, digits or _ between < and >";
            }

            // Groups are numbered by position in RE2; .NET numbers named groups last, so names are dropped.
            scopes.Push(flags);
            net.Append('(');
            go.Append('(');
            i = close + 1;
            return null;
        }

        if (rest.StartsWith('=') || rest.StartsWith('!') || rest.StartsWith("<=", StringComparison.Ordinal) || rest.StartsWith("<!", StringComparison.Ordinal))
        {
            return "lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not RE2 syntax: they cannot be matched in linear time";
        }

        if (rest.StartsWith('>'))
        {
            return "atomic groups (?>...) are not RE2 syntax";
        }

        if (rest.StartsWith('#') || rest.StartsWith('(') || rest.StartsWith('\''))
        {
            return "comments, conditionals and '-quoted group names are .NET syntax, not RE2's";
        }

        // Flags: (?flags) or (?flags:...), flags from i, m, s, optionally negated after '-'.
        int j = i + 2;
        bool negate = false;
        var changed = flags;
        while (j < p.Length && p[j] != ')' && p[j] != ':')
        {
            char f = p[j];
            if (f == '-' && !negate)
            {
                negate = true;
            }
            else if (f == 'i')
            {
                changed = changed with { CaseInsensitive = !negate };
            }
            else if (f == 's')
            {
                changed = changed with { DotAll = !negate };
            }
            else if (f == 'm')
            {
                changed = changed with { Multiline = !negate };
            }
            else
            {
                return f == 'U'
                    ? "the U (ungreedy) flag is not supported: write lazy quantifiers such as *? instead"
                    : $"unknown flag '{f}' in (?...): the flags are i, m and s";
            }

            j++;
        }

        if (j >= p.Length || j == i + 2)
        {
            return "missing ) after (?";
        }

        if (p[j] == ':')
        {
            scopes.Push(flags);
        }

        flags = changed;
        net.Append(p, i, j + 1 - i);
        go.Append(p, i, j + 1 - i);
        i = j + 1;
        return null;
    }

    /// <summary>What an escape stands for: exactly one of its fields is set.</summary>
    private readonly record struct EscapeItem(
        int? CodePoint = null, (int Lo, int Hi)[]? Ranges = null, string? Category = null, bool Complement = false,
        char? Assertion = null, string? Quoted = null, char? Shorthand = null);

    /// <summary>Handles the backslash at i outside a class.</summary>
    private static string? Escape(string p, ref int i, DotNetPatterns net, StringBuilder go, bool caseInsensitive)
    {
        int at = i;
        string? error = ParseEscape(p, ref i, inClass: false, out var item);
        if (error is not null)
        {
            return error;
        }

        if (item.Quoted is { } quoted)
        {
            for (int k = 0; k < quoted.Length; k++)
            {
                if (char.IsSurrogatePair(quoted, k))
                {
                    net.Append(CodePointClass.Literal(char.ConvertToUtf32(quoted, k)));
                    k++;
                }
                else
                {
                    net.Append(System.Text.RegularExpressions.Regex.Escape(quoted[k].ToString()));
                }
            }
        }
        else if (item.CodePoint is { } code)
        {
            net.Append(CodePointClass.Literal(code));
        }
        else if (item.Shorthand is 'd' or 'w' or 's')
        {
            net.Append('[').Append(item.Shorthand switch { 'd' => DigitClass, 'w' => WordClass, _ => SpaceClass }).Append(']');
        }
        else if (item.Ranges is { } ranges)
        {
            var set = new CodePointClass(negated: false);
            set.AddRanges(ranges);
            net.Append(set);
        }
        else if (item.Category is { } category)
        {
            var set = new CodePointClass(negated: false, caseInsensitive);
            set.AddCategory(category, item.Complement);
            net.Append(set);
        }
        else
        {
            net.Append("\\").Append(item.Assertion.ToString());
        }

        go.Append(p, at, i - at);
        return null;
    }

    /// <summary>Reads the escape at i (p[i] is the backslash) into <paramref name="item"/>, or returns why it is not RE2's.</summary>
    private static string? ParseEscape(string p, ref int i, bool inClass, out EscapeItem item)
    {
        item = default;
        char e = p[i + 1];
        switch (e)
        {
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                item = new EscapeItem(
                    Ranges: e switch
                    {
                        'd' => Digits,
                        'w' => WordCharacters,
                        's' => Spaces,
                        'D' => NotDigits,
                        'W' => NotWordCharacters,
                        _ => NotSpaces,
                    },
                    Shorthand: e);
                i += 2;
                return null;
            case >= '1' and <= '9':
                return "back-references (\\1 ...) are not supported: they cannot be matched in linear time";
            case '0' or 'k' or 'G' or 'Z' or 'e' or 'c' or 'u' or 'K' or 'R' or 'X' or 'h' or 'H' or 'V' or 'N' or 'g' or 'o':
                return e == 'u'
                    ? "\\u is not RE2 syntax: write \\x{HHHH} for a code point"
                    : $"\\{e} is not RE2 syntax";
            case 'p' or 'P':
                {
                    string name;
                    int end;
                    if (i + 2 < p.Length && p[i + 2] == '{')
                    {
                        int close = p.IndexOf('}', i + 3);
                        if (close < 0)
                        {
                            return "missing } after \\p{";
                        }

                        name = p[(i + 3)..close];
                        end = close + 1;
                    }
                    else if (i + 2 < p.Length)
                    {
                        name = p[(i + 2)..(i + 3)];
                        end = i + 3;
                    }
                    else
                    {
                        return "missing class name after \\p";
                    }

                    if (!IsGeneralCategory(name))
                    {
                        return $"\\p{{{name}}}: only Unicode general categories (L, Lu, N, Nd, P, ...) are supported";
                    }

                    item = new EscapeItem(Category: name, Complement: e == 'P');
                    i = end;
                    return null;
                }

            case 'x':
                {
                    int end;
                    string hex;
                    if (i + 2 < p.Length && p[i + 2] == '{')
                    {
                        int close = p.IndexOf('}', i + 3);
                        if (close < 0)
                        {
                            return "missing } after \\x{";
                        }

                        hex = p[(i + 3)..close];
                        end = close + 1;
                    }
                    else
                    {
                        hex = i + 4 <= p.Length ? p[(i + 2)..(i + 4)] : "";
                        end = i + 4;
                    }

                    if (hex.Length is 0 or > 6 || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code) || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                    {
                        return "\\x needs two hex digits, or \\x{...} with a code point";
                    }

                    item = new EscapeItem(CodePoint: code);
                    i = end;
                    return null;
                }

            case 'Q':
                {
                    if (inClass)
                    {
                        return "\\Q...\\E inside a character class is not supported";
                    }

                    int close = p.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                    int end = close < 0 ? p.Length : close;
                    item = new EscapeItem(Quoted: p[(i + 2)..end]);
                    i = close < 0 ? p.Length : close + 2;
                    return null;
                }

            case 'A' or 'z' or 'b' or 'B':
                if (inClass)
                {
                    return $"\\{e} is not allowed in a character class";
                }

                item = new EscapeItem(Assertion: e);
                i += 2;
                return null;
            case 'a' or 'f' or 't' or 'n' or 'r' or 'v':
                item = new EscapeItem(CodePoint: e switch { 'a' => 7, 'f' => 12, 't' => 9, 'n' => 10, 'r' => 13, _ => 11 });
                i += 2;
                return null;
            default:
                if (char.IsAsciiLetterOrDigit(e) || e > 127)
                {
                    return $"\\{e} is not an escape RE2 knows";
                }

                // Escaped punctuation is that character.
                item = new EscapeItem(CodePoint: e);
                i += 2;
                return null;
        }
    }

    /// <summary>
    /// Handles the class at i (p[i] is '['), read as a set of code points and written by
    /// <see cref="CodePointClass"/>; Go gets it as written. Returns the error and its offset, if any.
    /// </summary>
    private static (string? Error, int At) Class(string p, ref int i, DotNetPatterns net, StringBuilder go, bool caseInsensitive)
    {
        int start = i;
        i++;
        bool negated = i < p.Length && p[i] == '^';
        if (negated)
        {
            i++;
        }

        var set = new CodePointClass(negated, caseInsensitive);
        int first = i; // a ']' right after '[' or '[^' is a literal
        while (true)
        {
            if (i >= p.Length)
            {
                return ("missing ] to close the character class", start);
            }

            int at = i;
            char c = p[i];
            if (c == ']' && i > first)
            {
                i++;
                break;
            }

            if (c == '[' && i + 1 < p.Length && p[i + 1] == ':')
            {
                int end = p.IndexOf(":]", i + 2, StringComparison.Ordinal);
                string name = end > 0 ? p[(i + 2)..end] : "";
                if (end < 0 || !PosixClasses.TryGetValue(name, out var posix))
                {
                    return ($"unknown or unsupported character class [:{name}:]", at);
                }

                set.AddRanges(posix);
                i = end + 2;
                continue;
            }

            if (c == '-' && i + 1 < p.Length && p[i + 1] == '[')
            {
                return ("character class subtraction ([a-z-[aeiou]]) is .NET syntax, not RE2's", at);
            }

            var (lo, error) = ClassMember(p, ref i, set);
            if (error is not null)
            {
                return (error, at);
            }

            if (lo is not { } low)
            {
                continue; // \d, \p{L} ...: a set, not the start of a range
            }

            if (i + 1 < p.Length && p[i] == '-' && p[i + 1] != ']')
            {
                i++;
                var (hi, rangeError) = ClassMember(p, ref i, set: null);
                if (rangeError is not null || hi is null)
                {
                    return (rangeError ?? "a class escape cannot end a range", at);
                }

                if (hi < low)
                {
                    return ("a character range is reversed (its end comes before its start)", at);
                }

                set.Add(low, hi.Value);
            }
            else
            {
                set.Add(low, low);
            }
        }

        net.Append(set);
        go.Append(p, start, i - start);
        return (null, 0);
    }

    /// <summary>
    /// One member of a class at i: a code point (returned), or a set such as \d or \p{L}, added to
    /// <paramref name="set"/> (not allowed where <paramref name="set"/> is null: the end of a range).
    /// </summary>
    private static (int? CodePoint, string? Error) ClassMember(string p, ref int i, CodePointClass? set)
    {
        if (p[i] != '\\')
        {
            int code = char.IsSurrogatePair(p, i) ? char.ConvertToUtf32(p, i) : p[i];
            i += code >= 0x10000 ? 2 : 1;
            return (code, null);
        }

        if (i + 1 >= p.Length)
        {
            return (null, "a pattern cannot end with a lone backslash");
        }

        string? error = ParseEscape(p, ref i, inClass: true, out var item);
        if (error is not null || item.CodePoint is not null)
        {
            return (item.CodePoint, error);
        }

        if (set is null)
        {
            return (null, "a class escape cannot end a range");
        }

        if (item.Ranges is { } ranges)
        {
            set.AddRanges(ranges);
        }
        else if (item.Category is { } category)
        {
            set.AddCategory(category, item.Complement);
        }

        return (null, null);
    }

    private static bool IsGeneralCategory(string name) => name is
        "L" or "Lu" or "Ll" or "Lt" or "Lm" or "Lo" or "M" or "Mn" or "Mc" or "Me" or "N" or "Nd" or "Nl" or "No"
        or "P" or "Pc" or "Pd" or "Ps" or "Pe" or "Pi" or "Pf" or "Po" or "S" or "Sm" or "Sc" or "Sk" or "So"
        or "Z" or "Zs" or "Zl" or "Zp" or "C" or "Cc" or "Cf" or "Co" or "Cs";
}
