namespace Zylisp.Cli.Hosting;

/// <summary>
/// The process's output streams. Standard output is buffered when it is not a terminal — a script
/// printing in a loop would otherwise make a system call per line — and flushed before anything is
/// written to standard error, so the two interleave in program order.
/// </summary>
internal sealed class StandardStreams : IDisposable
{
    private readonly GuardedOutputStream outputStream;
    private readonly GuardedOutputStream errorStream;

    private StandardStreams(TextWriter output, TextWriter error, GuardedOutputStream outputStream, GuardedOutputStream errorStream)
    {
        Out = output;
        Error = error;
        this.outputStream = outputStream;
        this.errorStream = errorStream;
    }

    /// <summary>Whether a write to standard output or error has failed (the rest was dropped).</summary>
    public bool WriteFailed => outputStream.Failed || errorStream.Failed;

    /// <summary>
    /// The command's exit status, unless writing its output failed: then <see cref="ExitCodes.OutputFailed"/>,
    /// as <c>echo x &gt;/dev/full</c> fails. Flushes first, so the last buffered write is judged too.
    /// </summary>
    public int Finish(int exitCode)
    {
        Out.Flush();
        Error.Flush();
        return WriteFailed && exitCode == ExitCodes.Success ? ExitCodes.OutputFailed : exitCode;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>
    /// The streams of a command that only writes (run, eval, expand, zast): straight to the descriptors
    /// where <see cref="UnixOutput"/> can, which spares start-up the Console's terminal set-up.
    /// </summary>
    public static StandardStreams Open()
    {
        if (!UnixOutput.IsAvailable)
        {
            return OpenThroughConsole();
        }

        return Create(new FileDescriptorStream(1), new FileDescriptorStream(2), outputIsTerminal: UnixOutput.IsTerminal(1));
    }

    /// <summary>
    /// The streams of the interactive REPL: through System.Console, so its line editor's view of the
    /// terminal (cursor position, modes) stays true.
    /// </summary>
    public static StandardStreams OpenThroughConsole() =>
        Create(Console.OpenStandardOutput(), Console.OpenStandardError(), outputIsTerminal: !Console.IsOutputRedirected);

    private static StandardStreams Create(Stream output, Stream error, bool outputIsTerminal)
    {
        var guardedOutput = new GuardedOutputStream(output);
        var guardedError = new GuardedOutputStream(error);
        var outputWriter = new Utf8Writer(guardedOutput, bufferSize: 16 * 1024) { AutoFlush = outputIsTerminal };
        var errorWriter = new Utf8Writer(guardedError, bufferSize: 4 * 1024) { AutoFlush = true };
        return new StandardStreams(outputWriter, errorWriter, guardedOutput, guardedError);
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
