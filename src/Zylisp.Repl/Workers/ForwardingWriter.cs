using System.Text;

namespace Zylisp.Repl.Workers;

/// <summary>
/// A TextWriter that hands each piece of text to a sink as it is written (whole strings at
/// once, single characters at a newline or flush), so a client sees output while code runs.
/// </summary>
internal sealed class ForwardingWriter(Action<string> sink) : TextWriter
{
    private readonly StringBuilder pending = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        pending.Append(value);
        if (value == '\n')
        {
            Flush();
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        pending.Append(value);
        Flush();
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        if (pending.Length > 0)
        {
            var text = pending.ToString();
            pending.Clear();
            sink(text);
        }
    }
}
