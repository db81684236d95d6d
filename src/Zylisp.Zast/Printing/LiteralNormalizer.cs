using System.Globalization;
using System.Text;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

/// <summary>The literal rewrites gofmt applies: canonical number prefixes and clean import paths.</summary>
internal static class LiteralNormalizer
{
    /// <summary>Lower-cases number prefixes and exponents (<c>0X1P4</c> → <c>0x1p4</c>) and strips leading zeros from imaginary literals.</summary>
    public static BasicLit NormalizeNumber(BasicLit literal)
    {
        if (literal.Kind is not (Token.Int or Token.Float or Token.Imag)) return literal;
        var x = literal.Value;
        if (x.Length < 2) return literal;
        switch (x[..2])
        {
            case "0X":
                x = "0x" + x[2..];
                x = ReplaceLast(x, 'P', 'p');
                break;
            case "0x":
                if (x.LastIndexOf('P') < 0) return literal;
                x = ReplaceLast(x, 'P', 'p');
                break;
            case "0O":
                x = "0o" + x[2..];
                break;
            case "0B":
                x = "0b" + x[2..];
                break;
            case "0o" or "0b":
                return literal;
            default:
                if (x.LastIndexOf('E') >= 0)
                {
                    x = ReplaceLast(x, 'E', 'e');
                    break;
                }
                // Leading zeros of a decimal imaginary literal are meaningless: 0123i == 123i.
                if (x[^1] == 'i' && x.IndexOfAny(['.', 'e']) < 0)
                {
                    x = x.TrimStart('0', '_');
                    if (x == "i") x = "0i";
                }
                break;
        }
        return x == literal.Value ? literal : new BasicLit { ValuePos = literal.ValuePos, Kind = literal.Kind, Value = x };
    }

    private static string ReplaceLast(string s, char from, char to)
    {
        var i = s.LastIndexOf(from);
        return i < 0 ? s : string.Concat(s.AsSpan(0, i), to.ToString(), s.AsSpan(i + 1));
    }

    /// <summary>Rewrites an import path written as a raw or escaped string into plain double quotes when it is a valid path.</summary>
    public static BasicLit SanitizeImportPath(BasicLit literal)
    {
        if (literal.Kind != Token.String) return literal;
        var path = Unquote(literal.Value);
        if (string.IsNullOrEmpty(path)) return literal;
        const string illegalChars = "!\"#$%&'()*,:;<=>?[\\]^{|}`\uFFFD";
        foreach (var rune in path.EnumerateRunes())
        {
            if (!IsGraphic(rune) || Rune.IsWhiteSpace(rune) || illegalChars.Contains(rune.ToString(), StringComparison.Ordinal)) return literal;
        }
        var quoted = "\"" + path + "\"";
        return quoted == literal.Value ? literal : new BasicLit { ValuePos = literal.ValuePos, Kind = Token.String, Value = quoted };
    }

    private static bool IsGraphic(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };

    /// <summary>Decodes a Go string literal; null if it is not one this helper understands.</summary>
    private static string? Unquote(string literal)
    {
        if (literal.Length < 2) return null;
        if (literal[0] == '`' && literal[^1] == '`') return literal[1..^1].Replace("\r", "", StringComparison.Ordinal);
        if (literal[0] != '"' || literal[^1] != '"') return null;
        var body = literal[1..^1];
        if (!body.Contains('\\')) return body.Contains('"') ? null : body;
        var result = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var ch = body[i];
            if (ch != '\\')
            {
                result.Append(ch);
                continue;
            }
            if (++i >= body.Length) return null;
            switch (body[i])
            {
                case 'a': result.Append('\a'); break;
                case 'b': result.Append('\b'); break;
                case 'f': result.Append('\f'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case 'v': result.Append('\v'); break;
                case '\\': result.Append('\\'); break;
                case '"': result.Append('"'); break;
                case 'u' or 'U':
                {
                    var digits = body[i] == 'u' ? 4 : 8;
                    if (body.Length - i - 1 < digits) return null;
                    if (!int.TryParse(body.AsSpan(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                        || !Rune.IsValid(code)) return null;
                    result.Append(new Rune(code).ToString());
                    i += digits;
                    break;
                }
                default:
                    // Byte escapes (\x, octal) can form arbitrary bytes; such paths are left alone.
                    return null;
            }
        }
        return result.ToString();
    }
}
