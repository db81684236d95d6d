using Zylisp.Lang.Analysis;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Namespaces;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

/// <summary>
/// The analyzer's marks for Go's narrow number types: (%narrow "int32" x) around reads of int32
/// parameters, arithmetic on them and the result, so every engine wraps the same values.
/// </summary>
public class GoNumberTypesTests
{
    private readonly GlobalEnvironment globals = new();

    private FnArity Arity(string coreForm, string engine = "interp")
    {
        var read = Reader.ReadAll(coreForm, "a.zl");
        Assert.Empty(read.Diagnostics);
        var analyzer = new Analyzer(globals, Truthiness.Clojure, new NamespaceScope(globals) { EngineName = engine });
        return Assert.Single(Assert.IsType<FnNode>(analyzer.AnalyzeTopLevel(read.Forms[0]).Body).Arities);
    }

    private static string? Mark(Node node) =>
        node is InvokeNode { Fn: GlobalRefNode { Var.Name: "%narrow" }, Args: [ConstNode { Value: string type }, _] } ? type : null;

    private static Node Inner(Node marked) => ((InvokeNode)marked).Args[1];

    [Fact]
    public void Arithmetic_on_one_narrow_type_is_marked_with_it()
    {
        var body = Arity("(fn {:args [int32 int32] :return int32} ([a b] (+ a b)))").Body;
        Assert.Equal("int32", Mark(body));
        var sum = Assert.IsType<InvokeNode>(Inner(body));
        Assert.All(sum.Args, arg => Assert.Equal("int32", Mark(arg))); // each read of a parameter
    }

    [Fact]
    public void Literals_that_fit_keep_the_type_and_mixed_or_wide_operands_do_not()
    {
        Assert.Equal("int8", Mark(Arity("(fn {:args [int8]} ([a] (+ a 100)))").Body));
        Assert.Null(Mark(Arity("(fn {:args [int8]} ([a] (+ a 300)))").Body));
        Assert.Null(Mark(Arity("(fn {:args [int32 integer]} ([a n] (+ a n)))").Body));
        Assert.Null(Mark(Arity("(fn {:args [int32 int16]} ([a b] (+ a b)))").Body));
        Assert.Null(Mark(Arity("(fn {:args [int32 int32]} ([a b] (< a b)))").Body));
        Assert.Null(Mark(Arity("(fn {:args [uint64 uint64]} ([a b] (+ a b)))").Body)); // all 64 bits: nothing to wrap
    }

    [Fact]
    public void The_result_mark_goes_into_branches_so_recur_stays_in_tail_position()
    {
        var body = Assert.IsType<IfNode>(Arity("(fn {:args [int32 int32] :return int32} ([n acc] (if (= n 0) acc (recur (dec n) (+ acc n)))))").Body);
        Assert.Equal("int32", Mark(body.Then));
        var recur = Assert.IsType<RecurNode>(body.Else);
        Assert.All(recur.Args, arg => Assert.Equal("int32", Mark(arg)));
    }

    [Fact]
    public void A_wide_result_of_a_narrow_function_is_wrapped_once()
    {
        var body = Arity("(fn {:args [integer] :return int32} ([n] (* n 3)))").Body;
        Assert.Equal("int32", Mark(body));
        Assert.Null(Mark(Inner(body)));
    }

    [Fact]
    public void Float32_is_an_error_naming_the_engine_except_on_go()
    {
        var read = Reader.ReadAll("(fn {:args [float32]} ([x] x))", "a.zl");
        var analyzer = new Analyzer(globals, Truthiness.Clojure, new NamespaceScope(globals) { EngineName = "il" });
        var d = Assert.Throws<AnalysisException>(() => analyzer.AnalyzeTopLevel(read.Forms[0])).Diagnostic;
        Assert.Equal(DiagnosticIds.GoNumberTypeElsewhere, d.Id);
        Assert.Contains("the il engine cannot", d.Message, StringComparison.Ordinal);
        Assert.Equal((1, 13), (d.Span!.Line, d.Span.Column));

        Assert.Equal("float32", Mark(Arity("(fn {:args [float32 float32]} ([x y] (* x y)))", "go").Body));
    }
}
