namespace Zylisp.Zast.Printing;

/// <summary>
/// The last stage of go/printer's output: drops blanks and tabs at line ends, turns soft tabs
/// into tabs and form feeds into newlines, and removes <see cref="TabWriter.Escape"/> bytes
/// while leaving the escaped text itself untouched.
/// </summary>
internal static class TrailingSpaceTrimmer
{
    private enum State { InSpace, InEscape, InText }

    public static void Trim(ReadOnlySpan<byte> data, ByteBuffer output)
    {
        var state = State.InSpace;
        var pendingSpace = new ByteBuffer(16); // blanks seen since the last text; written only if text follows
        var textStart = 0;
        for (var n = 0; n < data.Length; n++)
        {
            var b = data[n];
            if (b == (byte)'\v') b = (byte)'\t';
            switch (state)
            {
                case State.InSpace:
                    switch (b)
                    {
                        case (byte)'\t' or (byte)' ':
                            pendingSpace.Append(b);
                            break;
                        case (byte)'\n' or (byte)'\f':
                            pendingSpace.Clear();
                            output.Append((byte)'\n');
                            break;
                        case TabWriter.Escape:
                            output.Append(pendingSpace.Span);
                            state = State.InEscape;
                            textStart = n + 1;
                            break;
                        default:
                            output.Append(pendingSpace.Span);
                            state = State.InText;
                            textStart = n;
                            break;
                    }
                    break;
                case State.InEscape:
                    if (b == TabWriter.Escape)
                    {
                        output.Append(data[textStart..n]);
                        pendingSpace.Clear();
                        state = State.InSpace;
                    }
                    break;
                case State.InText:
                    switch (b)
                    {
                        case (byte)'\t' or (byte)' ':
                            output.Append(data[textStart..n]);
                            pendingSpace.Clear();
                            state = State.InSpace;
                            pendingSpace.Append(b);
                            break;
                        case (byte)'\n' or (byte)'\f':
                            output.Append(data[textStart..n]);
                            pendingSpace.Clear();
                            state = State.InSpace;
                            output.Append((byte)'\n');
                            break;
                        case TabWriter.Escape:
                            output.Append(data[textStart..n]);
                            state = State.InEscape;
                            textStart = n + 1;
                            break;
                    }
                    break;
            }
        }
        if (state != State.InSpace) output.Append(data[textStart..]);
    }
}
