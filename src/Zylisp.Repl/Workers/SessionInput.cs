using System.Text;

namespace Zylisp.Repl.Workers;

/// <summary>
/// A session's standard input: text the client sent with the <c>stdin</c> op. A read with no
/// line available asks for more (nREPL's <c>need-input</c>) and waits, until the eval is interrupted.
/// An empty <c>stdin</c> message means end of input.
/// </summary>
internal sealed class SessionInput : TextReader
{
    private readonly object gate = new();
    private readonly StringBuilder buffer = new();
    private bool ended;

    /// <summary>Called when a read finds nothing buffered; the host asks the client for input.</summary>
    public Action? NeedInput { get; set; }

    /// <summary>The running eval's cancellation; a blocked read ends with it.</summary>
    public CancellationToken Cancellation { get; set; }

    public void Provide(string text)
    {
        lock (gate)
        {
            if (text.Length == 0)
            {
                ended = true;
            }

            buffer.Append(text);
            Monitor.PulseAll(gate);
        }
    }

    public override string? ReadLine()
    {
        lock (gate)
        {
            while (true)
            {
                var text = buffer.ToString();
                var newline = text.IndexOf('\n', StringComparison.Ordinal);
                if (newline >= 0)
                {
                    buffer.Remove(0, newline + 1);
                    return text[..newline].TrimEnd('\r');
                }

                if (ended)
                {
                    ended = buffer.Length == 0 && ended;
                    buffer.Clear();
                    return text.Length > 0 ? text : null;
                }

                NeedInput?.Invoke();
                using (Cancellation.Register(() =>
                {
                    lock (gate)
                    {
                        Monitor.PulseAll(gate);
                    }
                }))
                {
                    Monitor.Wait(gate);
                }

                Cancellation.ThrowIfCancellationRequested();
            }
        }
    }

    public override int Read()
    {
        var line = ReadLine();
        return line is null ? -1 : line.Length > 0 ? line[0] : '\n';
    }
}
