using System.Text;

namespace Zylisp.Cli.Hosting;

/// <summary>
/// The process's output streams. Standard output is buffered when it is not a terminal — a script
/// printing in a loop would otherwise make a system call per line — and flushed before anything is
/// written to standard error, so the two interleave in program order.
/// </summary>
internal sealed class StandardStreams : IDisposable
{
    private StandardStreams(TextWriter output, TextWriter error)
    {
        Out = output;
        Error = error;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public static StandardStreams Open()
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var output = new StreamWriter(Console.OpenStandardOutput(), encoding, bufferSize: 16 * 1024)
        {
            AutoFlush = !Console.IsOutputRedirected,
        };
        var error = new StreamWriter(Console.OpenStandardError(), encoding, bufferSize: 4 * 1024) { AutoFlush = true };
        return new StandardStreams(output, error);
    }

    public void Dispose()
    {
        try
        {
            Out.Flush();
            Error.Flush();
        }
        catch (IOException)
        {
            // The reader went away (`zylisp run x | head -1`): nothing left to tell it.
        }
    }
}
