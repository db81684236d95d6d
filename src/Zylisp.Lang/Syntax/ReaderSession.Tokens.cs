using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Syntax;

/// <summary>The scanner's token half: dispatch (#), numbers, symbols, keywords and nil/true/false.</summary>
internal sealed partial class ReaderSession
{
    private const long SmallIntegerMin = -128;
    private const long SmallIntegerMax = 1023;

    private static readonly object[] SmallIntegers = CreateSmallIntegers();

    private static object[] CreateSmallIntegers()
    {
        var boxes = new object[SmallIntegerMax - SmallIntegerMin + 1];
        for (int i = 0; i < boxes.Length; i++)
        {
            boxes[i] = SmallIntegerMin + i;
        }

        return boxes;
    }

    // ---- dispatch (#) -------------------------------------------------------------------

    private void ReadDispatch()
    {
        char next = Peek(1);
        switch (next)
        {
            case '{':
                Open(FrameKind.Set, 2);
                return;
            case '(':
                if (InsideFnLiteral())
                {
                    Report(DiagnosticIds.NestedFnLiteral, Span(Here, new TextPosition(pos + 2, line, pos + 2 - lineStart + 1)));
                }

                Open(FrameKind.FnLiteral, 2);
                return;
            case '_':
                OpenPrefix(null, "#_", 2);
                return;
            case '\'':
                OpenPrefix(VarSymbol, "#'", 2);
                return;
            case '#':
                ReadSymbolicValue();
                return;
            case '"':
                ReadRegex();
                return;
            default:
                var start = Here;
                pos++;
                int tokenEnd = ScanTokenEnd(pos);
                string shown = tokenEnd > pos ? text[pos..tokenEnd] : (pos < text.Length ? text[pos].ToString() : string.Empty);
                // A newline after '#' is left for SkipTrivia, which counts lines; consuming it here
                // put every later line and span one line too high.
                bool newlineNext = pos < text.Length && text[pos] == '\n';
                pos = newlineNext ? pos : Math.Max(tokenEnd, Math.Min(pos + 1, text.Length));
                Report(DiagnosticIds.UnknownDispatch, Span(start, Here), shown);
                return;
        }
    }

    private void ReadSymbolicValue()
    {
        var start = Here;
        int tokenEnd = ScanTokenEnd(pos + 2);
        var name = text.AsSpan(pos + 2, tokenEnd - pos - 2);
        pos = tokenEnd;
        object? value = name switch
        {
            "NaN" => double.NaN,
            "Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => null,
        };
        if (value is null)
        {
            Report(DiagnosticIds.InvalidToken, Span(start, Here), text[start.Offset..pos]);
            return;
        }

        Deliver(new ReadItem(value, start, Here));
    }

    // ---- tokens: numbers, symbols, keywords, nil/true/false ------------------------------

    private int ScanTokenEnd(int from)
    {
        // A plain loop rather than SearchValues: tokens are a few characters long, and creating a
        // SearchValues costs ~15 JIT-compiled framework methods on the first read of every process.
        int end = from;
        while (end < text.Length && !IsTokenTerminator(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>Delimiters, comma, and every character <see cref="char.IsWhiteSpace(char)"/> accepts.</summary>
    private static bool IsTokenTerminator(char c) => c switch
    {
        '(' or ')' or '[' or ']' or '{' or '}' or '"' or ';' or ',' or ' ' or '\t' or '\n' or '\r' or '\v' or '\f' => true,
        < '\u0080' => false,
        _ => char.IsWhiteSpace(c),
    };

    private void ReadToken()
    {
        var start = Here;
        int end = ScanTokenEnd(pos);
        if (end == pos)
        {
            // Unreachable while SkipTrivia and IsTokenTerminator agree on whitespace; kept so a
            // future mismatch degrades to a diagnostic instead of an exception.
            pos++;
            Report(DiagnosticIds.InvalidToken, Span(start, Here), text[start.Offset].ToString());
            return;
        }

        var token = text.AsSpan(pos, end - pos);
        pos = end;
        var endPosition = Here;

        if (NumberLiteral.StartsNumber(token[0], token.Length > 1 ? token[1] : '\0'))
        {
            ReadNumber(token, start, endPosition);
            return;
        }

        if (token[0] == ':')
        {
            ReadKeyword(token, start, endPosition);
            return;
        }

        switch (token)
        {
            case "nil":
                Deliver(new ReadItem(null, start, endPosition));
                return;
            case "true":
                Deliver(new ReadItem(true, start, endPosition));
                return;
            case "false":
                Deliver(new ReadItem(false, start, endPosition));
                return;
        }

        if (token[0] == '\\')
        {
            // Clojure's \c: say what it is and what to write instead, rather than "invalid token".
            Report(DiagnosticIds.CharacterLiteral, Span(start, endPosition), token.ToString());
            return;
        }

        if (!TrySplitName(token, out var ns, out var name))
        {
            Report(DiagnosticIds.InvalidToken, Span(start, endPosition), token.ToString());
            return;
        }

        var symbol = Symbol.Create(names.InternSymbol(token, ns, name), new PackedSpan(lines, start.Offset, endPosition.Offset));
        Deliver(new ReadItem(symbol, start, endPosition));
    }

    private void ReadNumber(ReadOnlySpan<char> token, TextPosition start, TextPosition end)
    {
        switch (NumberLiteral.Parse(token, out long integer, out double real))
        {
            case NumberLiteral.Outcome.Long:
                Deliver(new ReadItem(BoxedLong(integer), start, end));
                break;
            case NumberLiteral.Outcome.Double:
                Deliver(new ReadItem(real, start, end));
                break;
            case NumberLiteral.Outcome.LongOutOfRange:
                Report(DiagnosticIds.NumberOutOfRange, Span(start, end), token.ToString(), "64-bit integer");
                break;
            case NumberLiteral.Outcome.DoubleOutOfRange:
                Report(DiagnosticIds.NumberOutOfRange, Span(start, end), token.ToString(), "64-bit float");
                break;
            default:
                Report(DiagnosticIds.MalformedNumber, Span(start, end), token.ToString());
                break;
        }
    }

    private void ReadKeyword(ReadOnlySpan<char> token, TextPosition start, TextPosition end)
    {
        if (keywordLookup.TryGetValue(token, out var cached))
        {
            Deliver(new ReadItem(cached, start, end));
            return;
        }

        var body = token[1..];
        if (body.IsEmpty || body[0] == ':' || !TrySplitName(body, out var ns, out var name))
        {
            Report(DiagnosticIds.InvalidToken, Span(start, end), token.ToString());
            return;
        }

        var keyword = Keyword.Of(ns.IsEmpty ? null : ns.ToString(), name.ToString());
        keywords[token.ToString()] = keyword;
        Deliver(new ReadItem(keyword, start, end));
    }

    /// <summary>
    /// Splits "ns/name" (both parts non-empty; the name may be "/" itself, as in "ns//"), or
    /// accepts an unqualified name including "/" alone. Rejects names with a stray '/', a
    /// backslash, or a leading '#'.
    /// </summary>
    private static bool TrySplitName(ReadOnlySpan<char> token, out ReadOnlySpan<char> ns, out ReadOnlySpan<char> name)
    {
        ns = default;
        name = token;
        if (token.IsEmpty || token.Contains('\\') || token[0] == '#')
        {
            return false;
        }

        if (token is "/")
        {
            return true;
        }

        int slash = token.IndexOf('/');
        if (slash < 0)
        {
            return true;
        }

        if (slash == 0 || slash == token.Length - 1)
        {
            return false;
        }

        ns = token[..slash];
        name = token[(slash + 1)..];
        return name is "/" || !name.Contains('/');
    }

    // Small integers are common in code; sharing their boxes saves an allocation per literal.
    private static object BoxedLong(long value) =>
        value is >= SmallIntegerMin and <= SmallIntegerMax ? SmallIntegers[value - SmallIntegerMin] : value;
}
