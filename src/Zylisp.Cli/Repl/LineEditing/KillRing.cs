namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>The text the last kill (Ctrl+K, Ctrl+U, Ctrl+W, Alt+Backspace) removed, for Ctrl+Y; one per REPL session.</summary>
internal sealed class KillRing
{
    public string Text { get; set; } = "";
}
