using System.Globalization;
using System.Text;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// One read of one text. Nesting is tracked on an explicit frame stack (never the host stack),
/// finished forms wait on a shared item stack until their collection closes, and every loop
/// consumes at least one character per iteration, so no input can hang or overflow the reader.
/// </summary>
internal sealed class ReaderSession
{
    private static readonly Symbol QuoteSymbol = Symbol.Of("quote");
    private static readonly Symbol SyntaxQuoteSymbol = Symbol.Of("syntax-quote");
    private static readonly Symbol UnquoteSymbol = Symbol.Of("unquote");
    private static readonly Symbol UnquoteSplicingSymbol = Symbol.Of("unquote-splicing");
    private static readonly Symbol DerefSymbol = Symbol.Of("deref");

    /// <summary>
    /// What a form dropped for nesting too deeply delivers to its parent, so a reader macro waiting
    /// for it ends silently instead of reporting a missing form (issue 15 item 16: 1,001 quotes
    /// gave 99 false "must be followed by a form" errors).
    /// </summary>
    private static readonly object DroppedForm = new();

    private const long SmallIntegerMin = -128;
    private const long SmallIntegerMax = 1023;

    private static readonly object[] SmallIntegers = CreateSmallIntegers();

    private readonly string text;
    private readonly string file;
    private readonly ReaderOptions options;
    private readonly List<Diagnostic> diagnostics = [];
    private readonly ValueStack<Frame> frames = new();
    private readonly ValueStack<Item> items = new();
    private readonly List<object?> forms = [];
    private readonly List<SourceSpan> formSpans = [];
    private readonly NameTable names = new();
    private readonly Dictionary<string, Keyword> keywords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Keyword>.AlternateLookup<ReadOnlySpan<char>> keywordLookup;
    private LineMap lines;
    private StringBuilder? stringBuffer;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int errorCount;
    private bool stopped;
    private bool endedInsideString;

    public ReaderSession(string text, string file, ReaderOptions options)
    {
        this.text = text;
        this.file = file;
        this.options = options;
        lines = new LineMap(file, 0);
        keywordLookup = keywords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private enum FrameKind
    {
        List,
        Vector,
        Map,
        Set,
        FnLiteral,
        Prefix,
        Discard,
    }

    private static object[] CreateSmallIntegers()
    {
        var boxes = new object[SmallIntegerMax - SmallIntegerMin + 1];
        for (int i = 0; i < boxes.Length; i++)
        {
            boxes[i] = SmallIntegerMin + i;
        }

        return boxes;
    }

    private TextPosition Here => new(pos, line, pos - lineStart + 1);

    public ReadResult Run()
    {
        SkipShebang();
        while (!stopped)
        {
            SkipTrivia();
            if (pos >= text.Length)
            {
                break;
            }

            int before = pos;
            ReadNext();
            if (pos == before)
            {
                pos++; // defensive: every step must consume input
            }
        }

        bool endedInsideForm = frames.Count > 0 || endedInsideString;
        CloseAllAtEnd();
        // Stable, so diagnostics at the same position keep the order they were found in. Skipped
        // for zero or one diagnostic (nearly every read): the first OrderBy of a process loads
        // LINQ's sorting types.
        var sorted = diagnostics.Count > 1
            ? diagnostics.OrderBy(static d => d.Span?.StartOffset ?? int.MaxValue).ToList()
            : diagnostics;
        return new ReadResult(forms, formSpans, sorted, endedInsideForm);
    }

    private void SkipShebang()
    {
        // A byte-order mark survives when text is decoded without BOM detection; it is not a symbol.
        if (text.StartsWith('\uFEFF'))
        {
            pos = 1;
            lineStart = 1;
            lines = new LineMap(file, 1);
        }

        if (text.AsSpan(pos).StartsWith("#!", StringComparison.Ordinal))
        {
            SkipLine();
        }
    }

    /// <summary>Counts a newline just consumed; the line map must see every line the counter does.</summary>
    private void StartLine()
    {
        line++;
        lineStart = pos;
        lines.AddLine(pos);
    }

    private void SkipLine()
    {
        int newline = text.IndexOf('\n', pos);
        pos = newline < 0 ? text.Length : newline;
    }

    private void SkipTrivia()
    {
        while (pos < text.Length)
        {
            char c = text[pos];
            switch (c)
            {
                case ' ' or ',' or '\t' or '\r':
                    pos++;
                    break;
                case '\n':
                    pos++;
                    StartLine();
                    break;
                case ';':
                    SkipLine();
                    break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        pos++;
                        break;
                    }

                    return;
            }
        }
    }

    private void ReadNext()
    {
        char c = text[pos];
        switch (c)
        {
            case '(':
                Open(FrameKind.List, 1);
                break;
            case '[':
                Open(FrameKind.Vector, 1);
                break;
            case '{':
                Open(FrameKind.Map, 1);
                break;
            case ')' or ']' or '}':
                Close(c);
                break;
            case '"':
                ReadString();
                break;
            case '\'':
                OpenPrefix(QuoteSymbol, "'", 1);
                break;
            case '`':
                OpenPrefix(SyntaxQuoteSymbol, "`", 1);
                break;
            case '~':
                if (Peek(1) == '@')
                {
                    OpenPrefix(UnquoteSplicingSymbol, "~@", 2);
                }
                else
                {
                    OpenPrefix(UnquoteSymbol, "~", 1);
                }

                break;
            case '@':
                OpenPrefix(DerefSymbol, "@", 1);
                break;
            case '#':
                ReadDispatch();
                break;
            default:
                ReadToken();
                break;
        }
    }

    private char Peek(int ahead) => pos + ahead < text.Length ? text[pos + ahead] : '\0';

    // ---- collections and reader macros ----------------------------------------------------

    private void Open(FrameKind kind, int width)
    {
        var start = Here;
        pos += width;
        PushFrame(new Frame(kind, items.Count, start, Here, null, null, false));
    }

    private void OpenPrefix(Symbol? symbol, string prefixText, int width)
    {
        var start = Here;
        pos += width;
        PushFrame(new Frame(symbol is null ? FrameKind.Discard : FrameKind.Prefix, items.Count, start, Here, symbol, prefixText, false));
    }

    private void PushFrame(Frame frame)
    {
        bool parentDiscarding = frames.Count > 0 && frames[^1].Discarding;
        if (parentDiscarding || frames.Count >= options.MaxDepth)
        {
            if (!parentDiscarding)
            {
                Report(DiagnosticIds.NestingTooDeep, Span(frame.Start, frame.OpenerEnd), options.MaxDepth);
            }

            frame = frame with { Discarding = true };
        }

        frames.Add(frame);
    }

    private void Close(char closer)
    {
        var closerStart = Here;
        FrameKind closes = closer switch
        {
            ')' => FrameKind.List,
            ']' => FrameKind.Vector,
            _ => FrameKind.Map, // '}' closes both maps and sets
        };

        int match = frames.Count - 1;
        while (match >= 0 && frames[match].Kind != closes
            && !(closes == FrameKind.Map && frames[match].Kind == FrameKind.Set)
            && !(closes == FrameKind.List && frames[match].Kind == FrameKind.FnLiteral))
        {
            match--;
        }

        if (match < 0)
        {
            pos++;
            Report(DiagnosticIds.UnexpectedCloser, Span(closerStart, Here), closer.ToString());
            return;
        }

        // Everything opened after the matching opener is unclosed; close it here so its contents survive.
        while (frames.Count - 1 > match)
        {
            var inner = frames[^1];
            if (inner.Kind is FrameKind.Prefix or FrameKind.Discard)
            {
                ReportMissingFormAfterPrefix(inner);
                frames.Pop();
                continue;
            }

            if (!inner.Discarding)
            {
                Report(
                    DiagnosticIds.MismatchedCloser,
                    Span(closerStart, new TextPosition(closerStart.Offset + 1, closerStart.Line, closerStart.Column + 1)),
                    [CloserOf(inner.Kind), OpenerOf(inner.Kind), inner.Start.Line, inner.Start.Column, closer.ToString()],
                    new RelatedLocation(Span(inner.Start, inner.OpenerEnd), "opened here"));
            }

            FinishCollection(closerStart);
        }

        pos++;
        FinishCollection(Here);
    }

    private void CloseAllAtEnd()
    {
        var end = Here;
        while (frames.Count > 0)
        {
            var frame = frames[^1];
            if (frame.Kind is FrameKind.Prefix or FrameKind.Discard)
            {
                if (!stopped)
                {
                    ReportMissingFormAfterPrefix(frame);
                }

                frames.Pop();
                continue;
            }

            if (!frame.Discarding && !stopped)
            {
                Report(
                    DiagnosticIds.UnclosedForm,
                    Span(frame.Start, frame.OpenerEnd),
                    [KindName(frame.Kind), CloserOf(frame.Kind), OpenerOf(frame.Kind), frame.Start.Line, frame.Start.Column],
                    new RelatedLocation(Span(end, end), "input ends here"));
            }

            FinishCollection(end);
        }
    }

    private void ReportMissingFormAfterPrefix(Frame frame)
    {
        if (!frame.Discarding)
        {
            Report(DiagnosticIds.MissingFormAfterPrefix, Span(frame.Start, frame.OpenerEnd), frame.PrefixText!);
        }
    }

    /// <summary>Pops the top collection frame, builds its value from the waiting items and delivers it.</summary>
    private void FinishCollection(TextPosition end)
    {
        var frame = frames[^1];
        frames.Pop();
        int count = items.Count - frame.ItemBase;
        if (frame.Discarding)
        {
            items.Truncate(frame.ItemBase);
            DeliverDroppedTo(frame);
            return;
        }

        object value = frame.Kind switch
        {
            FrameKind.List => BuildList(frame.ItemBase, count, Packed(frame.Start, end)),
            FrameKind.Vector => BuildVector(frame.ItemBase, count, Packed(frame.Start, end)),
            FrameKind.Map => BuildMap(frame.ItemBase, count, Packed(frame.Start, end)),
            FrameKind.FnLiteral => FnLiteral.Build(BuildList(frame.ItemBase, count, Packed(frame.Start, end)), Packed(frame.Start, end)),
            _ => BuildSet(frame.ItemBase, count, Packed(frame.Start, end)),
        };
        items.Truncate(frame.ItemBase);
        Deliver(new Item(value, frame.Start, end));
    }

    private PersistentList BuildList(int start, int count, PackedSpan span)
    {
        if (count == 0)
        {
            return PersistentList.EmptyAt(span);
        }

        var list = PersistentList.Empty;
        for (int i = start + count - 1; i > start; i--)
        {
            list = list.Cons(items[i].Form);
        }

        return PersistentList.ConsAt(items[start].Form, list, span);
    }

    private PersistentVector BuildVector(int start, int count, PackedSpan span)
    {
        var values = new object?[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = items[start + i].Form;
        }

        return PersistentVector.FromArray(values, span);
    }

    private PersistentMap BuildMap(int start, int count, PackedSpan span)
    {
        if (count % 2 != 0)
        {
            var dangling = items[start + count - 1];
            Report(DiagnosticIds.OddMapForms, Span(dangling.Start, dangling.End), count);
            count--; // the last key has no value; drop it
        }

        var entries = new KeyValuePair<object?, object?>[count / 2];
        int kept = 0;
        var seen = count / 2 > PersistentMap.SmallLimit ? new HashSet<object?>(ValueEquality.Instance) : null;
        for (int i = start; i < start + count; i += 2)
        {
            var key = items[i];
            if (seen is not null ? !seen.Add(key.Form) : ContainsKey(entries, kept, key.Form))
            {
                Report(DiagnosticIds.DuplicateMapKey, Span(key.Start, key.End), key.Form);
                continue;
            }

            entries[kept++] = new KeyValuePair<object?, object?>(key.Form, items[i + 1].Form);
        }

        return PersistentMap.FromDistinctEntries(kept == entries.Length ? entries : entries[..kept], span);
    }

    private static bool ContainsKey(KeyValuePair<object?, object?>[] entries, int count, object? key)
    {
        for (int i = 0; i < count; i++)
        {
            if (ValueEquality.Instance.Equals(entries[i].Key, key))
            {
                return true;
            }
        }

        return false;
    }

    private PersistentSet BuildSet(int start, int count, PackedSpan span)
    {
        var elements = new object?[count];
        int kept = 0;
        var seen = count > PersistentMap.SmallLimit ? new HashSet<object?>(ValueEquality.Instance) : null;
        for (int i = start; i < start + count; i++)
        {
            var element = items[i];
            if (seen is not null ? !seen.Add(element.Form) : ContainsElement(elements, kept, element.Form))
            {
                Report(DiagnosticIds.DuplicateSetElement, Span(element.Start, element.End), element.Form);
                continue;
            }

            elements[kept++] = element.Form;
        }

        return PersistentSet.FromDistinct(kept == elements.Length ? elements : elements[..kept], span);
    }

    private static bool ContainsElement(object?[] elements, int count, object? item)
    {
        for (int i = 0; i < count; i++)
        {
            if (ValueEquality.Instance.Equals(elements[i], item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Hands a finished form to whatever is waiting for it: a reader macro, a collection or the top level.</summary>
    private void Deliver(Item item)
    {
        while (true)
        {
            int depth = frames.Count;
            if (depth == 0)
            {
                forms.Add(item.Form);
                formSpans.Add((item.Form as IHasSpan)?.Span ?? Span(item.Start, item.End));
                return;
            }

            // Read the top frame in place: frames are large structs and this runs once per form.
            ref readonly var top = ref frames[depth - 1];
            switch (top.Kind)
            {
                case FrameKind.Discard or FrameKind.Prefix when top.Discarding || ReferenceEquals(item.Form, DroppedForm):
                    // A loop, not DeliverDroppedTo: a thousand nested quotes end without recursion.
                    var dropped = top;
                    frames.Pop();
                    if (WaitsForForm())
                    {
                        item = new Item(DroppedForm, dropped.Start, dropped.OpenerEnd);
                        continue;
                    }

                    return;
                case FrameKind.Discard:
                    frames.Pop();
                    return;
                case FrameKind.Prefix:
                    var symbol = top.PrefixSymbol!.At(Packed(top.Start, top.OpenerEnd));
                    var start = top.Start;
                    frames.Pop();
                    var wrapped = PersistentList.ConsAt(symbol, PersistentList.Empty.Cons(item.Form), Packed(start, item.End));
                    item = new Item(wrapped, start, item.End);
                    continue;
                default:
                    if (!top.Discarding && !ReferenceEquals(item.Form, DroppedForm))
                    {
                        items.Add(item);
                    }

                    return;
            }
        }
    }

    /// <summary>
    /// After a frame dropped for depth (or waiting on one) ends, a reader macro that was waiting
    /// for it ends too, without a form and without an error: the depth error already covers it.
    /// </summary>
    private void DeliverDroppedTo(in Frame finished)
    {
        if (finished.Discarding && WaitsForForm())
        {
            Deliver(new Item(DroppedForm, finished.Start, finished.OpenerEnd));
        }
    }

    /// <summary>Whether the innermost frame is a reader macro (not itself dropped) waiting for its form.</summary>
    private bool WaitsForForm() => frames.Count > 0 && frames[^1] is { Kind: FrameKind.Prefix or FrameKind.Discard, Discarding: false };

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
            case '#':
                ReadSymbolicValue();
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

        Deliver(new Item(value, start, Here));
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
                Deliver(new Item(null, start, endPosition));
                return;
            case "true":
                Deliver(new Item(true, start, endPosition));
                return;
            case "false":
                Deliver(new Item(false, start, endPosition));
                return;
        }

        if (!TrySplitName(token, out var ns, out var name))
        {
            Report(DiagnosticIds.InvalidToken, Span(start, endPosition), token.ToString());
            return;
        }

        var symbol = Symbol.Create(names.InternSymbol(token, ns, name), new PackedSpan(lines, start.Offset, endPosition.Offset));
        Deliver(new Item(symbol, start, endPosition));
    }

    private void ReadNumber(ReadOnlySpan<char> token, TextPosition start, TextPosition end)
    {
        switch (NumberLiteral.Parse(token, out long integer, out double real))
        {
            case NumberLiteral.Outcome.Long:
                Deliver(new Item(BoxedLong(integer), start, end));
                break;
            case NumberLiteral.Outcome.Double:
                Deliver(new Item(real, start, end));
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
            Deliver(new Item(cached, start, end));
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
        Deliver(new Item(keyword, start, end));
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
                pos = text.Length;
                endedInsideString = true;
                Report(
                    DiagnosticIds.UnterminatedString,
                    Span(start, new TextPosition(start.Offset + 1, start.Line, start.Column + 1)),
                    [start.Line, start.Column],
                    new RelatedLocation(Span(Here, Here), "input ends here"));
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
                Deliver(new Item(value, start, Here));
                return;
            }

            buffer.Append(text, chunkStart, pos - chunkStart);
            ReadEscape(buffer);
            chunkStart = pos;
        }
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

    // ---- diagnostics and spans ----------------------------------------------------------

    private SourceSpan Span(TextPosition start, TextPosition end) =>
        new(file, start.Line, start.Column, end.Line, end.Column, start.Offset, end.Offset);

    private PackedSpan Packed(TextPosition start, TextPosition end) => new(lines, start.Offset, end.Offset);

    private void Report(string id, SourceSpan span, params object?[] args) => Report(id, span, args, null);

    private void Report(string id, SourceSpan span, object?[] args, RelatedLocation? related)
    {
        if (stopped)
        {
            return;
        }

        var diagnostic = Diagnostic.Create(id, span, args);
        if (related is not null)
        {
            diagnostic = diagnostic with { Related = [related] };
        }

        diagnostics.Add(diagnostic);
        if (diagnostic.IsError && ++errorCount >= options.MaxErrors)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticIds.TooManyErrors, Span(Here, Here), errorCount));
            stopped = true;
        }
    }

    private bool InsideFnLiteral()
    {
        for (int i = 0; i < frames.Count; i++)
        {
            if (frames[i].Kind == FrameKind.FnLiteral)
            {
                return true;
            }
        }

        return false;
    }

    private static string OpenerOf(FrameKind kind) => kind switch
    {
        FrameKind.List => "(",
        FrameKind.FnLiteral => "#(",
        FrameKind.Vector => "[",
        FrameKind.Map => "{",
        _ => "#{",
    };

    private static string CloserOf(FrameKind kind) => kind switch
    {
        FrameKind.List or FrameKind.FnLiteral => ")",
        FrameKind.Vector => "]",
        _ => "}",
    };

    private static string KindName(FrameKind kind) => kind switch
    {
        FrameKind.List => "list",
        FrameKind.FnLiteral => "function literal",
        FrameKind.Vector => "vector",
        FrameKind.Map => "map",
        _ => "set",
    };

    private readonly record struct TextPosition(int Offset, int Line, int Column);

    private readonly record struct Item(object? Form, TextPosition Start, TextPosition End);

    /// <summary>An open collection or a reader macro waiting for its form.</summary>
    private readonly record struct Frame(
        FrameKind Kind,
        int ItemBase,
        TextPosition Start,
        TextPosition OpenerEnd,
        Symbol? PrefixSymbol,
        string? PrefixText,
        bool Discarding);
}
