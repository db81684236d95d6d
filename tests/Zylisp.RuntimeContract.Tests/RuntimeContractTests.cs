using Zylisp.Lang;
using Zylisp.Lang.Runtime;

namespace Zylisp.RuntimeContract.Tests;

/// <summary>
/// The tests the interpreter passes, passed by functions written against the public runtime
/// contract only (issue 8): tail calls across engines, the depth limit, interrupts, stack traces,
/// globals, errors and apply.
/// </summary>
public sealed class RuntimeContractTests
{
    private readonly StringWriter output = new() { NewLine = "\n" };
    private readonly Engine engine;

    public RuntimeContractTests() =>
        engine = new Engine(new EngineOptions { Out = output, Error = TextWriter.Null });

    private Var Global(string name) => engine.GlobalVar(name);

    private EvalResult Eval(string source, CancellationToken ct = default) => engine.Eval(source, "<contract>", ct);

    [Fact]
    public void A_tail_call_chain_alternating_interpreted_and_hand_written_functions_needs_no_stack()
    {
        var ping = Global("ping");
        engine.SetGlobal("pong", new Pong(ping));
        Assert.True(Eval("(defn ping [n] (if (= n 0) :done (pong (dec n))))").Success);
        var result = Eval("(ping 1000000)");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(Zylisp.Lang.Data.Keyword.Of("done"), result.Value);
    }

    [Fact]
    public void Unbounded_non_tail_recursion_raises_the_interpreters_stack_overflow_error_naming_the_function()
    {
        var dive = Global("dive");
        engine.SetGlobal("dive", new Dive(dive));
        var result = Eval("(dive 1)");
        var error = Assert.Single(result.Errors);
        Assert.Equal("ZL5005", error.Id);
        Assert.Contains("`dive`", error.Message, StringComparison.Ordinal);
        var interpreted = Eval("(defn idive [n] (inc (idive n))) (idive 1)");
        Assert.Equal(error.Id, Assert.Single(interpreted.Errors).Id);
    }

    [Fact]
    public void An_interrupt_stops_a_hand_written_loop_through_its_poll()
    {
        engine.SetGlobal("spin", new Spin());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var result = Eval("(spin)", cancel.Token);
        Assert.Equal("ZL5010", Assert.Single(result.Errors).Id);
        Assert.True(Eval("(+ 1 2)").Success); // the engine is usable afterwards
    }

    [Fact]
    public void Errors_crossing_hand_written_frames_carry_the_zylisp_stack_trace()
    {
        engine.SetGlobal("relay", new Relay());
        var result = Eval("(defn boom [x] (/ x 0))\n(relay boom 1)");
        var error = Assert.Single(result.Errors);
        Assert.Equal("ZL5004", error.Id);
        var frames = error.StackTrace.Select(f => f.FunctionName + "@" + f.Span?.File + ":" + f.Span?.Line).ToList();
        Assert.Equal(["boom@<contract>:1", "relay@hand.cs:12", "<top-level>@<contract>:2"], frames);
    }

    [Fact]
    public void A_global_defined_by_compiled_code_is_seen_by_every_caller()
    {
        var answer = Global("answer");
        engine.SetGlobal("set-answer!", new SetAnswer(answer));
        Assert.True(Eval("(defn read-answer [] answer)").Success);
        Assert.Equal(1L, Eval("(set-answer! 1) (read-answer)").Value);
        Assert.Equal(2L, Eval("(set-answer! 2) (read-answer)").Value);
    }

    [Fact]
    public void A_thrown_error_is_caught_by_interpreted_code_with_its_message_and_type()
    {
        engine.SetGlobal("fail", new Fail());
        var result = Eval("(try (fail) (catch e [(ex-message e) (:type e) (ex-data e)]))");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal("[\"hand-made\" :ex-info {:k 1}]", Zylisp.Lang.Printing.Printer.PrStr(result.Value));
        var uncaught = Assert.Single(Eval("(fail)").Errors);
        Assert.Contains("hand-made", uncaught.Message, StringComparison.Ordinal);
        Assert.Equal("fail", uncaught.StackTrace[0].FunctionName);
    }

    [Fact]
    public void Hand_written_functions_take_any_number_of_arguments_and_apply()
    {
        engine.SetGlobal("total", new Total());
        Assert.Equal(10L, Eval("(total 1 2 3 4)").Value);
        Assert.Equal(15L, Eval("(apply total 1 [2 3 4 5])").Value);
        Assert.Equal(6L, Eval("(reduce (fn [a b] (total a b)) [1 2 3])").Value);
    }

    [Fact]
    public void Wrong_arity_and_non_callable_values_raise_the_interpreters_errors()
    {
        Assert.Equal("ZL5002", ((ErrorValue)RuntimeErrors.Arity("f", 3).Value!).DiagnosticId);
        engine.SetGlobal("total", new Total());
        Assert.Equal("ZL5006", Assert.Single(Eval("(5 1)").Errors).Id);
    }
}
