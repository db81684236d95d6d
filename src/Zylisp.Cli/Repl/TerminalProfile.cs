namespace Zylisp.Cli.Repl;

/// <summary>
/// What the REPL may assume about its terminal. Line editing, colour and escape sequences need a
/// real terminal on both ends; <c>TERM=dumb</c> or <c>NO_COLOR</c> ask for plain text, which is
/// also what a pipe gets (<c>echo '(+ 1 2)' | zylisp repl</c> prints just <c>3</c>).
/// </summary>
internal sealed record TerminalProfile(bool LineEditing, bool ShowPrompts)
{
    public static TerminalProfile Detect() => Detect(
        Environment.GetEnvironmentVariable,
        inputIsTerminal: !Console.IsInputRedirected,
        outputIsTerminal: !Console.IsOutputRedirected);

    public static TerminalProfile Detect(Func<string, string?> environment, bool inputIsTerminal, bool outputIsTerminal)
    {
        var term = environment("TERM");
        var plainRequested = string.Equals(term, "dumb", StringComparison.Ordinal)
            || !string.IsNullOrEmpty(environment("NO_COLOR"));
        return new TerminalProfile(
            LineEditing: inputIsTerminal && outputIsTerminal && !plainRequested,
            // Prompts only help someone typing; a pipe's output should be just the values.
            ShowPrompts: inputIsTerminal);
    }
}
