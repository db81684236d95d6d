using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>The host-facing API: results, pipeline dumps, documentation, isolation between engines.</summary>
public class EngineTests
{
    private readonly LangTestHost host = new();

    [Fact]
    public void The_pipeline_lists_its_passes_in_order() =>
        Assert.Equal(["read", "expand", "analyze", "require", "lower", "execute"], Engine.Passes);

    [Fact]
    public void Dump_after_analyze_prints_the_ir_with_contexts_and_slots()
    {
        var result = host.Engine.DumpAfter("analyze", "(defn f [n] (if (< n 1) n (f (dec n))))");
        Assert.True(result.Success);
        var ir = Assert.IsType<string>(Assert.Single(result.Forms));
        Assert.Contains("(fn f ([n@0] :frame 1 (if :tail", ir, StringComparison.Ordinal);
        Assert.Contains("(tail-call f@self (call #'dec n@0))", ir, StringComparison.Ordinal);
    }

    [Fact]
    public void Dump_after_read_and_expand()
    {
        Assert.Equal("(when a b)", Printing.Printer.PrStr(Assert.Single(host.Engine.DumpAfter("read", "(when a b)").Forms)));
        Assert.Equal("(if a (do b))", Printing.Printer.PrStr(Assert.Single(host.Engine.DumpAfter("expand", "(when a b)").Forms)));
        Assert.Throws<ArgumentException>(() => host.Engine.DumpAfter("optimize", "1"));
    }

    [Fact]
    public void Engines_do_not_share_globals()
    {
        host.Eval("(def only-here 1)");
        var other = new LangTestHost();
        other.Fails("only-here", DiagnosticIds.UndefinedGlobal);
    }

    [Fact]
    public void Read_errors_are_reported_without_running_anything()
    {
        var result = host.Engine.Eval("(println 1) (+ 1");
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.UnclosedForm);
        Assert.Equal("", host.Out.ToString());
    }

    [Fact]
    public void Sources_are_registered_for_carets()
    {
        host.Engine.Eval("(+ 1 2)", "registered.zl");
        Assert.True(host.Engine.Sources.TryGet("registered.zl", out _));
    }

    [Fact]
    public void Warnings_are_written_with_their_location()
    {
        host.Engine.Eval("(defn f [] (undefined-helper))", "warn.zl");
        Assert.Contains("warn.zl:1:13", host.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_returns_null_for_unknown_names() => Assert.Null(host.Engine.Doc("no-such-thing"));

    [Fact]
    public void Eval_returns_the_last_value_and_success()
    {
        var result = host.Engine.Eval("1 2 (+ 1 2)");
        Assert.True(result.Success);
        Assert.Equal(3L, result.Value);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Runtime_error_result_carries_the_thrown_value()
    {
        var result = host.Engine.Eval("(throw [1 2])");
        Assert.False(result.Success);
        Assert.Equal("[1 2]", Printing.Printer.PrStr(result.Error));
    }
}
