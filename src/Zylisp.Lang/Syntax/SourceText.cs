namespace Zylisp.Lang.Syntax;

/// <summary>
/// The text of one source file with a line index, so diagnostics can show the offending line.
/// </summary>
public sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        File = file;
        Text = text;
        lineStarts = ComputeLineStarts(text);
    }

    public string File { get; }

    public string Text { get; }

    public int LineCount => lineStarts.Length;

    /// <summary>The text of a 1-based line without its line terminator; empty when out of range.</summary>
    /// <summary>
    /// The text of a file after <paramref name="region"/>, its text from line
    /// <paramref name="firstLine"/> on (blank lines before it, as the reader saw it), was evaluated
    /// over <paramref name="under"/>, what earlier regions left: the region's lines replace
    /// theirs, the lines before and after it stay. An editor's or a REPL's evaluations thus build up
    /// the file, and an error in code an earlier one defined still quotes that code.
    /// </summary>
    public static string Overlay(SourceText? under, string region, int firstLine)
    {
        if (under is null)
        {
            return region;
        }

        var regionLines = region.Split('\n');
        int start = Math.Max(0, firstLine - 1);
        int count = Math.Max(regionLines.Length, under.LineCount);
        var lines = new string[count];
        for (int i = 0; i < count; i++)
        {
            lines[i] = i >= start && i < regionLines.Length ? regionLines[i] : under.GetLine(i + 1);
        }

        return string.Join('\n', lines);
    }

    public string GetLine(int line)
    {
        if (line < 1 || line > lineStarts.Length)
        {
            return string.Empty;
        }

        int start = lineStarts[line - 1];
        int end = line < lineStarts.Length ? lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text[start..end];
    }

    /// <summary>Maps a 0-based offset to a 1-based (line, column).</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int index = Array.BinarySearch(lineStarts, offset);
        int lineIndex = index >= 0 ? index : ~index - 1;
        return (lineIndex + 1, offset - lineStarts[lineIndex] + 1);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
