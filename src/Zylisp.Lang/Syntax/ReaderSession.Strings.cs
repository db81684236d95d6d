using System.Globalization;
using System.Text;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Syntax;

/// <summary>The scanner's string half: literals and their escapes.</summary>
internal sealed partial class ReaderSession
{
    // ---- strings ------------------------------------------------------------------------

    private void ReadString()
    {
        var start = Here;
        pos++; // opening quote
        var buffer = stringBuffer ??= new StringBuilder();
        buffer.Clear();
        int chunkStart = pos;
        while (true)
        {
            int found = text.AsSpan(pos).IndexOfAny('"', '\\', '\n');
            if (found < 0)
            {
                ReportUnterminated(start, openerWidth: 1);
                return;
            }

            pos += found;
            char c = text[pos];
            if (c == '\n')
            {
                pos++;
                StartLine();
                continue;
            }

            if (c == '"')
            {
                string value = buffer.Length == 0
                    ? text.Substring(chunkStart, pos - chunkStart)
                    : buffer.Append(text, chunkStart, pos - chunkStart).ToString();
                pos++;
                Deliver(new ReadItem(value, start, Here));
                return;
            }

            buffer.Append(text, chunkStart, pos - chunkStart);
            ReadEscape(buffer);
            chunkStart = pos;
        }
    }

    /// <summary>The input ended inside a string or pattern opened at <paramref name="start"/>; the REPL waits for more.</summary>
    private void ReportUnterminated(TextPosition start, int openerWidth)
    {
        pos = text.Length;
        endedInsideString = true;
        Report(
            DiagnosticIds.UnterminatedString,
            Span(start, new TextPosition(start.Offset + openerWidth, start.Line, start.Column + openerWidth)),
            [start.Line, start.Column],
            new RelatedLocation(Span(Here, Here), "input ends here"));
    }

    /// <summary>Reads one escape at the backslash under <see cref="pos"/>; bad ones are reported and kept literally.</summary>
    private void ReadEscape(StringBuilder buffer)
    {
        var start = Here;
        char kind = Peek(1);
        if (pos + 1 >= text.Length)
        {
            pos++; // lone backslash at the end: the unterminated-string report covers it
            return;
        }

        switch (kind)
        {
            case 'n': buffer.Append('\n'); pos += 2; return;
            case 't': buffer.Append('\t'); pos += 2; return;
            case 'r': buffer.Append('\r'); pos += 2; return;
            case 'b': buffer.Append('\b'); pos += 2; return;
            case 'f': buffer.Append('\f'); pos += 2; return;
            case '"': buffer.Append('"'); pos += 2; return;
            case '\\': buffer.Append('\\'); pos += 2; return;
            case 'u':
                int digits = 0;
                int code = 0;
                while (digits < 4 && pos + 2 + digits < text.Length && char.IsAsciiHexDigit(text[pos + 2 + digits]))
                {
                    code = (code * 16) + int.Parse(text.AsSpan(pos + 2 + digits, 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    digits++;
                }

                pos += 2 + digits;
                if (digits == 4)
                {
                    buffer.Append((char)code);
                    return;
                }

                Report(DiagnosticIds.BadEscape, Span(start, Here), text[start.Offset..pos]);
                return;
            case '\n':
                pos++; // leave the newline for the caller, which counts lines
                Report(DiagnosticIds.BadEscape, Span(start, Here), "\\");
                return;
            default:
                // Keep the character itself so the rest of the string still reads sensibly.
                int width = char.IsHighSurrogate(kind) && pos + 2 < text.Length && char.IsLowSurrogate(text[pos + 2]) ? 2 : 1;
                buffer.Append(text, pos + 1, width);
                pos += 1 + width;
                Report(DiagnosticIds.BadEscape, Span(start, Here), text[start.Offset..pos]);
                return;
        }
    }
}
