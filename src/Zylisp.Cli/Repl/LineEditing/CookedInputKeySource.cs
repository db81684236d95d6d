using RadLine;
using Zylisp.Cli.Hosting;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// The terminal's keys, preceded by whatever the line discipline completed while the terminal was
/// still in cooked mode (<see cref="CookedTerminalInput"/>): each check for a key first takes that
/// input and replays it as keys, so a Ctrl+D typed as the prompt appears ends the session and a
/// line typed ahead is not lost. One instance serves the whole session: keys taken while one line
/// was read and not yet used belong to the next.
/// </summary>
internal sealed class CookedInputKeySource(IInputSource keys, Func<string> takeCompletedInput) : IInputSource
{
    private readonly Queue<ConsoleKeyInfo> _pending = new();
    private bool _lineEnded;

    public bool ByPassProcessing => keys.ByPassProcessing;

    public bool IsKeyAvailable()
    {
        // RadLine takes every available key before it acts on them, and an editor that submits its
        // line drops the keys it took after the Enter; the REPL reads the next line with a new
        // editor. So the keys of the next line wait until this one has been submitted.
        if (_lineEnded)
        {
            _lineEnded = false;
            return false;
        }

        TakePending();
        return _pending.Count > 0 || keys.IsKeyAvailable();
    }

    public ConsoleKeyInfo ReadKey()
    {
        TakePending();
        if (!_pending.TryDequeue(out var key))
        {
            return keys.ReadKey();
        }

        _lineEnded = key.Key == ConsoleKey.Enter && _pending.Count > 0;
        return key;
    }

    private void TakePending()
    {
        if (_pending.Count > 0)
        {
            return;
        }

        foreach (var c in takeCompletedInput())
        {
            _pending.Enqueue(KeyFor(c));
        }
    }

    /// <summary>The key that types <paramref name="c"/>, as the terminal in key mode would have reported it.</summary>
    internal static ConsoleKeyInfo KeyFor(char c) => c switch
    {
        '\n' or '\r' => new('\r', ConsoleKey.Enter, shift: false, alt: false, control: false),
        '\t' => new('\t', ConsoleKey.Tab, shift: false, alt: false, control: false),
        '\b' or '\u007f' => new('\b', ConsoleKey.Backspace, shift: false, alt: false, control: false),
        >= '\u0001' and <= '\u001a' => new(c, ConsoleKey.A + (c - 1), shift: false, alt: false, control: true),
        >= 'a' and <= 'z' => new(c, ConsoleKey.A + (c - 'a'), shift: false, alt: false, control: false),
        >= 'A' and <= 'Z' => new(c, ConsoleKey.A + (c - 'A'), shift: true, alt: false, control: false),
        >= '0' and <= '9' => new(c, ConsoleKey.D0 + (c - '0'), shift: false, alt: false, control: false),
        ' ' => new(c, ConsoleKey.Spacebar, shift: false, alt: false, control: false),
        _ => new(c, default, shift: false, alt: false, control: false),
    };
}
