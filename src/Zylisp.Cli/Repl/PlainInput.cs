namespace Zylisp.Cli.Repl;

/// <summary>
/// Reads lines without any escape sequences or line editing: for pipes, <c>TERM=dumb</c> and
/// <c>NO_COLOR</c>. Prompts are written only when someone is typing.
/// </summary>
internal sealed class PlainInput(TextReader input, TextWriter output, bool showPrompts, Func<string>? currentNamespace = null) : IReplInput
{
    public ReplLine ReadLine(bool continuing, CancellationToken cancellation)
    {
        if (showPrompts)
        {
            output.Write(Prompts.For(continuing, currentNamespace?.Invoke() ?? "user"));
            output.Flush();
        }

        var line = input.ReadLine();
        if (line is null)
        {
            return ReplLine.EndOfInput;
        }

        // Ctrl+C while a plain terminal was reading: the partial input is abandoned.
        return cancellation.IsCancellationRequested ? ReplLine.Interrupted : ReplLine.Of(line);
    }

    // Piped or plain input keeps no history: a script fed to the REPL must not fill ~/.zylisp_history.
    public void Remember(string entry)
    {
    }

    public void Dispose()
    {
    }
}
