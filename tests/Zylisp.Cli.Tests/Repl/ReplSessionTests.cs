using Zylisp.Cli.Hosting;
using Zylisp.Cli.Repl;

namespace Zylisp.Cli.Tests.Repl;

public class ReplSessionTests
{
    private sealed class ScriptedInput(params ReplLine[] lines) : IReplInput
    {
        private readonly Queue<ReplLine> _lines = new(lines);

        public List<bool> ContinuationPrompts { get; } = [];

        public List<string> Remembered { get; } = [];

        public ReplLine ReadLine(bool continuing, CancellationToken cancellation)
        {
            ContinuationPrompts.Add(continuing);
            return _lines.Count > 0 ? _lines.Dequeue() : ReplLine.EndOfInput;
        }

        public void Remember(string entry) => Remembered.Add(entry);

        public void Dispose()
        {
        }
    }

    /// <summary>Balanced parentheses are complete; "(spin)" runs until interrupted; "(fail)" is an error.</summary>
    private sealed class FakeEvaluator : IReplEvaluator
    {
        public List<string> Evaluated { get; } = [];

        public ManualResetEventSlim Spinning { get; } = new();

        public IEnumerable<string> Names => [];

        public bool IsComplete(string source) => source.Count(c => c == '(') <= source.Count(c => c == ')');

        public NameKind Classify(string name) => NameKind.Unknown;

        public ReplOutcome Evaluate(string source, CancellationToken cancellation)
        {
            Evaluated.Add(source);
            if (source.Contains("(spin)"))
            {
                Spinning.Set();
                while (!cancellation.IsCancellationRequested)
                {
                    Thread.Sleep(1);
                }

                return new ReplOutcome(null, "interrupted");
            }

            return source.Contains("(fail)")
                ? new ReplOutcome(null, "<repl>:1:1: error: failed")
                : new ReplOutcome($"value of {source.Trim()}", null);
        }
    }

    private static (int Exit, string Out, string Err) Run(IReplInput input, FakeEvaluator evaluator, Action<InterruptRouter>? during = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var interrupts = new InterruptRouter();
        var helper = during is null ? null : Task.Run(() => during(interrupts));
        var exit = new ReplSession(input, evaluator, output, error, interrupts).Run();
        helper?.Wait();
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Lines_are_gathered_with_the_continuation_prompt_until_the_forms_balance()
    {
        var input = new ScriptedInput(ReplLine.Of("(+ 1"), ReplLine.Of("   2)"), ReplLine.Of("(f)"));
        var evaluator = new FakeEvaluator();

        var (exit, output, _) = Run(input, evaluator);

        Assert.Equal(0, exit);
        Assert.Equal(["(+ 1\n   2)\n", "(f)\n"], evaluator.Evaluated);
        Assert.Equal([false, true, false, false], input.ContinuationPrompts);
        Assert.Equal("value of (+ 1\n   2)\nvalue of (f)\n", output.Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_form_typed_over_several_lines_is_remembered_as_one_entry_and_abandoned_input_not_at_all()
    {
        var input = new ScriptedInput(
            ReplLine.Of("(+ 1"), ReplLine.Of("   2)"), ReplLine.Of("(dropped"), ReplLine.Interrupted, ReplLine.Of("(f)"));

        Run(input, new FakeEvaluator());

        Assert.Equal(["(+ 1\n   2)\n", "(f)\n"], input.Remembered);
    }

    [Fact]
    public void Ctrl_C_while_typing_abandons_the_pending_input()
    {
        var input = new ScriptedInput(ReplLine.Of("(abandoned"), ReplLine.Interrupted, ReplLine.Of("(kept)"));
        var evaluator = new FakeEvaluator();

        Run(input, evaluator);

        Assert.Equal(["(kept)\n"], evaluator.Evaluated);
    }

    [Fact]
    public void Errors_go_to_standard_error_and_the_session_continues()
    {
        var input = new ScriptedInput(ReplLine.Of("(fail)"), ReplLine.Of("(ok)"));

        var (exit, output, error) = Run(input, new FakeEvaluator());

        Assert.Equal(0, exit);
        Assert.Contains("<repl>:1:1: error: failed", error);
        Assert.Contains("value of (ok)", output);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_unfinished_input_at_the_end_is_still_evaluated()
    {
        var input = new ScriptedInput(ReplLine.Of(""), ReplLine.Of("   "), ReplLine.Of("(unfinished"));
        var evaluator = new FakeEvaluator();

        Run(input, evaluator);

        Assert.Equal(["(unfinished\n"], evaluator.Evaluated);
    }

    [Fact]
    public void Ctrl_C_interrupts_a_running_evaluation_and_the_session_goes_on()
    {
        var input = new ScriptedInput(ReplLine.Of("(spin)"), ReplLine.Of("(after)"));
        var evaluator = new FakeEvaluator();

        var (_, output, error) = Run(input, evaluator, interrupts =>
        {
            Assert.True(evaluator.Spinning.Wait(TimeSpan.FromSeconds(30)));
            interrupts.Interrupt();
        });

        Assert.Contains("interrupted", error);
        Assert.Contains("value of (after)", output);
    }
}
