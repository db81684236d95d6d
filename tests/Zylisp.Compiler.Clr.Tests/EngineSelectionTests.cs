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
}
