namespace Zylisp.Lang.Syntax;

/// <summary>
/// Tracks, one line at a time, whether text typed so far still has an open bracket or string,
/// by the reader's own rules: a closer closes the innermost opener of its kind (closing any
/// inside it), a closer with no opener is ignored, strings run to an unescaped <c>"</c>, comments
/// to the end of the line. A REPL asks it after each line instead of re-reading the whole buffer:
/// only when <see cref="MayBeComplete"/> is worth a full <see cref="Reader.IsComplete"/> (which
/// also knows about reader macros still waiting for a form). Each character is scanned once.
/// </summary>
public sealed class BalanceScanner
{
    private readonly List<char> openers = [];
    private bool inString;
    private bool escaped;
    private bool inComment;
    private bool afterHash;

    /// <summary>Whether anything but whitespace has been fed since the last <see cref="Reset"/>.</summary>
    public bool HasContent { get; private set; }

    /// <summary>False while a bracket or string is certainly open; true when the reader should decide.</summary>
    public bool MayBeComplete => openers.Count == 0 && !inString;

    public void Reset()
    {
        openers.Clear();
        inString = escaped = inComment = afterHash = false;
        HasContent = false;
    }

    public void Feed(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            HasContent |= !char.IsWhiteSpace(c);
            if (inComment)
            {
                inComment = c != '\n';
                continue;
            }

            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            bool hash = afterHash;
            afterHash = false;
            switch (c)
            {
                case ';':
                    inComment = true;
                    break;
                case '"':
                    inString = true;
                    break;
                case '#':
                    afterHash = !hash; // "##" starts ##NaN, not a dispatch on the second '#'
                    break;
                case '(':
                    openers.Add(hash ? 'f' : '(');
                    break;
                case '[':
                    openers.Add('[');
                    break;
                case '{':
                    openers.Add(hash ? 's' : '{');
                    break;
                case ')' or ']' or '}':
                    Close(c);
                    break;
            }
        }
    }

    private void Close(char closer)
    {
        for (int i = openers.Count - 1; i >= 0; i--)
        {
            char opener = openers[i];
            bool matches = closer switch
            {
                ')' => opener is '(' or 'f',
                ']' => opener == '[',
                _ => opener is '{' or 's',
            };
            if (matches)
            {
                openers.RemoveRange(i, openers.Count - i);
                return;
            }
        }
    }
}
