using System.Text;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Syntax;

/// <summary>
/// One read of one text. Nesting is tracked on an explicit frame stack (never the host stack),
/// finished forms wait on a shared item stack until their collection closes, and every loop
/// consumes at least one character per iteration, so no input can hang or overflow the reader.
/// This file is the scanner's frame half (opening, closing, delivering forms); tokens are read in
/// ReaderSession.Tokens.cs, strings in ReaderSession.Strings.cs, and <see cref="CollectionBuilder"/>
/// turns a closed collection's forms into its value.
/// </summary>
internal sealed partial class ReaderSession : ICollectionReporter
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

    private readonly string text;
    private readonly string file;
    private readonly ReaderOptions options;
    private readonly List<Diagnostic> diagnostics = [];
    private readonly ValueStack<Frame> frames = new();
    private readonly ValueStack<ReadItem> items = new();
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
            FrameKind.List => CollectionBuilder.List(items, frame.ItemBase, count, Packed(frame.Start, end)),
            FrameKind.Vector => CollectionBuilder.Vector(items, frame.ItemBase, count, Packed(frame.Start, end)),
            FrameKind.Map => CollectionBuilder.Map(items, frame.ItemBase, count, Packed(frame.Start, end), this),
            FrameKind.FnLiteral => FnLiteral.Build(CollectionBuilder.List(items, frame.ItemBase, count, Packed(frame.Start, end)), Packed(frame.Start, end)),
            _ => CollectionBuilder.Set(items, frame.ItemBase, count, Packed(frame.Start, end), this),
        };
        items.Truncate(frame.ItemBase);
        Deliver(new ReadItem(value, frame.Start, end));
    }

    /// <summary>Hands a finished form to whatever is waiting for it: a reader macro, a collection or the top level.</summary>
    private void Deliver(ReadItem item)
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
                        item = new ReadItem(DroppedForm, dropped.Start, dropped.OpenerEnd);
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
                    item = new ReadItem(wrapped, start, item.End);
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
            Deliver(new ReadItem(DroppedForm, finished.Start, finished.OpenerEnd));
        }
    }

    /// <summary>Whether the innermost frame is a reader macro (not itself dropped) waiting for its form.</summary>
    private bool WaitsForForm() => frames.Count > 0 && frames[^1] is { Kind: FrameKind.Prefix or FrameKind.Discard, Discarding: false };

    // ---- diagnostics and spans ----------------------------------------------------------

    private SourceSpan Span(TextPosition start, TextPosition end) =>
        new(file, start.Line, start.Column, end.Line, end.Column, start.Offset, end.Offset);

    private PackedSpan Packed(TextPosition start, TextPosition end) => new(lines, start.Offset, end.Offset);

    private void Report(string id, SourceSpan span, params object?[] args) => Report(id, span, args, null);

    void ICollectionReporter.Report(string id, TextPosition start, TextPosition end, params object?[] args) =>
        Report(id, Span(start, end), args, null);

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
