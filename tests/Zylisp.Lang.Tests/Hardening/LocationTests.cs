using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests.Hardening;

/// <summary>Issue 15 item 12: every diagnostic has a location when source exists.</summary>
public class LocationTests
{
    [Theory]
    [InlineData("(list (cond 1 2 3))", "ZL2002")]
    [InlineData("(if-let [] 1)", "ZL2008")]
    [InlineData("(doseq [1 [1]] 1)", "ZL2008")]
    [InlineData("(defmacro m [] (throw (ex-info \"x\" {}))) (m)", "ZL2002")]
    public void Expansion_errors_in_macro_output_point_at_the_top_level_form(string source, string id)
    {
        var error = new LangTestHost().Fails(source, id);
        Assert.NotNull(error.Span);
        Assert.Equal(1, error.Span!.Line);
    }

    [Theory]
    [InlineData("(defn -main [a b] 1)", DiagnosticIds.WrongArity)]
    [InlineData("(def -main 5)", DiagnosticIds.NotCallable)]
    public void Main_errors_point_at_the_main_definition(string source, string id)
    {
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null });
        var result = engine.RunSource("(def x 1)\n" + source, "main.zl", []);
        var error = Assert.Single(result.Diagnostics, d => d.Id == id);
        Assert.Equal(2, error.Span?.Line);
    }

    [Fact]
    public void An_interrupt_points_at_the_form_it_stopped()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null });
        var result = engine.Eval("(def a 1)\n(loop [i 0] (recur (inc i)))", "t.zl", cts.Token);
        var error = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.Interrupted);
        Assert.NotNull(error.Span);
    }
}
