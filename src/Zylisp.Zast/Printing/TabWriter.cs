namespace Zylisp.Zast.Printing;

/// <summary>Options of <see cref="TabWriter"/>, with text/tabwriter's meanings.</summary>
[Flags]
public enum TabWriterFlags
{
    None = 0,
    /// <summary>Drop the escape bytes from the output instead of passing them through.</summary>
    StripEscape = 1 << 1,
    /// <summary>Pad cells on the left instead of the right.</summary>
    AlignRight = 1 << 2,
    /// <summary>A column whose cells are all empty and tab-terminated by a soft tab (\v) gets no width.</summary>
    DiscardEmptyColumns = 1 << 3,
    /// <summary>Leading empty cells (indentation) are always padded with tabs.</summary>
    TabIndent = 1 << 4,
}

/// <summary>
/// Elastic tabstops with the exact semantics of Go's text/tabwriter, which go/printer relies on
/// to align struct fields, comments and const blocks.
/// </summary>
/// <remarks>
/// Input is a byte stream of cells: a cell is terminated by a horizontal tab ('\t') or a soft
/// tab ('\v'); a line by '\n' or a form feed ('\f'). The cells of one column in a block of
/// consecutive lines are padded to a common width. A form feed, or a line consisting of a single
/// cell, ends the block (everything so far is flushed), so a column never spans it.
/// Text between two <see cref="Escape"/> bytes is one opaque run: its tabs and newlines do not
/// split cells. Widths count runes (UTF-8 characters), not bytes; the escape bytes themselves
/// count zero.
/// </remarks>
public sealed class TabWriter
{
    /// <summary>Brackets text that must not be interpreted (go/printer wraps every literal and comment in it).</summary>
    public const byte Escape = 0xFF;

    private sealed record Cell(int Size, int Width, bool HardTab);

    private readonly int _minWidth;
    private readonly int _tabWidth;
    private readonly int _padding;
    private readonly byte _padChar;
    private readonly TabWriterFlags _flags;
    private readonly ByteBuffer _output;

    private readonly ByteBuffer _text = new();      // cell text without tabs and line breaks
    private int _measured;                            // _text prefix whose width is already in the current cell
    private int _cellSize;
    private int _cellWidth;
    private bool _inEscape;
    private readonly List<List<Cell>> _lines = [];
    private readonly List<int> _widths = [];

    internal TabWriter(ByteBuffer output, int minWidth, int tabWidth, int padding, byte padChar, TabWriterFlags flags)
    {
        _output = output;
        _minWidth = Math.Max(0, minWidth);
        _tabWidth = Math.Max(0, tabWidth);
        _padding = Math.Max(0, padding);
        _padChar = padChar;
        // Right alignment with tab padding cannot work, as in text/tabwriter.
        _flags = padChar == (byte)'\t' ? flags & ~TabWriterFlags.AlignRight : flags;
        Reset();
    }

    /// <summary>Formats UTF-8 <paramref name="input"/> with the given settings in one go.</summary>
    public static byte[] Format(ReadOnlySpan<byte> input, int minWidth, int tabWidth, int padding, byte padChar, TabWriterFlags flags)
    {
        var output = new ByteBuffer();
        var writer = new TabWriter(output, minWidth, tabWidth, padding, padChar, flags);
        writer.Write(input);
        writer.Flush();
        return output.Span.ToArray();
    }

    /// <summary>Formats <paramref name="input"/> (which cannot contain <see cref="Escape"/> bytes) in one go.</summary>
    public static string Format(string input, int minWidth, int tabWidth, int padding, char padChar, TabWriterFlags flags) =>
        System.Text.Encoding.UTF8.GetString(Format(System.Text.Encoding.UTF8.GetBytes(input), minWidth, tabWidth, padding, (byte)padChar, flags));

    public void Write(ReadOnlySpan<byte> input)
    {
        var start = 0; // first byte of input not yet appended to the current cell
        for (var i = 0; i < input.Length; i++)
        {
            var ch = input[i];
            if (_inEscape)
            {
                if (ch != Escape) continue;
                var end = (_flags & TabWriterFlags.StripEscape) != 0 ? i : i + 1;
                AppendText(input[start..end]);
                start = i + 1;
                EndEscape();
                continue;
            }
            switch (ch)
            {
                case (byte)'\t' or (byte)'\v' or (byte)'\n' or (byte)'\f':
                {
                    AppendText(input[start..i]);
                    MeasureCell();
                    start = i + 1;
                    var cellsInLine = TerminateCell(ch == (byte)'\t');
                    if (ch is (byte)'\n' or (byte)'\f')
                    {
                        _lines.Add([]);
                        // A form feed or a one-cell line cannot be part of a column block: flush.
                        if (ch == (byte)'\f' || cellsInLine == 1) FlushLines();
                    }
                    break;
                }
                case Escape:
                    AppendText(input[start..i]);
                    MeasureCell();
                    start = (_flags & TabWriterFlags.StripEscape) != 0 ? i + 1 : i;
                    _inEscape = true;
                    break;
            }
        }
        AppendText(input[start..]);
    }

    /// <summary>Writes out everything buffered; the current line's last cell is not padded.</summary>
    public void Flush()
    {
        FlushLines();
    }

    private void FlushLines()
    {
        if (_cellSize > 0)
        {
            if (_inEscape) EndEscape();
            TerminateCell(false);
        }
        FormatLines(0, 0, _lines.Count);
        Reset();
    }

    private void Reset()
    {
        _text.Clear();
        _measured = 0;
        _cellSize = 0;
        _cellWidth = 0;
        _inEscape = false;
        _lines.Clear();
        _lines.Add([]);
        _widths.Clear();
    }

    private void AppendText(ReadOnlySpan<byte> bytes)
    {
        _text.Append(bytes);
        _cellSize += bytes.Length;
    }

    private void MeasureCell()
    {
        _cellWidth += RuneCount(_text.Span[_measured..]);
        _measured = _text.Length;
    }

    private void EndEscape()
    {
        MeasureCell();
        if ((_flags & TabWriterFlags.StripEscape) == 0) _cellWidth -= 2; // the two escape bytes are invisible
        _measured = _text.Length;
        _inEscape = false;
    }

    private int TerminateCell(bool hardTab)
    {
        var line = _lines[^1];
        line.Add(new Cell(_cellSize, _cellWidth, hardTab));
        _cellSize = 0;
        _cellWidth = 0;
        return line.Count;
    }

    /// <summary>
    /// Formats lines [line0, line1): finds each block of consecutive lines that have a cell in the
    /// next column, sizes that column to its widest cell, and recurses for the columns to its right.
    /// </summary>
    private int FormatLines(int textPos, int line0, int line1)
    {
        var column = _widths.Count;
        for (var current = line0; current < line1; current++)
        {
            if (column >= _lines[current].Count - 1) continue;

            // This line starts a block with a cell in this column; print the lines above it.
            textPos = WriteLines(textPos, line0, current);
            line0 = current;

            var width = _minWidth;
            var discardable = true;
            for (; current < line1; current++)
            {
                var line = _lines[current];
                if (column >= line.Count - 1) break;
                var cell = line[column];
                width = Math.Max(width, cell.Width + _padding);
                if (cell.Width > 0 || cell.HardTab) discardable = false;
            }
            if (discardable && (_flags & TabWriterFlags.DiscardEmptyColumns) != 0) width = 0;

            _widths.Add(width);
            textPos = FormatLines(textPos, line0, current);
            _widths.RemoveAt(_widths.Count - 1);
            line0 = current;
        }
        return WriteLines(textPos, line0, line1);
    }

    private int WriteLines(int textPos, int line0, int line1)
    {
        for (var i = line0; i < line1; i++)
        {
            var line = _lines[i];
            var useTabs = (_flags & TabWriterFlags.TabIndent) != 0;
            for (var j = 0; j < line.Count; j++)
            {
                var cell = line[j];
                if (cell.Size == 0)
                {
                    if (j < _widths.Count) WritePadding(cell.Width, _widths[j], useTabs);
                    continue;
                }
                useTabs = false;
                var text = _text.Span.Slice(textPos, cell.Size);
                textPos += cell.Size;
                if ((_flags & TabWriterFlags.AlignRight) == 0)
                {
                    _output.Append(text);
                    if (j < _widths.Count) WritePadding(cell.Width, _widths[j], false);
                }
                else
                {
                    if (j < _widths.Count) WritePadding(cell.Width, _widths[j], false);
                    _output.Append(text);
                }
            }
            if (i + 1 == _lines.Count)
            {
                // The last buffered line: its unterminated cell is written as it is.
                _output.Append(_text.Span.Slice(textPos, _cellSize));
                textPos += _cellSize;
            }
            else
            {
                _output.Append((byte)'\n');
            }
        }
        return textPos;
    }

    private void WritePadding(int textWidth, int cellWidth, bool useTabs)
    {
        if (_padChar == (byte)'\t' || useTabs)
        {
            if (_tabWidth == 0) return; // tabs have no width: no padding possible
            cellWidth = (cellWidth + _tabWidth - 1) / _tabWidth * _tabWidth;
            var padding = cellWidth - textWidth;
            _output.Append((byte)'\t', (padding + _tabWidth - 1) / _tabWidth);
            return;
        }
        _output.Append(_padChar, cellWidth - textWidth);
    }

    private static int RuneCount(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        while (!bytes.IsEmpty)
        {
            System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            bytes = bytes[consumed..];
            count++;
        }
        return count;
    }
}
