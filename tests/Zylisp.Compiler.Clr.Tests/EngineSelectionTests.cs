using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang;

namespace Zylisp.Compiler.Clr.Tests;

public class EngineSelectionTests
{
    [Fact]
    public void The_il_engine_makes_compiled_functions()
    {
        var engine = new Engine(new EngineOptions { CreateExecutionEngine = () => new IlEngine() });
        var result = engine.Eval("(fn [x] x)");
        Assert.True(result.Success);
        Assert.IsType<CompiledFunction>(result.Value);
    }

    [Fact]
    public void The_il_engine_leaves_macro_definitions_to_the_interpreter_and_compiles_their_expansions()
    {
        // A macro runs while code is expanded, not as the program: compiling it only cost start-up.
        var engine = new Engine(new EngineOptions { CreateExecutionEngine = () => new IlEngine() });
        Assert.True(engine.Eval("(defmacro twice [x] `(* 2 ~x))").Success);
        Assert.True(engine.Eval("(defn f [x] (twice x))").Success);
        Assert.IsNotType<CompiledFunction>(engine.GetGlobal("twice"));
        Assert.IsType<CompiledFunction>(engine.GetGlobal("f"));
        Assert.Equal(42L, engine.Eval("(f 21)").Value);
    }
}
