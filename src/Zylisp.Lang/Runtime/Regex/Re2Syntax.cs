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
    /// <summary>The pattern rewritten for each engine, or the first error and its offset in the pattern.</summary>
    public readonly record struct Result(string? DotNet, string? Go, string? Error, int ErrorOffset)
    {
        public bool Ok => Error is null;
    }

    private const string DigitClass = "0-9";
    private const string WordClass = "0-9A-Za-z_";
    private const string SpaceClass = "\\t\\n\\f\\r ";
    private const string NotDigitClass = "\\x00-/:-\\uFFFF";
    private const string NotWordClass = "\\x00-/:-@\\[-\\^`{-\\uFFFF";
    private const string NotSpaceClass = "\\x00-\\x08\\x0B\\x0E-\\x1F!-\\uFFFF";

    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alpha"] = "A-Za-z", ["digit"] = "0-9", ["alnum"] = "0-9A-Za-z", ["upper"] = "A-Z", ["lower"] = "a-z",
        ["space"] = "\\t\\n\\v\\f\\r ", ["word"] = WordClass, ["xdigit"] = "0-9A-Fa-f", ["blank"] = "\\t ",
        ["punct"] = "!-/:-@\\[-`{-~", ["cntrl"] = "\\x00-\\x1F\\x7F", ["print"] = " -~", ["graph"] = "!-~", ["ascii"] = "\\x00-\\x7F",
    };

    public static Result Translate(string pattern)
    {
        var net = new StringBuilder(pattern.Length + 8);
        var go = new StringBuilder(pattern.Length);
        bool multiline = false;
        int i = 0;
        bool inClass = false;
        int classStart = -1;
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

                char e = pattern[i + 1];
                string? error = Escape(pattern, ref i, inClass, net, go);
                if (error is not null)
                {
                    return Fail(error, at);
                }

                lastWasQuantifier = false;
                _ = e;
                continue;
            }

            if (inClass)
            {
                if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
                {
                    int end = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                    string name = end > 0 ? pattern[(i + 2)..end] : "";
                    bool negated = name.StartsWith('^');
                    if (end < 0 || !PosixClasses.TryGetValue(negated ? name[1..] : name, out var ranges) || negated)
                    {
                        return Fail($"unknown or unsupported character class [:{name}:]", at);
                    }

                    net.Append(ranges);
                    go.Append(pattern, i, end + 2 - i);
                    i = end + 2;
                    continue;
                }

                if (c == '-' && i + 1 < pattern.Length && pattern[i + 1] == '[')
                {
                    return Fail("character class subtraction ([a-z-[aeiou]]) is .NET syntax, not RE2's", at);
                }

                if (c == ']' && i > classStart)
                {
                    inClass = false;
                }

                net.Append(c);
                go.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    net.Append(c);
                    go.Append(c);
                    i++;
                    if (i < pattern.Length && pattern[i] == '^')
                    {
                        net.Append('^');
                        go.Append('^');
                        i++;
                    }

                    // A ']' right after '[' or '[^' is a literal.
                    classStart = i;
                    if (i < pattern.Length && pattern[i] == ']')
                    {
                        net.Append("\\]");
                        go.Append(']');
                        i++;
                        classStart = i - 1;
                    }

                    lastWasQuantifier = false;
                    continue;
                case '(':
                    {
                        string? error = Group(pattern, ref i, net, go, ref multiline);
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
                    net.Append(multiline ? "$" : "\\z");
                    go.Append('$');
                    i++;
                    lastWasQuantifier = false;
                    continue;
                default:
                    net.Append(c);
                    go.Append(c);
                    i++;
                    lastWasQuantifier = false;
                    continue;
            }
        }

        return inClass ? Fail("missing ] to close the character class", classStart - 1) : new Result(net.ToString(), go.ToString(), null, 0);
    }

    private static Result Fail(string error, int offset) => new(null, null, error, Math.Max(0, offset));

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

    /// <summary>Handles '(' at i: groups, flags, and the constructs RE2 rejects.</summary>
    private static string? Group(string p, ref int i, StringBuilder net, StringBuilder go, ref bool multiline)
    {
        if (i + 1 >= p.Length || p[i + 1] != '?')
        {
            net.Append('(');
            go.Append('(');
            i++;
            return null;
        }

        string rest = p[(i + 2)..];
        if (rest.StartsWith(':'))
        {
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
        while (j < p.Length && p[j] != ')' && p[j] != ':')
        {
            char f = p[j];
            if (f == '-' && !negate)
            {
                negate = true;
            }
            else if (f is 'i' or 's')
            {
            }
            else if (f == 'm')
            {
                multiline = !negate;
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

        net.Append(p, i, j + 1 - i);
        go.Append(p, i, j + 1 - i);
        i = j + 1;
        return null;
    }

    /// <summary>Handles the backslash at i.</summary>
    private static string? Escape(string p, ref int i, bool inClass, StringBuilder net, StringBuilder go)
    {
        char e = p[i + 1];
        switch (e)
        {
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                string ranges = e switch
                {
                    'd' => DigitClass,
                    'w' => WordClass,
                    's' => SpaceClass,
                    'D' => NotDigitClass,
                    'W' => NotWordClass,
                    _ => NotSpaceClass,
                };
                net.Append(inClass ? ranges : "[" + ranges + "]");
                go.Append('\\').Append(e);
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

                    net.Append('\\').Append(e).Append('{').Append(name).Append('}');
                    go.Append('\\').Append(e).Append('{').Append(name).Append('}');
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

                    string literal = char.ConvertFromUtf32(code);
                    net.Append(inClass ? EscapeInClass(literal) : System.Text.RegularExpressions.Regex.Escape(literal));
                    go.Append(p, i, end - i);
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
                    string literal = p[(i + 2)..end];
                    net.Append(System.Text.RegularExpressions.Regex.Escape(literal));
                    go.Append(p, i, (close < 0 ? p.Length : close + 2) - i);
                    i = close < 0 ? p.Length : close + 2;
                    return null;
                }

            case 'A' or 'z' or 'b' or 'B':
                if (inClass)
                {
                    return $"\\{e} is not allowed in a character class";
                }

                net.Append('\\').Append(e);
                go.Append('\\').Append(e);
                i += 2;
                return null;
            case 'a' or 'f' or 't' or 'n' or 'r' or 'v':
                net.Append('\\').Append(e);
                go.Append('\\').Append(e);
                i += 2;
                return null;
            default:
                if (char.IsAsciiLetterOrDigit(e) || e > 127)
                {
                    return $"\\{e} is not an escape RE2 knows";
                }

                // Escaped punctuation is that character.
                net.Append('\\').Append(e);
                go.Append('\\').Append(e);
                i += 2;
                return null;
        }
    }

    private static string EscapeInClass(string literal) =>
        literal.Length == 1 && (literal[0] is '\\' or ']' or '[' or '^' or '-') ? "\\" + literal : literal;

    private static bool IsGeneralCategory(string name) => name is
        "L" or "Lu" or "Ll" or "Lt" or "Lm" or "Lo" or "M" or "Mn" or "Mc" or "Me" or "N" or "Nd" or "Nl" or "No"
        or "P" or "Pc" or "Pd" or "Ps" or "Pe" or "Pi" or "Pf" or "Po" or "S" or "Sm" or "Sc" or "Sk" or "So"
        or "Z" or "Zs" or "Zl" or "Zp" or "C" or "Cc" or "Cf" or "Co" or "Cs";
}
