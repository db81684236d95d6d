using System.Runtime.CompilerServices;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

/// <summary>
/// The Go pretty printer, a faithful reimplementation of go/printer's algorithm. This part is the
/// output machinery: tokens are written with delayed white space, tracking both the position
/// in the source (to keep the source's line breaks) and in the output.
/// </summary>
/// <remarks>
/// A printer instance prints one node once; nested instances in raw mode measure node sizes.
/// The output is a byte stream for <see cref="TabWriter"/>: '\v' and '\t' separate cells,
/// '\f' ends an alignment section, and literals and comments are wrapped in escapes.
/// </remarks>
internal sealed partial class SourcePrinter
{
    private const int MaxNewlines = 2;
    private const int Infinity = 1 << 30;
    private const int WhitespaceBufferCapacity = 16;

    /// <summary>A decoded source or output position; mutable because the printer advances it byte by byte.</summary>
    private struct Loc
    {
        public string File;
        public int Offset;
        public int Line;
        public int Column;

        public readonly bool IsValid => Line > 0;
    }

    /// <summary>A line number a statement or spec records when its first token is written (go/printer's linePtr).</summary>
    private sealed class LineRecord
    {
        public int Line;
    }

    private readonly PrinterOptions _config;
    private readonly FileSet _fset;
    // Boxed sizes and small classes rather than value types as generic arguments throughout the
    // printer: ReadyToRun cannot precompile generic code over value types from another version
    // bubble, so each such use was compiled by the JIT on every `zylisp compile`.
    private readonly Dictionary<Node, StrongBox<int>> _nodeSizes;
    private readonly ByteBuffer _output = new();
    private readonly WhitespaceBuffer _wsbuf = new(WhitespaceBufferCapacity);

    private int _indent;
    private int _level;            // > 0 inside a composite literal
    private CommentMode _mode;
    private bool _endAlignment;    // a multi-line literal ends the current alignment section
    private bool _impliedSemi;     // a line break here would insert a semicolon
    private Token _lastTok;        // Illegal after white space
    private Token _prevOpen;       // the last ( or [ just before the current token
    private Loc _pos;              // current position in the source
    private Loc _out;              // current position in the output
    private Loc _last;             // _pos after the last WriteString
    private LineRecord? _linePtr;

    // Expressions whose line the observer wants, waiting for their first token (nested ones,
    // such as a call whose callee is a call, share it).
    private readonly INodeLineObserver? _lineObserver;
    private readonly List<Expr> _pendingObserved = [];

    private Pos _cachedPos = new(-1);
    private int _cachedLine;
    private TokenFile? _cachedFile;

    private SourcePrinter(PrinterOptions config, FileSet fset, Dictionary<Node, StrongBox<int>> nodeSizes, INodeLineObserver? lineObserver = null)
    {
        _lineObserver = lineObserver;
        _config = config;
        _fset = fset;
        _nodeSizes = nodeSizes;
        _pos = new Loc { File = "", Line = 1, Column = 1 };
        _out = new Loc { File = "", Line = 1, Column = 1 };
        _last = new Loc { File = "" };
        _commentInfo.CommentOffset = 0;
    }

    /// <summary>Prints <paramref name="node"/> and returns the final text (after alignment and trimming).</summary>
    public static string Format(PrinterOptions config, FileSet fset, Node node, Dictionary<Node, StrongBox<int>> nodeSizes, INodeLineObserver? lineObserver = null)
    {
        var printer = new SourcePrinter(config, fset, nodeSizes, lineObserver);
        var raw = printer.PrintToBytes(node);
        var result = new ByteBuffer(raw.Length + raw.Length / 4 + 16);
        if ((config.Mode & PrinterMode.RawFormat) != 0)
        {
            TrailingSpaceTrimmer.Trim(raw.Span, result);
            return result.ToString();
        }
        var aligned = new ByteBuffer(raw.Length + raw.Length / 4 + 16);
        var minWidth = config.TabWidth;
        var padChar = (config.Mode & PrinterMode.UseSpaces) != 0 ? (byte)' ' : (byte)'\t';
        var flags = TabWriterFlags.DiscardEmptyColumns;
        if ((config.Mode & PrinterMode.TabIndent) != 0)
        {
            minWidth = 0;
            flags |= TabWriterFlags.TabIndent;
        }
        var tabWriter = new TabWriter(aligned, minWidth, config.TabWidth, 1, padChar, flags);
        tabWriter.Write(raw.Span);
        tabWriter.Flush();
        TrailingSpaceTrimmer.Trim(aligned.Span, result);
        return result.ToString();
    }

    private ByteBuffer PrintToBytes(Node node)
    {
        PrintNode(node);
        _impliedSemi = false; // the end of the file acts like a line break
        Flush(new Loc { File = "", Offset = Infinity, Line = Infinity }, Token.Eof);
        return _output;
    }

    private Loc PosFor(Pos pos)
    {
        if (!pos.IsValid) return new Loc { File = "" };
        var file = FileFor(pos);
        if (file is null) return new Loc { File = "" };
        var position = file.Position(pos);
        return new Loc { File = position.Filename ?? "", Offset = position.Offset, Line = position.Line, Column = position.Column };
    }

    private int LineFor(Pos pos)
    {
        if (pos != _cachedPos)
        {
            _cachedPos = pos;
            _cachedLine = pos.IsValid ? FileFor(pos)?.Line(pos) ?? 0 : 0;
        }
        return _cachedLine;
    }

    private TokenFile? FileFor(Pos pos)
    {
        var file = _cachedFile;
        if (file is not null && pos.Value >= file.Base && pos.Value <= file.Base + file.Size) return file;
        file = _fset.File(pos);
        if (file is not null) _cachedFile = file;
        return file;
    }

    private void WriteIndent()
    {
        var n = _config.Indent + _indent;
        _output.Append((byte)'\t', n);
        _pos.Offset += n;
        _pos.Column += n;
        _out.Column += n;
    }

    /// <summary>Writes <paramref name="ch"/> (never a literal character) <paramref name="n"/> times.</summary>
    private void WriteByte(byte ch, int n)
    {
        if (_endAlignment)
        {
            // A multi-line literal was written: tabs would align across it, so end the section.
            switch (ch)
            {
                case (byte)'\t' or (byte)'\v':
                    ch = (byte)' ';
                    break;
                case (byte)'\n' or (byte)'\f':
                    ch = (byte)'\f';
                    _endAlignment = false;
                    break;
            }
        }
        if (_out.Column == 1) WriteIndent();
        _output.Append(ch, n);
        _pos.Offset += n;
        if (ch is (byte)'\n' or (byte)'\f')
        {
            _pos.Line += n;
            _out.Line += n;
            _pos.Column = 1;
            _out.Column = 1;
            return;
        }
        _pos.Column += n;
        _out.Column += n;
    }

    /// <summary>Writes a token, identifier, literal or comment; <paramref name="pos"/> is its source position if known.</summary>
    private void WriteString(Loc pos, string s, bool isLit)
    {
        if (_out.Column == 1) WriteIndent();
        if (pos.IsValid) _pos = pos; // the source position of the next item is known exactly
        if (isLit) _output.Append(TabWriter.Escape);
        var start = _output.Length;
        var length = _output.AppendUtf8(s);
        var newlines = 0;
        var lastNewline = 0;
        for (var i = 0; i < length; i++)
        {
            var ch = _output[start + i];
            if (ch is (byte)'\n' or (byte)'\f')
            {
                newlines++;
                lastNewline = i;
                _endAlignment = true;
            }
        }
        _pos.Offset += length;
        if (newlines > 0)
        {
            _pos.Line += newlines;
            _out.Line += newlines;
            var column = length - lastNewline;
            _pos.Column = column;
            _out.Column = column;
        }
        else
        {
            _pos.Column += length;
            _out.Column += length;
        }
        if (isLit) _output.Append(TabWriter.Escape);
        _last = _pos;
    }

    /// <summary>Writes the first <paramref name="n"/> pending white-space items, applying indentation changes.</summary>
    private void WriteWhitespace(int n)
    {
        for (var i = 0; i < n; i++)
        {
            var ch = _wsbuf[i];
            switch (ch)
            {
                case Whitespace.Ignore:
                    break;
                case Whitespace.Indent:
                    _indent++;
                    break;
                case Whitespace.Unindent:
                    _indent = Math.Max(0, _indent - 1);
                    break;
                case Whitespace.Newline or Whitespace.Formfeed:
                    // An unindent right after a line break belongs before it, so that the next
                    // line (say, a closing brace) is already indented correctly.
                    if (i + 1 < n && _wsbuf[i + 1] == Whitespace.Unindent)
                    {
                        _wsbuf[i] = Whitespace.Unindent;
                        _wsbuf[i + 1] = Whitespace.Formfeed;
                        i--;
                        continue;
                    }
                    WriteByte((byte)ch, 1);
                    break;
                default:
                    WriteByte((byte)ch, 1);
                    break;
            }
        }
        _wsbuf.RemoveFirst(n);
    }

    private static int LimitNewlines(int n) => Math.Min(n, MaxNewlines);

    /// <summary>Whether writing <paramref name="next"/> right after <paramref name="prev"/> would form a different token.</summary>
    private static bool MayCombine(Token prev, char next) => prev switch
    {
        Token.Int => next == '.',
        Token.Add => next == '+',
        Token.Sub => next == '-',
        Token.Quo => next == '*',
        Token.Lss => next is '-' or '<',
        Token.And => next is '&' or '^',
        _ => false,
    };

    /// <summary>Prints a sequence of items, as go/printer's print: white space is buffered and comments before the next item are flushed first.</summary>
    private void Print(params PrintArg[] args)
    {
        foreach (var arg in args)
        {
            switch (_lastTok)
            {
                case Token.Illegal:
                    break;
                case Token.LParen or Token.LBrack:
                    _prevOpen = _lastTok;
                    break;
                default:
                    _prevOpen = Token.Illegal;
                    break;
            }

            string data;
            var isLit = false;
            bool impliedSemi;
            switch (arg.Kind)
            {
                case PrintArg.ArgKind.Mode:
                    _mode ^= (CommentMode)arg.Value;
                    continue;
                case PrintArg.ArgKind.Whitespace:
                {
                    var ws = (Whitespace)arg.Value;
                    if (ws == Whitespace.Ignore) continue;
                    if (_wsbuf.Count == WhitespaceBufferCapacity) WriteWhitespace(_wsbuf.Count);
                    _wsbuf.Add(ws);
                    if (ws is Whitespace.Newline or Whitespace.Formfeed) _impliedSemi = false;
                    _lastTok = Token.Illegal;
                    continue;
                }
                case PrintArg.ArgKind.Position:
                {
                    var pos = new Pos(arg.Value);
                    if (pos.IsValid) _pos = PosFor(pos);
                    continue;
                }
                case PrintArg.ArgKind.Ident:
                    data = ((Ident)arg.Payload!).Name;
                    impliedSemi = true;
                    _lastTok = Token.Ident;
                    break;
                case PrintArg.ArgKind.Literal:
                {
                    var literal = (BasicLit)arg.Payload!;
                    data = literal.Value;
                    isLit = true;
                    impliedSemi = true;
                    _lastTok = literal.Kind;
                    break;
                }
                case PrintArg.ArgKind.Text:
                    data = (string)arg.Payload!;
                    isLit = true;
                    impliedSemi = true;
                    _lastTok = Token.String;
                    break;
                default:
                {
                    var token = (Token)arg.Value;
                    data = token.Text();
                    if (data.Length > 0 && MayCombine(_lastTok, data[0]))
                    {
                        // Keep the two tokens apart: "+ +x", "1 .String()".
                        _wsbuf.Clear();
                        _wsbuf.Add(Whitespace.Blank);
                    }
                    impliedSemi = token is Token.Break or Token.Continue or Token.Fallthrough or Token.Return
                        or Token.Inc or Token.Dec or Token.RParen or Token.RBrack or Token.RBrace;
                    _lastTok = token;
                    break;
                }
            }

            var next = _pos; // estimated or exact position of this item
            var (wroteNewline, droppedFormfeed) = Flush(next, _lastTok);

            // Keep the source's line breaks, unless that would insert a semicolon.
            if (!_impliedSemi)
            {
                var n = LimitNewlines(next.Line - _pos.Line);
                if (wroteNewline && n == MaxNewlines) n = MaxNewlines - 1;
                if (n > 0)
                {
                    WriteByte(droppedFormfeed ? (byte)'\f' : (byte)'\n', n);
                    impliedSemi = false;
                }
            }

            if (_linePtr is not null)
            {
                _linePtr.Line = _out.Line;
                _linePtr = null;
            }

            if (_pendingObserved.Count > 0)
            {
                foreach (var observed in _pendingObserved)
                {
                    _lineObserver!.Printed(observed, _out.Line);
                }

                _pendingObserved.Clear();
            }

            WriteString(next, data, isLit);
            _impliedSemi = impliedSemi;
        }
    }

    /// <summary>Writes the comments before <paramref name="next"/>, or else the pending white space.</summary>
    private (bool WroteNewline, bool DroppedFormfeed) Flush(Loc next, Token tok)
    {
        if (CommentBefore(next)) return IntersperseComments(next, tok);
        WriteWhitespace(_wsbuf.Count);
        return (false, false);
    }

    private void RecordLine(LineRecord record) => _linePtr = record;

    private int LinesFrom(LineRecord record) => _out.Line - record.Line;
}
