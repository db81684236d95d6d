using System.Globalization;
using System.Text;

namespace Zylisp.Zast.Writing;

/// <summary>
/// The canonical format's string quoting. It is deliberately smaller than Go's strconv.Quote,
/// which leaves printable Unicode alone by consulting Unicode tables that differ between Go and
/// .NET versions: here every non-ASCII character is written as itself, so the Go oracle and
/// this writer agree byte for byte. The result is still a valid Go string literal.
/// </summary>
public static class GoString
{
    /// <summary>Quotes <paramref name="value"/>: <c>"</c> and <c>\</c> are escaped, as are the C0 controls and DEL
    /// (<c>\a \b \f \n \r \t \v</c> by name, the rest as <c>\xHH</c>). A lone surrogate, which no Go string can hold,
    /// becomes U+FFFD.</summary>
    public static void Quote(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        sb.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }

    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        Quote(sb, value);
        return sb.ToString();
    }
}
