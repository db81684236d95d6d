using Zylisp.Lang.Analysis;
using Zylisp.Lang.Compilation;

namespace Zylisp.Lang.Tests;

/// <summary>Collecting a whole program for ahead-of-time backends (issue 8).</summary>
public sealed class ProgramImageTests
{
    [Fact]
    public void A_program_brings_exactly_the_prelude_definitions_it_reaches()
    {
        var image = Engine.CollectProgram("(defn f [x] (when (some? x) x))\n(defn -main [] (println (f 1)))", "app.zl");
        Assert.True(image.Success);
        Assert.Equal(2, image.Forms.Count);
        var names = image.Definitions.Select(d => ((DefNode)d.Body).Var.Name).ToList();
        Assert.Contains("some?", names);
        Assert.DoesNotContain("when", names); // a macro is used at compile time only
        Assert.DoesNotContain("comp", names);
    }

    [Fact]
    public void Definitions_come_before_the_definitions_that_use_them()
    {
        var image = Engine.CollectProgram("(defn -main [] (println (comp inc inc)))", "app.zl");
        var order = image.Definitions.Select(d => ((DefNode)d.Body).Var).ToList();
        Assert.Contains("comp", order.Select(v => v.Name));
        for (int position = 0; position < order.Count; position++)
        {
            foreach (var (global, _) in GlobalReferences.Of(image.Definitions[position].Body))
            {
                int used = order.IndexOf(global);
                Assert.True(used <= position, global.Name + " must load before " + order[position].Name);
            }
        }
    }

    [Fact]
    public void Top_level_effects_do_not_run_while_collecting()
    {
        var output = new StringWriter();
        var image = Engine.CollectProgram("(println \"side effect\")\n(def x 1)", "app.zl", new EngineOptions { Out = output });
        Assert.True(image.Success);
        Assert.Equal("", output.ToString());
        Assert.Equal(2, image.Forms.Count);
    }

    [Fact]
    public void Calls_that_need_the_compiler_at_run_time_are_named_with_their_location()
    {
        var image = Engine.CollectProgram("(defn -main []\n  (eval '(+ 1 2)))", "app.zl");
        var use = Assert.Single(image.CompilerUses);
        Assert.Equal("eval", use.Function);
        Assert.Equal(2, use.Span!.Line);
        var error = Assert.Single(image.CompilerErrors("go"));
        Assert.Equal("ZL4001", error.Id);
        Assert.Contains("the go target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_function_named_eval_is_not_the_compiler()
    {
        var image = Engine.CollectProgram("(defn eval [x] x)\n(defn -main [] (eval 1))", "app.zl");
        Assert.Empty(image.CompilerUses);
    }

    [Fact]
    public void Macros_defined_in_the_program_expand_its_later_forms()
    {
        var image = Engine.CollectProgram("(defmacro twice [x] `(do ~x ~x))\n(defn -main [] (twice (println 1)))", "app.zl");
        Assert.True(image.Success);
        Assert.DoesNotContain("twice", Lowering.LoweredPrinter.Print(Lowering.Lowerer.Lower(image.Forms[^1])), StringComparison.Ordinal);
    }
}
