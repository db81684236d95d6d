using RadLine;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>Which part of the line an Emacs kill removes, relative to the cursor.</summary>
internal enum KillRange
{
    /// <summary>Ctrl+K: from the cursor to the end of the line.</summary>
    ToEnd,

    /// <summary>Ctrl+U: from the start of the line to the cursor.</summary>
    ToStart,

    /// <summary>Ctrl+W: back to the previous whitespace (a whole Lisp token, like unix-word-rubout).</summary>
    PreviousToken,

    /// <summary>Alt+Backspace: back to the start of the previous word (letters and digits).</summary>
    PreviousWord,
}

/// <summary>The Emacs kill keys: remove a part of the line and keep it in the <see cref="KillRing"/>.</summary>
internal sealed class KillCommand(KillRing ring, KillRange range) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        var buffer = context.Buffer;
        var (start, end) = Range(buffer.Content, buffer.Position, range);
        if (end <= start)
        {
            return;
        }

        ring.Text = buffer.Content[start..end];
        buffer.Clear(start, end - start);
        buffer.Move(start);
    }

    /// <summary>The [start, end) the kill removes from <paramref name="line"/> with the cursor at <paramref name="cursor"/>.</summary>
    internal static (int Start, int End) Range(string line, int cursor, KillRange range)
    {
        cursor = Math.Clamp(cursor, 0, line.Length);
        int start = cursor;
        switch (range)
        {
            case KillRange.ToEnd:
                return (cursor, line.Length);
            case KillRange.ToStart:
                return (0, cursor);
            case KillRange.PreviousToken:
                while (start > 0 && char.IsWhiteSpace(line[start - 1]))
                {
                    start--;
                }

                while (start > 0 && !char.IsWhiteSpace(line[start - 1]))
                {
                    start--;
                }

                return (start, cursor);
            default:
                while (start > 0 && !char.IsLetterOrDigit(line[start - 1]))
                {
                    start--;
                }

                while (start > 0 && char.IsLetterOrDigit(line[start - 1]))
                {
                    start--;
                }

                return (start, cursor);
        }
    }
}

/// <summary>Ctrl+Y: inserts the last killed text at the cursor.</summary>
internal sealed class YankCommand(KillRing ring) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        if (ring.Text.Length == 0)
        {
            return;
        }

        var buffer = context.Buffer;
        int at = buffer.Position;
        buffer.Insert(ring.Text);
        buffer.Move(at + ring.Text.Length);
    }
}
