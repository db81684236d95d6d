using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr.Tests;

/// <summary>Top-level definitions that need no method of their own (docs/design/il-backend.md, "Definitions without a method").</summary>
public class DirectDefinitionTests
{
    [Fact]
    public void A_top_level_def_of_a_fn_a_constant_or_nothing_emits_no_method_while_other_forms_do()
    {
        var recorder = new EmissionRecorder();
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, CreateExecutionEngine = () => recorder });
        var result = engine.Eval("(defn f [x] (+ x 1)) (def k 5) (def k) (def g (let [d 2] (fn [y] (* y d)))) (f k)");
        Assert.True(result.Success);
        Assert.Equal(6L, result.Value);
        Assert.Equal([false, false, false, true, true], recorder.Emitted);
        Assert.IsType<CompiledFunction>(engine.Eval("f").Value);
        Assert.Equal(8L, engine.Eval("(g 4)").Value);
    }

    [Fact]
    public void A_direct_definition_keeps_def_semantics_new_function_values_metadata_and_redefinition()
    {
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, CreateExecutionEngine = () => new IlEngine() });
        Assert.True(engine.Eval("(defn h \"adds one\" [x] (+ x 1)) (def first-h h) (defn h \"adds one\" [x] (+ x 1))").Success);
        Assert.Equal(false, engine.Eval("(identical? first-h h)").Value);
        Assert.Equal(3L, engine.Eval("(first-h 2)").Value);
        Assert.Equal("adds one", engine.Eval("(:doc (meta (var h)))").Value);
        Assert.Equal(7L, engine.Eval("(def seven 7) (def seven) seven").Value);
        Assert.Null(engine.Eval("(def unbound-yet) unbound-yet").Value);
    }

    [Fact]
    public void A_top_level_call_of_a_global_with_constant_arguments_emits_no_method()
    {
        var recorder = new EmissionRecorder();
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, CreateExecutionEngine = () => recorder });
        var result = engine.Eval("(defn f [& xs] (count xs)) (def k 5) (f) (f 1) (f [1 2] 2) (f 1 2 3) (f 1 2 3 4 5) (f k) ((fn [] 1)) (f (f 1))");
        Assert.True(result.Success);
        Assert.Equal(1L, result.Value);
        Assert.Equal([false, false, false, false, false, false, false, true, true, true], recorder.Emitted);
    }

    [Theory]
    [InlineData("(defn f [x] (inc x)) (f \"a\")")]
    [InlineData("(nope 1 2)")]
    [InlineData("(defn f [x] (throw (ex-info \"boom\" {:x x}))) (f 1)")]
    [InlineData("(defn g [a b c d] (/ a 0)) (g 1 2 3 4)")]
    [InlineData("(defn f [x] x) (f 1 2 3 4 5 6)")]
    [InlineData("(.NoSuchMethod \"text\")")]
    public void A_direct_call_fails_with_the_interpreters_diagnostic_and_stack_trace(string source)
    {
        static string Describe(EvalResult r) => string.Join("\n", r.Diagnostics.Select(d =>
            $"{d.Id} {d.Message} {d.Span?.Line}:{d.Span?.Column} [{string.Join(" | ", d.StackTrace.Select(f => f.ToString()))}]"));
        var interpreted = new Engine(new EngineOptions { Out = TextWriter.Null }).Eval(source, "direct.zl");
        var compiled = new Engine(new EngineOptions { Out = TextWriter.Null, CreateExecutionEngine = () => new IlEngine() }).Eval(source, "direct.zl");
        Assert.False(interpreted.Success);
        Assert.Equal(Describe(interpreted), Describe(compiled));
    }

    /// <summary>Compiles each form with the il engine's compiler and records whether its body is emitted code.</summary>
    private sealed class EmissionRecorder : IExecutionEngine
    {
        private readonly IlEngine il = new();

        public List<bool> Emitted { get; } = [];

        public string Name => "il";

        public object? Execute(TopLevel form, RunContext ctx)
        {
            if (IlEngine.IsMacroDefinition(form))
            {
                return il.Execute(form, ctx);
            }

            var body = il.Compiler.CompileTopLevel(form);
            Emitted.Add(body.Method.DeclaringType?.Assembly != typeof(IlEngine).Assembly);
            return body(null!, [], ctx);
        }
    }
}
