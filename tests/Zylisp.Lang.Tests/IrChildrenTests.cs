using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Tests;

/// <summary>The shared child walks that backends' tree queries recurse through (issue 8: every consumer covers every node kind).</summary>
public sealed class IrChildrenTests
{
    private static TopLevel Analyze(string source) =>
        new Analyzer(new GlobalEnvironment(), Truthiness.Clojure).AnalyzeTopLevel(Syntax.Reader.ReadAll(source, "<test>").Forms[0]);

    [Fact]
    public void An_if_has_its_test_then_and_else_in_evaluation_order()
    {
        var node = Assert.IsType<IfNode>(Analyze("(if 1 2 3)").Body);
        Assert.Equal([1L, 2L, 3L], IrChildren.Of(node).Select(c => Assert.IsType<ConstNode>(c).Value));
    }

    [Fact]
    public void A_let_has_its_initialisers_then_its_body_and_a_nested_fn_has_no_children_here()
    {
        var node = Assert.IsType<LetNode>(Analyze("(let [a 1 b 2] (fn [] a))").Body);
        var children = IrChildren.Of(node);
        Assert.Equal(3, children.Length);
        Assert.IsType<FnNode>(children[2]);
        Assert.Empty(IrChildren.Of(children[2]));
    }

    [Fact]
    public void A_try_lists_body_handler_and_finally()
    {
        var node = Assert.IsType<TryNode>(Analyze("(try 1 (catch e 2) (finally 3))").Body);
        Assert.Equal(3, IrChildren.Of(node).Length);
    }

    [Fact]
    public void Lowered_statements_expose_their_blocks_expression_and_operands()
    {
        var lowered = Lowerer.Lower(Analyze("(fn [x] (if x (+ x 1) 0))"));
        var fn = lowered.Body.Select(LoweredChildren.Expression).OfType<FnExpr>().Single();
        var body = fn.Function.Arities[0].Body;
        var branch = body.OfType<IfStmt>().Single();
        Assert.Equal(2, LoweredChildren.Blocks(branch).Length);
        Assert.IsType<LocalOperand>(Assert.Single(LoweredChildren.Operands(branch)));
        var call = branch.Then.Select(LoweredChildren.Expression).OfType<CallExpr>().Single();
        Assert.Equal(3, LoweredChildren.Operands(call).Length); // +, x and 1
    }
}
