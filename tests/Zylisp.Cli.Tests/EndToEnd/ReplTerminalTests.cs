using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>The line-edited REPL, driven through a pseudo-terminal (tmux).</summary>
public class ReplTerminalTests
{
    private const string Prompt = "user=> ";
    private const string ContinuationPrompt = "#_=> ";

    private static TmuxSession StartRepl(string? home = null, IReadOnlyDictionary<string, string>? environment = null, string[]? args = null)
    {
        var session = TmuxSession.Start(home ?? TempHome.Create(), args ?? ["repl"], environment);
        try
        {
            session.WaitForText(Prompt);
            if (environment is null || !environment.ContainsKey("TERM"))
            {
                WaitUntilTheEditorReads(session);
            }

            return session;
        }
        catch
        {
            // The caller's `using` never sees a session that failed to start: stop its server here.
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The line editor draws its prompt before it first reads a key, and a whole line sent in that
    /// moment is echoed by the terminal and then drawn again by the editor (two prompts on the
    /// screen). A key the editor has coloured has certainly been read by it: type one, wait for its
    /// colour, erase it.
    /// </summary>
    private static void WaitUntilTheEditorReads(TmuxSession session)
    {
        session.Type("1");
        session.WaitFor(_ => System.Text.RegularExpressions.Regex.IsMatch(session.ScreenWithEscapes(), @"\u001b\[[0-9;]*m1"), "the line editor to colour a typed key");
        session.Press("BSpace");
        session.WaitFor(screen => screen.TrimEnd().EndsWith(Prompt.TrimEnd(), StringComparison.Ordinal), "the typed key to be erased");
    }

    [TmuxFact]
    public void Input_continues_over_lines_with_a_continuation_prompt_until_the_form_balances()
    {
        using var repl = StartRepl();

        repl.TypeLine("(+ 1");
        repl.WaitForText(ContinuationPrompt);
        repl.TypeLine("   2)");

        var screen = repl.WaitForCount(Prompt, 2);
        Assert.Contains("\n3\n", screen);
    }

    [TmuxFact]
    public void History_survives_a_restart_and_the_up_arrow_recalls_it()
    {
        var home = TempHome.Create();
        using (var first = StartRepl(home))
        {
            first.TypeLine("(def remembered-value 41)");
            first.WaitForCount(Prompt, 2);
            first.Press("C-d");
            first.WaitForExit();
        }

        Assert.Contains("(def remembered-value 41)", File.ReadAllText(Path.Combine(home, ".zylisp_history")));
        using var second = StartRepl(home);
        second.Press("Up");
        second.WaitForText(Prompt + "(def remembered-value 41)");
    }

    [TmuxFact]
    public void A_form_typed_over_two_lines_comes_back_from_history_as_one_entry_after_a_restart()
    {
        var home = TempHome.Create();
        using (var first = StartRepl(home))
        {
            first.TypeLine("(+ 1000");
            first.WaitForText(ContinuationPrompt);
            first.TypeLine("   337)");
            first.WaitForCount(Prompt, 2);
            first.Press("C-d");
            first.WaitForExit();
        }

        using var second = StartRepl(home);
        second.Press("Up");
        var recalled = second.WaitForText(ContinuationPrompt + "   337)");
        // RadLine pads each rendered line with spaces; the two lines sit one under the other.
        Assert.Matches(@"user=> \(\+ 1000 *\n  #_=>    337\)", recalled);

        // One Up brought back both lines; Enter evaluates the recalled form as a whole.
        second.Press("Enter");
        var screen = second.WaitForCount(Prompt, 2);
        Assert.Contains("\n1337\n", screen);
    }

    [TmuxFact]
    public void Tab_completes_a_defined_name()
    {
        using var repl = StartRepl();
        repl.TypeLine("(defn my-unusual-function [] 7)");
        repl.WaitForCount(Prompt, 2);

        repl.Type("(my-unu");
        repl.Press("Tab");
        repl.WaitForText("(my-unusual-function");
        repl.TypeLine(")");

        var screen = repl.WaitForCount(Prompt, 3);
        Assert.Contains("\n7\n", screen);
    }

    [TmuxFact]
    public void Ctrl_C_abandons_the_current_input()
    {
        using var repl = StartRepl();
        repl.TypeLine("(+ 1");
        repl.WaitForText(ContinuationPrompt);

        repl.Type("(+ 100");
        // Ctrl+C is a signal and overtakes keys still queued in the terminal: let them land first.
        repl.WaitForText(ContinuationPrompt + "(+ 100");
        repl.Press("C-c");
        repl.WaitForCount(Prompt, 2);
        repl.TypeLine("(+ 2 3)");

        var screen = repl.WaitForCount(Prompt, 3);
        Assert.Contains("\n5\n", screen);
        Assert.DoesNotContain("error", screen);
    }

    /// <summary>The REPL with its worker, and the local one, which evaluates on a large-stack thread of its own.</summary>
    [TmuxTheory]
    [InlineData("repl")]
    [InlineData("repl --local")]
    public void Ctrl_C_interrupts_a_runaway_evaluation_and_the_repl_goes_on(string command)
    {
        using var repl = StartRepl(args: command.Split(' '));
        repl.TypeLine("(loop [] (recur))");
        // The loop is running when its input line has moved up and no new prompt has appeared.
        Thread.Sleep(500);
        Assert.Equal(1, TmuxSession.Occurrences(repl.Screen(), Prompt));

        repl.Press("C-c");
        repl.WaitForCount(Prompt, 2);
        repl.TypeLine("(+ 40 2)");

        var screen = repl.WaitForCount(Prompt, 3);
        Assert.Contains("\n42\n", screen);
        Assert.False(repl.ProcessExited);
    }

    [TmuxFact]
    public void The_input_line_is_coloured_as_it_is_typed()
    {
        using var repl = StartRepl();

        repl.Type("(map inc [1 2])");
        repl.WaitForText(Prompt + "(map inc [1 2])");

        var screen = repl.ScreenWithEscapes();
        // Each token starts with its own colour: a defined name, a bracket, a number.
        Assert.Matches(@"\u001b\[[0-9;]*mmap", screen);
        Assert.Matches(@"\u001b\[[0-9;]*m\[", screen);
        Assert.Matches(@"\u001b\[[0-9;]*m1", screen);
    }

    [TmuxFact]
    public void Ctrl_D_on_an_empty_line_exits()
    {
        using var repl = StartRepl();

        repl.Press("C-d");

        repl.WaitForExit();
    }

    /// <summary>
    /// A Ctrl+D typed before the line editor first reads a key reaches a terminal still in cooked
    /// mode, whose line discipline queues it as an end-of-file mark; once .NET switches to key mode
    /// that mark reads as a NUL byte, and the REPL used to wait. Typed at once, the key lands in
    /// that window every time (for the REPL with its private server, and for --local).
    /// </summary>
    [TmuxFact]
    public void Ctrl_D_typed_before_the_prompt_appears_ends_the_session()
    {
        foreach (var args in new[] { new[] { "repl" }, ["repl", "--local"] })
        {
            using var repl = TmuxSession.Start(TempHome.Create(), args);
            repl.Press("C-d");

            repl.WaitForExit();
        }
    }

    /// <summary>A whole line typed before the prompt appears is taken from the cooked terminal and evaluated.</summary>
    [TmuxFact]
    public void A_line_typed_before_the_prompt_appears_is_evaluated()
    {
        using var repl = TmuxSession.Start(TempHome.Create(), ["repl"]);
        repl.TypeLine("(+ 20 22)");

        var screen = repl.WaitForCount(Prompt, 2);
        Assert.Contains("\n42\n", screen);
        repl.Press("C-d");
        repl.WaitForExit();
    }

    [TmuxFact]
    public void TERM_dumb_gives_a_plain_repl_that_still_prompts_and_evaluates()
    {
        using var repl = StartRepl(environment: new Dictionary<string, string> { ["TERM"] = "dumb" });

        repl.TypeLine("(+ 20 22)");

        var screen = repl.WaitForCount(Prompt, 2);
        Assert.Contains("\n42\n", screen);
        Assert.DoesNotContain("Ctrl+D exits", screen);
        Assert.DoesNotContain("\u001b[", repl.ScreenWithEscapes());
    }

    /// <summary>Issue 14: several forms on one line print every value.</summary>
    [TmuxFact]
    public void Issue14_several_forms_on_one_line_print_every_value()
    {
        using var repl = StartRepl();

        repl.TypeLine("(+ 1 2) (* 6 7)");

        var screen = repl.WaitForCount(Prompt, 2);
        // The whole screen in the message: Assert.Contains would cut it short.
        Assert.True(screen.Contains("\n3\n42\n", StringComparison.Ordinal), "the screen shows:\n" + screen);
    }

    /// <summary>Issue 14: Ctrl+A, Ctrl+K and Ctrl+Y edit the line like readline.</summary>
    [TmuxFact]
    public void Issue14_emacs_keys_move_kill_and_yank()
    {
        using var repl = StartRepl();

        repl.Type("(+ 1 2)");
        repl.Press("C-a");
        repl.Press("C-k");
        repl.Type("(* 2 ");
        repl.Press("C-y");
        repl.Type(")");
        repl.Press("Enter");

        var screen = repl.WaitForCount(Prompt, 2);
        Assert.Contains("\n6\n", screen);
    }

    /// <summary>Issue 14: Ctrl+R opens a reverse-i-search prompt; Enter runs the entry it found.</summary>
    [TmuxFact]
    public void Issue14_ctrl_r_searches_history_with_its_own_prompt()
    {
        using var repl = StartRepl();
        repl.TypeLine("(* 6 7)");
        repl.WaitForCount(Prompt, 2);
        repl.TypeLine("(+ 1 2)");
        repl.WaitForCount(Prompt, 3);

        repl.Press("C-r");
        repl.Type("6");
        repl.WaitForText("(reverse-i-search)`6': (* 6 7)");
        repl.Press("Enter");

        var screen = repl.WaitForCount(Prompt, 4);
        Assert.Equal(2, TmuxSession.Occurrences(screen, "\n42\n"));
    }
}
