using System.Text;
using Zylisp.Cli.Hosting;
using Zylisp.Lang.Syntax;

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
        // Scans each line once; the whole entry is re-read only when its brackets may balance, so a
        // 20,000-line form costs one read, not 20,000 (issue 15 item 9).
        var balance = new BalanceScanner();
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
                    balance.Reset();
                    continue;
            }

            pending.Append(line.Text).Append('\n');
            balance.Feed(line.Text);
            balance.Feed("\n");
            if (!balance.HasContent)
            {
                pending.Clear();
                continue;
            }

            if (!balance.MayBeComplete)
            {
                continue;
            }

            var source = pending.ToString();
            if (!evaluator.IsComplete(source))
            {
                continue;
            }

            pending.Clear();
            balance.Reset();
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
