using RadLine;
using Spectre.Console;
using Zylisp.Cli.Hosting;
using Zylisp.Cli.Repl;
using Zylisp.Cli.Repl.LineEditing;

namespace Zylisp.Cli.Tests.Repl;

/// <summary>
/// Input the terminal's line discipline completed in cooked mode (a typed-ahead line, a Ctrl+D's
/// end-of-file mark) is replayed as keys ahead of the terminal's own. The pty side is covered by
/// ReplTerminalTests (Ctrl+D typed before the prompt appears).
/// </summary>
public class CookedInputKeySourceTests
{
    [Fact]
    public void An_end_of_file_mark_reaches_the_line_editor_as_Ctrl_D_and_ends_the_session()
    {
        var keys = new CookedInputKeySource(new NoKeys(), Once(CookedTerminalInput.EndOfFile.ToString()));

        Assert.Equal(ReplLineKind.EndOfInput, Read(keys).Kind);
    }

    [Fact]
    public void A_typed_ahead_line_is_read_first_and_a_mark_after_it_ends_the_next_line()
    {
        var keys = new CookedInputKeySource(new NoKeys(), Once("(+ 20 22)\n" + CookedTerminalInput.EndOfFile));
        var input = Editor(keys);

        Assert.Equal(ReplLine.Of("(+ 20 22)"), input.ReadLine(continuing: false, GiveUp()));
        // A fresh editor reads the next line; the mark taken with the first line is not lost.
        Assert.Equal(ReplLineKind.EndOfInput, input.ReadLine(continuing: false, GiveUp()).Kind);
    }

    [Fact]
    public void Replayed_keys_are_the_ones_key_mode_would_have_reported()
    {
        Assert.Equal(new ConsoleKeyInfo('\u0004', ConsoleKey.D, shift: false, alt: false, control: true), CookedInputKeySource.KeyFor('\u0004'));
        Assert.Equal(ConsoleKey.Enter, CookedInputKeySource.KeyFor('\n').Key);
        Assert.Equal(ConsoleKey.Tab, CookedInputKeySource.KeyFor('\t').Key);
        Assert.Equal(ConsoleKey.Backspace, CookedInputKeySource.KeyFor('\u007f').Key);
        Assert.Equal(new ConsoleKeyInfo('Q', ConsoleKey.Q, shift: true, alt: false, control: false), CookedInputKeySource.KeyFor('Q'));
        Assert.Equal('λ', CookedInputKeySource.KeyFor('λ').KeyChar);
    }

    [Fact]
    public void With_nothing_queued_the_terminal_keys_pass_through()
    {
        var taken = 0;
        var keys = new CookedInputKeySource(new NoKeys(), () =>
        {
            taken++;
            return "";
        });

        Assert.False(keys.IsKeyAvailable());
        Assert.Equal(1, taken);
    }

    [Fact]
    public void Outside_a_terminal_nothing_is_taken()
    {
        // The test host's standard input is not a terminal (or not one in cooked mode with a line queued).
        if (!Console.IsInputRedirected)
        {
            return;
        }

        Assert.Equal("", CookedTerminalInput.TakeCompletedInput());
    }

    /// <summary>A line that never ends comes back as interrupted instead of hanging the test run.</summary>
    private static CancellationToken GiveUp() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    private static Func<string> Once(string text)
    {
        var given = false;
        return () =>
        {
            var result = given ? "" : text;
            given = true;
            return result;
        };
    }

    private static ReplLine Read(IInputSource keys) => Editor(keys).ReadLine(continuing: false, GiveUp());

    private static LineEditorInput Editor(IInputSource keys)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(new StringWriter()),
        });
        console.Profile.Width = 80;
        var history = ReplHistory.Load(Path.Combine(Path.GetTempPath(), "zylisp-test-history-" + Guid.NewGuid().ToString("N")));
        return new LineEditorInput(console, history, () => [], _ => NameKind.Unknown, keys: keys);
    }

    /// <summary>A terminal nobody types on.</summary>
    private sealed class NoKeys : IInputSource
    {
        public bool ByPassProcessing => true;

        public bool IsKeyAvailable() => false;

        public ConsoleKeyInfo ReadKey() => throw new InvalidOperationException("no key was available");
    }
}
