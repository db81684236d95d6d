using RadLine;
using Spectre.Console;
using Spectre.Console.Advanced;
using Zylisp.Cli.Repl;
using Zylisp.Cli.Repl.LineEditing;

namespace Zylisp.Cli.Tests.Repl;

/// <summary>Issue 14, the line editor: the matching bracket is highlighted, and Ctrl+R opens a reverse-i-search.</summary>
public class BracketAndSearchTests
{
    [Theory]
    [InlineData("(a [b])", 7, 0, 6)] // just after a closer: it and its opener
    [InlineData("(a [b])", 3, 3, 5)] // on an opener: it and its closer
    [InlineData("(a [b])", 6, 3, 5)] // after ] (before the last closer): the closer before wins
    [InlineData("(str \")\" (f))", 13, 0, 12)] // a bracket in a string does not count
    [InlineData("(list \\( (g))", 13, 0, 12)] // nor does a character literal
    public void The_pair_at_the_cursor_is_found(string line, int cursor, int open, int close)
    {
        var pair = BracketMatcher.Find(line, cursor);
        Assert.Equal(new BracketPair(open, close, Matches: true), pair);
    }

    [Fact]
    public void Brackets_of_different_kinds_are_a_mismatch_and_lone_brackets_have_no_pair()
    {
        Assert.Equal(new BracketPair(0, 3, Matches: false), BracketMatcher.Find("(a ]", 4));
        Assert.Null(BracketMatcher.Find("(a b", 4));
        Assert.Null(BracketMatcher.Find("a b)", 4)); // its opener is on an earlier line
        Assert.Null(BracketMatcher.Find("(f) ; (x)", 9)); // a comment
    }

    [Fact]
    public void The_matching_brackets_are_highlighted_while_typing_and_not_after_enter()
    {
        var (output, console) = Terminal();
        var text = ReadLine(console, [], Keys("(a [b])"), Key(ConsoleKey.Enter));

        Assert.Equal("(a [b])", text);
        var matchingOpen = console.ToAnsi(new Text("(", SyntaxHighlighter.MatchingBracket));
        var matchingClose = console.ToAnsi(new Text(")", SyntaxHighlighter.MatchingBracket));
        var drawn = output.ToString();
        var lastDrawing = drawn[drawn.LastIndexOf("\u001b[2K", StringComparison.Ordinal)..];
        var beforeLast = drawn[..drawn.LastIndexOf("\u001b[2K", StringComparison.Ordinal)];
        var typedAll = beforeLast[beforeLast.LastIndexOf("\u001b[2K", StringComparison.Ordinal)..];
        Assert.Contains(matchingOpen, typedAll, StringComparison.Ordinal);
        Assert.Contains(matchingClose, typedAll, StringComparison.Ordinal);
        Assert.DoesNotContain(matchingOpen, lastDrawing, StringComparison.Ordinal);
        Assert.DoesNotContain(matchingClose, lastDrawing, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mismatched_closer_is_marked()
    {
        var (output, console) = Terminal();
        ReadLine(console, [], Keys("(a]"), Key(ConsoleKey.Enter));
        Assert.Contains(console.ToAnsi(new Text("]", SyntaxHighlighter.MismatchedBracket)), output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ctrl_R_shows_a_search_prompt_and_enter_runs_the_match()
    {
        var (output, console) = Terminal();
        string[] history = ["(def a 1)", "(map inc xs)", "(println a)", "(map dec xs)"];
        // One key at a time, as typed, so RadLine draws the line after each.
        var text = ReadLine(console, history, [Ctrl(ConsoleKey.R), .. Keys("map")], Key(ConsoleKey.Enter), trickle: true);

        Assert.Equal("(map dec xs)", text);
        var drawn = output.ToString();
        Assert.Contains("(reverse-i-search)`", drawn, StringComparison.Ordinal);
        Assert.DoesNotContain("failing", drawn, StringComparison.Ordinal);
        // The prompt is back to the REPL's own on the line's last drawing.
        var lastDrawing = drawn[drawn.LastIndexOf("\u001b[2K", StringComparison.Ordinal)..];
        Assert.DoesNotContain("reverse-i-search", lastDrawing, StringComparison.Ordinal);
        Assert.Contains("=>", lastDrawing, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctrl_R_again_finds_older_matches_and_escape_puts_the_line_back()
    {
        var (_, console) = Terminal();
        string[] history = ["(def a 1)", "(map inc xs)", "(println a)", "(map dec xs)"];
        Assert.Equal("(map inc xs)", ReadLine(console, history, [Ctrl(ConsoleKey.R), .. Keys("map"), Ctrl(ConsoleKey.R)], Key(ConsoleKey.Enter)));
        Assert.Equal("(typed", ReadLine(console, history, [.. Keys("(typed"), Ctrl(ConsoleKey.R), .. Keys("map"), Key(ConsoleKey.Escape)], Key(ConsoleKey.Enter)));
        // Backspace shortens the query; a key that is not for the search accepts the match and edits it.
        Assert.Equal("X(println a)", ReadLine(console, history, [Ctrl(ConsoleKey.R), .. Keys("prq"), Key(ConsoleKey.Backspace), Ctrl(ConsoleKey.A), .. Keys("X")], Key(ConsoleKey.Enter)));
    }

    [Fact]
    public void A_query_no_entry_contains_says_failing_and_keeps_the_last_match()
    {
        var search = new HistorySearch(() => ["(def a 1)", "(map inc xs)"]);
        var keys = new SearchKeySource(search, new ScriptedKeys([]));
        keys.Route(Ctrl(ConsoleKey.R));
        search.CaptureOriginal("");
        foreach (var c in "map")
        {
            Assert.Equal(SearchKeySource.RefreshKey, keys.Route(Key(c)));
        }

        keys.Route(Key('z'));
        Assert.True(search.Failing);
        Assert.Equal("(map inc xs)", search.Shown);
        Assert.Equal(ConsoleKey.Enter, keys.Route(Key(ConsoleKey.Enter)).Key);
        Assert.False(search.Active);
    }

    private static (StringWriter Output, IAnsiConsole Console) Terminal()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.TrueColor,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 80;
        return (output, console);
    }

    /// <summary>One line read by the REPL's own editor set-up (LineEditorInput), from scripted keys.</summary>
    private static string? ReadLine(IAnsiConsole console, string[] history, ConsoleKeyInfo[] keys, ConsoleKeyInfo last, bool trickle = false)
    {
        var path = Path.Combine(Path.GetTempPath(), "zylisp-test-history-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = ReplHistory.Load(path);
            foreach (var entry in history)
            {
                store.Add(entry);
            }

            var input = new LineEditorInput(console, store, () => [], _ => NameKind.Unknown, keys: new ScriptedKeys([.. keys, last], trickle));
            return input.ReadLine(continuing: false, CancellationToken.None) is { Kind: ReplLineKind.Line, Text: var text } ? text : null;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ConsoleKeyInfo[] Keys(string text) => [.. text.Select(Key)];

    private static ConsoleKeyInfo Key(char c) => new(c, char.IsAsciiLetter(c) ? Enum.Parse<ConsoleKey>(char.ToUpperInvariant(c).ToString()) : ConsoleKey.Oem1, char.IsAsciiLetterUpper(c), alt: false, control: false);

    private static ConsoleKeyInfo Key(ConsoleKey key) => new(key switch { ConsoleKey.Enter => '\r', ConsoleKey.Escape => '\u001b', ConsoleKey.Backspace => '\b', _ => '\0' }, key, shift: false, alt: false, control: false);

    private static ConsoleKeyInfo Ctrl(ConsoleKey key) => new((char)(key - ConsoleKey.A + 1), key, shift: false, alt: false, control: true);

    /// <summary>
    /// Keys from a script. RadLine reads every key that is available before it runs their commands;
    /// <paramref name="trickle"/> makes the check right after each key say "none", so each key is
    /// handled (and drawn) before the next is read, as when a person types.
    /// </summary>
    private sealed class ScriptedKeys(IEnumerable<ConsoleKeyInfo> keys, bool trickle = false) : IInputSource
    {
        private readonly Queue<ConsoleKeyInfo> queue = new(keys);
        private bool justRead;

        public bool ByPassProcessing => true;

        public bool IsKeyAvailable()
        {
            if (trickle && justRead)
            {
                justRead = false;
                return false;
            }

            return queue.Count > 0;
        }

        public ConsoleKeyInfo ReadKey()
        {
            justRead = true;
            return queue.Dequeue();
        }
    }
}
