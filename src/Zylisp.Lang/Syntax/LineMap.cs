namespace Zylisp.Lang.Syntax;

/// <summary>
/// Where each line of one read text starts, recorded by the reader as it counts newlines, so a
/// form can keep its position as two offsets and get its lines and columns back on demand.
/// Filled only while its reader runs; read-only once the read has returned.
/// </summary>
internal sealed class LineMap
{
    // starts[i] is the offset at which line i + 1 starts; strictly increasing.
    private readonly List<int> starts;

    public LineMap(string file, int firstLineStart)
    {
        File = file;
        // Not a collection expression: for a List<int> that compiles to CollectionsMarshal.SetCount<int>,
        // which ReadyToRun leaves to the JIT on the first read of every process.
        starts = new List<int> { firstLineStart };
    }

    public string File { get; }

    public void AddLine(int start) => starts.Add(start);

    /// <summary>The span between two offsets, with the lines and columns the reader counted.</summary>
    public SourceSpan Span(int startOffset, int endOffset)
    {
        int startLine = LineIndex(startOffset);
        int endLine = endOffset == startOffset ? startLine : LineIndex(endOffset);
        return new SourceSpan(
            File,
            startLine + 1,
            startOffset - starts[startLine] + 1,
            endLine + 1,
            endOffset - starts[endLine] + 1,
            startOffset,
            endOffset);
    }

    /// <summary>The index of the last line starting at or before <paramref name="offset"/>.</summary>
    private int LineIndex(int offset)
    {
        int low = 0;
        int high = starts.Count - 1;
        while (low < high)
        {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }
}
