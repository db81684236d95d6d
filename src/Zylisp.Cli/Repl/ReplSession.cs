using System.Text;
using Zylisp.Cli.Hosting;

namespace Zylisp.Cli.Repl;

/// <summary>
/// The read-eval-print loop, independent of where lines come from: it gathers lines until the
/// forms balance, evaluates them (the engine runs code on its own large-stack thread, so this
/// thread only waits), and prints the value or the error.
/// Ctrl+C abandons the pending input or interrupts the running evaluation; the session goes on.
/// </summary>
internal sealed class ReplSession(
    IReplInput input,
    IReplEvaluator evaluator,
    TextWriter output,
    TextWriter error,
    InterruptRouter interrupts)
{
    /// <summary>Runs until the end of input; returns the process exit status.</summary>
    public int Run()
    {
        var pending = new StringBuilder();
        while (true)
        {
            ReplLine line;
            using (var scope = interrupts.Begin())
            {
                line = input.ReadLine(continuing: pending.Length > 0, scope.Token);
            }

            switch (line.Kind)
            {
                case ReplLineKind.EndOfInput:
                    // Piped input may end inside an unfinished form; its read error is still worth seeing.
                    if (!string.IsNullOrWhiteSpace(pending.ToString()))
                    {
                        Evaluate(pending.ToString());
                    }

                    return ExitCodes.Success;
                case ReplLineKind.Interrupted:
                    pending.Clear();
                    continue;
            }

            pending.Append(line.Text).Append('\n');
            var source = pending.ToString();
            if (string.IsNullOrWhiteSpace(source))
            {
                pending.Clear();
                continue;
            }

            if (!evaluator.IsComplete(source))
            {
                continue;
            }

            pending.Clear();
            input.Remember(source);
            Evaluate(source);
        }
    }

    private void Evaluate(string source)
    {
        ReplOutcome outcome;
        using (var scope = interrupts.Begin())
        {
            outcome = evaluator.Evaluate(source, scope.Token);
        }

        // Values first: of several forms on one line, those before a failing one printed theirs.
        var shown = outcome.Value ?? outcome.Message;
        if (shown is not null)
        {
            output.WriteLine(shown);
        }

        output.Flush();
        if (outcome.Error is not null)
        {
            error.Write(outcome.Error);
            if (!outcome.Error.EndsWith('\n'))
            {
                error.WriteLine();
            }

            error.Flush();
        }
    }
}
