using System.Text.Json;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>Per-request streams and the plain-data report (issue 8, "Ready for workers").</summary>
public class EvalRequestTests
{
    private readonly Engine engine = new(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null, In = TextReader.Null });

    [Fact]
    public void Output_goes_to_the_requests_writers_not_the_engines()
    {
        var first = new StringWriter();
        var second = new StringWriter();
        engine.Eval(new EvalRequest("(println \"one\")") { Out = first });
        engine.Eval(new EvalRequest("(println \"two\") (%eprintln \"oops\")") { Out = second, Error = second });
        Assert.Equal("one\n", first.ToString());
        Assert.Equal("two\noops\n", second.ToString());
    }

    [Fact]
    public void With_out_str_that_throws_uncaught_leaves_the_next_request_printing_to_its_writer()
    {
        var first = new StringWriter();
        var second = new StringWriter();
        var failed = engine.Eval(new EvalRequest("(print \"a\") (with-out-str (print \"lost\") (throw (ex-info \"boom\" {})))") { Out = first });
        var result = engine.Eval(new EvalRequest("[(with-out-str (prn :in)) (print \"b\")]") { Out = second });
        Assert.False(failed.Success);
        Assert.Equal("a", first.ToString());
        Assert.Equal("[\":in\\n\" nil]", Printing.Printer.PrStr(result.Value));
        Assert.Equal("b", second.ToString());
    }

    [Fact]
    public void Each_top_level_form_is_reported_with_its_value()
    {
        var values = new List<object?>();
        var result = engine.Eval(new EvalRequest("(def x 2) (+ x 1) :k") { OnFormEvaluated = (_, v) => values.Add(v) });
        Assert.True(result.Success);
        Assert.Equal(3, values.Count);
        Assert.Equal(3L, values[1]);
    }

    [Fact]
    public void Read_line_reads_the_requests_input_and_nil_at_the_end()
    {
        var result = engine.Eval(new EvalRequest("[(read-line) (read-line) (read-line)]") { In = new StringReader("a\nb\n") });
        Assert.Equal("[\"a\" \"b\" nil]", Printing.Printer.PrStr(result.Value));
    }

    [Fact]
    public void Line_and_column_place_spans_where_the_editor_has_the_code()
    {
        var result = engine.Eval(new EvalRequest("(+ 1 undefined-here)") { File = "src/x.zl", Line = 10, Column = 5 });
        var error = Assert.Single(result.Errors);
        Assert.Equal("src/x.zl", error.Span!.File);
        Assert.Equal(10, error.Span.Line);
        Assert.Equal(10, error.Span.Column);
    }

    [Fact]
    public void A_report_is_plain_data_that_survives_json_round_trip()
    {
        var output = new StringWriter();
        var values = new List<object?>();
        var result = engine.Eval(new EvalRequest("(println \"hi\") (/ 1 0)") { Out = output, OnFormEvaluated = (_, v) => values.Add(v) });
        var report = EvalReport.From(result, values, output.ToString(), "", engine.Sources);
        var copy = JsonSerializer.Deserialize<EvalReport>(JsonSerializer.Serialize(report))!;
        Assert.False(copy.Success);
        Assert.Equal("hi\n", copy.Out);
        Assert.Equal(":arithmetic-error", copy.ErrorType);
        Assert.False(string.IsNullOrEmpty(copy.ErrorMessage));
        var diagnostic = Assert.Single(copy.Diagnostics);
        Assert.Equal("error", diagnostic.Severity);
        Assert.Equal("run", diagnostic.Phase);
        Assert.Equal(1, diagnostic.Line);
        Assert.Contains(diagnostic.Id, diagnostic.Text, StringComparison.Ordinal);
        Assert.Equal(["nil"], copy.Values);
    }

    [Fact]
    public void A_read_error_reports_its_phase_as_the_error_type()
    {
        var result = engine.Eval(new EvalRequest("(+ 1"));
        var report = EvalReport.From(result, [], "", "", engine.Sources);
        Assert.Equal("read-error", report.ErrorType);
        Assert.Equal(DiagnosticIds.UnclosedForm, report.Diagnostics.Single(d => d.Severity == "error").Id);
    }

    [Fact]
    public void An_error_in_code_an_earlier_region_defined_quotes_that_region()
    {
        engine.Eval(new EvalRequest("(defn f [x]\n  (+ x \"a\"))") { File = "<repl>", Line = 1 });
        var result = engine.Eval(new EvalRequest("(f 1)") { File = "<repl>", Line = 3 });

        var report = new DiagnosticFormatter(engine.Sources).Format(Assert.Single(result.Diagnostics, d => d.IsError));
        Assert.StartsWith("<repl>:2:3: error:", report);
        Assert.Contains(" 2 |   (+ x \"a\"))\n", report);
    }
}

/// <summary>Hosts that bring their own large-stack thread (the nREPL worker) skip the thread per eval.</summary>
public class EvaluateOnCallingThreadTests
{
    [Fact]
    public void Code_runs_on_the_callers_thread_and_deep_recursion_still_ends_in_the_depth_error()
    {
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null, EvaluateOnCallingThread = true });
        EvalResult? deep = null;
        var caller = new Thread(() => deep = engine.Eval("(defn down [n] (+ 1 (down n))) (down 1)"), engine.Options.Limits.EvaluationStackBytes);
        caller.Start();
        caller.Join();
        Assert.Equal(DiagnosticIds.StackOverflow, Assert.Single(deep!.Errors).Id);
        Assert.Equal(3L, engine.Eval("(+ 1 2)").Value);
    }
}
