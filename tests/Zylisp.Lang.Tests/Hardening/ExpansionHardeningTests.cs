using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests.Hardening;

/// <summary>Issue 15: macro expansion that ran away or reported the wrong place.</summary>
public class ExpansionHardeningTests
{
    private readonly LangTestHost host = new();

    /// <summary>Issue 15 item 7: an expansion that doubles each step ran to 3.9 GB.</summary>
    [Fact]
    public void A_doubling_macro_stops_at_the_expansion_size_limit() =>
        host.Fails("(defmacro m [& xs] `(m ~@xs ~@xs)) (m 1)", DiagnosticIds.ExpansionTooLarge);

    /// <summary>Issue 15 item 7: 20 nested backquotes ran past 30 s and 2.8 GB.</summary>
    [Fact]
    public void Nested_syntax_quotes_stop_at_the_expansion_size_limit() =>
        host.Fails("(def x 1) " + new string('`', 20) + "x", DiagnosticIds.ExpansionTooLarge);

    /// <summary>Issue 15 item 7: expansion is interruptible.</summary>
    [Fact]
    public void Expansion_stops_when_cancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var result = host.Engine.Eval("(defmacro m [] '(m)) (m)", "t.zl", cts.Token);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.Interrupted);
    }

    /// <summary>Issue 15 item 15: (defmacro m [] (eval '(m))) (m) took 56 s and printed a 330 KB message.</summary>
    [Fact]
    public void A_macro_that_evals_itself_gives_one_short_message()
    {
        var error = host.Fails("(defmacro m [] (eval '(m))) (m)", DiagnosticIds.MacroFailed);
        Assert.True(error.Message.Length < 300, error.Message);
        Assert.Contains("more macro expansions", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Issue 15 item 14: a macro's quoted output kept the span of the REPL entry that defined it.</summary>
    [Fact]
    public void An_error_in_macro_output_points_into_the_entry_that_ran_it()
    {
        host.Eval("(defmacro loopm [] (quote (loopm)))", "<repl>");
        var result = host.Engine.Eval("(loopm)", "<repl>");
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticIds.MacroExpansionLimit, error.Id);
        Assert.Equal((1, 1), (error.Span!.Line, error.Span.Column));
        Assert.True(error.Span.EndOffset <= "(loopm)".Length);
    }

    /// <summary>Ordinary macros that wrap a large body are not charged for the body at each layer.</summary>
    [Fact]
    public void Wrapping_a_large_body_many_times_stays_under_the_size_limit()
    {
        var limited = new LangTestHost(new RuntimeLimits { MaxExpansionSize = 1_000 });
        var body = "[" + string.Join(' ', Enumerable.Range(0, 5_000)) + "]";
        Assert.Equal(5_000L, limited.Eval($"(count (when true (when true (when true (when true {body})))))"));
    }
}
