using Zylisp.Lang.Lowering;
using static Zylisp.Compiler.Go.Tests.IrBuilder;

namespace Zylisp.Compiler.Go.Tests;

public class GoEmitterTests
{
    [Fact]
    public void The_seed_deffunc_add_becomes_a_plain_Go_function()
    {
        var a = Local("a", 0);
        var b = Local("b", 1);
        var add = DefFn("add", Arity([a, b], [new TailCallStmt(Call(Ref("+"), Read(a), Read(b)), null)], [Integer, Integer], Integer));

        var result = GoCompiler.Compile([add], Zylisp.Lang.Analysis.Truthiness.Clojure, "add.zl");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Contains("func add(a int, b int) int {\n\treturn a + b\n}\n", result.MainGo, StringComparison.Ordinal);
    }
}
