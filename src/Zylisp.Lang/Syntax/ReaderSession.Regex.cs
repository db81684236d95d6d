using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime.Regex;

namespace Zylisp.Lang.Syntax;

/// <summary>The scanner's regex literals: #"..." is a pattern, checked and compiled as it is read.</summary>
internal sealed partial class ReaderSession
{
    /// <summary>
    /// Reads #"..." at <see cref="pos"/>. The text between the quotes is the pattern as written
    /// (a backslash escapes the next character for the regex, not for a string: #"\d" is \d, and
    /// \" is a quote). A pattern outside the dialect is a read error located in it (ZL1030); an
    /// unterminated one is an unterminated string, which the REPL waits on like any string.
    /// </summary>
    private void ReadRegex()
    {
        var start = Here;
        pos += 2;
        int contentStart = pos;
        while (true)
        {
            int found = text.AsSpan(pos).IndexOfAny('"', '\\', '\n');
            if (found < 0)
            {
                ReportUnterminated(start, openerWidth: 2);
                return;
            }

            pos += found;
            char c = text[pos];
            if (c == '\\' && pos + 1 == text.Length)
            {
                pos = text.Length; // a backslash ends the input: the pattern is unterminated (it ran past the end)
                continue;
            }

            if (c == '\\' && text[pos + 1] != '\n')
            {
                pos += 2;
                continue;
            }

            if (c is '\n' or '\\')
            {
                pos += c == '\\' ? 2 : 1;
                StartLine();
                continue;
            }

            string source = text[contentStart..pos];
            pos++;
            var regex = RegexValue.TryCreate(source, out var error, out int offset);
            if (regex is null)
            {
                var at = PositionOf(start, contentStart + Math.Min(offset, source.Length));
                Report(DiagnosticIds.InvalidRegex, Span(at, new TextPosition(at.Offset + 1, at.Line, at.Column + 1)), error);
                Deliver(new ReadItem(source, start, Here)); // a placeholder, so no "missing form" follows
                return;
            }

            Deliver(new ReadItem(regex, start, Here));
            return;
        }
    }

    /// <summary>The line and column of <paramref name="offset"/>, at or after <paramref name="from"/>.</summary>
    private TextPosition PositionOf(TextPosition from, int offset)
    {
        int lineNumber = from.Line;
        int lineStartOffset = from.Offset - (from.Column - 1);
        for (int i = from.Offset; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                lineNumber++;
                lineStartOffset = i + 1;
            }
        }

        return new TextPosition(offset, lineNumber, offset - lineStartOffset + 1);
    }
}
