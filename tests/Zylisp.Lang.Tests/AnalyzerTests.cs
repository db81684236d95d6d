using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

/// <summary>The analyzer's IR: resolution, contexts and errors, built from core forms directly.</summary>
public class AnalyzerTests
{
    private readonly GlobalEnvironment globals = new();

    private Node Analyze(string coreForm, Truthiness truthiness = Truthiness.Clojure)
    {
        var read = Reader.ReadAll(coreForm, "a.zl");
        Assert.Empty(read.Diagnostics);
        return new Analyzer(globals, truthiness).AnalyzeTopLevel(read.Forms[0]).Body;
    }

    private Diagnostic AnalysisError(string coreForm)
    {
        var read = Reader.ReadAll(coreForm, "a.zl");
        var e = Assert.Throws<AnalysisException>(() => new Analyzer(globals, Truthiness.Clojure).AnalyzeTopLevel(read.Forms[0]));
        return e.Diagnostic;
    }

    private static FnArity SingleArity(Node node) => Assert.Single(Assert.IsType<FnNode>(node).Arities);

    [Fact]
    public void Parameters_and_lets_are_slots_and_globals_are_vars()
    {
        var arity = SingleArity(Analyze("(fn ([x] (let [y x] (g y))))"));
        var let = Assert.IsType<LetNode>(arity.Body);
        var init = Assert.IsType<LocalRefNode>(let.Bindings[0].Init);
        Assert.Equal((LocalAccess.Slot, 0), (init.Access, init.Index));
        Assert.Equal(1, let.Bindings[0].Local.Slot);
        var call = Assert.IsType<InvokeNode>(let.Body);
        Assert.Same(globals.Find("g"), Assert.IsType<GlobalRefNode>(call.Fn).Var);
        Assert.Equal(2, arity.FrameSize);
    }

    [Fact]
    public void Closures_capture_only_what_they_use()
    {
        var outer = SingleArity(Analyze("(fn ([a b c] (fn ([x] (+ x c)))))"));
        var inner = Assert.IsType<FnNode>(outer.Body);
        var capture = Assert.Single(inner.Captures);
        Assert.Equal("c", capture.Binding.Name);
        Assert.Equal((LocalAccess.Slot, 2), (capture.SourceAccess, capture.SourceIndex));
        var plus = Assert.IsType<InvokeNode>(SingleArity(inner).Body);
        var c = Assert.IsType<LocalRefNode>(plus.Args[1]);
        Assert.Equal((LocalAccess.Captured, 0), (c.Access, c.Index));
    }

    [Fact]
    public void Captures_thread_through_intermediate_functions()
    {
        var outer = SingleArity(Analyze("(fn ([a] (fn ([] (fn ([] a))))))"));
        var middle = Assert.IsType<FnNode>(outer.Body);
        Assert.Equal("a", Assert.Single(middle.Captures).Binding.Name);
    }

    [Fact]
    public void A_named_fn_refers_to_itself()
    {
        var arity = SingleArity(Analyze("(fn f ([n] (f n)))"));
        var call = Assert.IsType<InvokeNode>(arity.Body);
        Assert.Equal(LocalAccess.Self, Assert.IsType<LocalRefNode>(call.Fn).Access);
    }

    [Fact]
    public void Contexts_mark_tail_value_and_statement_positions()
    {
        var arity = SingleArity(Analyze("(fn ([x] (do (a x) (if (b x) (c x) (d x)))))"));
        var body = Assert.IsType<DoNode>(arity.Body);
        Assert.Equal(NodeContext.Statement, body.Statements[0].Context);
        var branch = Assert.IsType<IfNode>(body.Result);
        Assert.Equal(NodeContext.Tail, branch.Context);
        Assert.Equal(NodeContext.Value, branch.Test.Context);
        Assert.Equal(NodeContext.Tail, branch.Then.Context);
        Assert.Equal(NodeContext.Value, Assert.IsType<InvokeNode>(branch.Then).Args[0].Context);
    }

    [Fact]
    public void Try_bodies_are_never_in_tail_position()
    {
        var arity = SingleArity(Analyze("(fn ([] (try (f) (catch e (g)))))"));
        var t = Assert.IsType<TryNode>(arity.Body);
        Assert.Equal(NodeContext.Value, t.Body.Context);
        Assert.Equal(NodeContext.Value, t.Handler!.Context);
    }

    [Fact]
    public void Checked_return_types_keep_tail_calls_as_ordinary_calls()
    {
        var arity = SingleArity(Analyze("(fn {:return integer} ([x] (f x)))"));
        Assert.Equal(NodeContext.Value, arity.Body.Context);
        Assert.Equal(TypeKind.Integer, arity.ReturnType!.Kind);
    }

    [Fact]
    public void Annotations_parse_known_and_go_types()
    {
        var arity = SingleArity(Analyze("(fn {:args [int float64 string bool any *ast.File]} ([a b c d e f] a))"));
        Assert.Equal([TypeKind.Integer, TypeKind.Float, TypeKind.String, TypeKind.Bool, TypeKind.Any, TypeKind.Any], arity.ParamTypes.Select(t => t!.Kind));
        Assert.Equal("*ast.File", arity.ParamTypes[5]!.Name);
    }

    [Fact]
    public void If_records_the_units_truthiness()
    {
        Assert.Equal(Truthiness.Clojure, Assert.IsType<IfNode>(Analyze("(if a b c)")).Truthiness);
        Assert.Equal(Truthiness.Slisp, Assert.IsType<IfNode>(Analyze("(if a b c)", Truthiness.Slisp)).Truthiness);
    }

    [Fact]
    public void Slisp_units_resolve_str_to_the_slisp_variant()
    {
        var call = Assert.IsType<InvokeNode>(Analyze("(str [1])", Truthiness.Slisp));
        Assert.Equal("%slisp-str", Assert.IsType<GlobalRefNode>(call.Fn).Var.Name);
    }

    [Fact]
    public void Recur_records_its_target_and_the_arity_knows_it_loops()
    {
        var arity = SingleArity(Analyze("(fn ([n acc] (if (= n 0) acc (recur (- n 1) (+ acc n)))))"));
        Assert.True(arity.HasRecur);
        var recur = Assert.IsType<RecurNode>(Assert.IsType<IfNode>(arity.Body).Else);
        Assert.Equal(["n", "acc"], recur.Targets.Select(t => t.Name));
    }

    [Fact]
    public void Recur_outside_tail_position_is_an_error_at_its_location()
    {
        var d = AnalysisError("(loop [i 0]\n  (inc (recur i)))");
        Assert.Equal(DiagnosticIds.RecurNotInTailPosition, d.Id);
        Assert.Equal((2, 8), (d.Span!.Line, d.Span.Column));
        Assert.Equal(DiagnosticIds.RecurNotInTailPosition, AnalysisError("(fn ([x] (let [y (recur 1)] y)))").Id);
        Assert.Equal(DiagnosticIds.RecurNotInTailPosition, AnalysisError("(fn ([x] (try (recur 1))))").Id);
        Assert.Equal(DiagnosticIds.RecurNotInTailPosition, AnalysisError("(recur 1)").Id);
    }

    [Theory]
    [InlineData("(if)", DiagnosticIds.MalformedSpecialForm)]
    [InlineData("(quote a b)", DiagnosticIds.MalformedSpecialForm)]
    [InlineData("(def)", DiagnosticIds.MalformedSpecialForm)]
    [InlineData("(let [1 2] 3)", DiagnosticIds.MalformedSpecialForm)]
    [InlineData("(loop [i 0] (recur 1 2))", DiagnosticIds.RecurArity)]
    [InlineData("(fn ([x] 1) ([y] 2))", DiagnosticIds.DuplicateArity)]
    [InlineData("(fn ([& a] 1) ([x & b] 2))", DiagnosticIds.MalformedSpecialForm)]
    [InlineData("(fn ([1] 1))", DiagnosticIds.BadParameterList)]
    [InlineData("(inc if)", DiagnosticIds.SpecialFormAsValue)]
    [InlineData("(catch e 1)", DiagnosticIds.MalformedSpecialForm)]
    [InlineData("(try (finally 1) 2)", DiagnosticIds.MalformedSpecialForm)]
    [InlineData("(fn {:args [int]} ([a b] a))", DiagnosticIds.BadAnnotation)]
    public void Malformed_core_forms_are_reported(string form, string id) => Assert.Equal(id, AnalysisError(form).Id);

    [Fact]
    public void Forward_references_are_recorded_once_with_their_first_location()
    {
        var analyzer = new Analyzer(globals, Truthiness.Clojure);
        var read = Reader.ReadAll("(fn ([] (later 1) (later 2)))", "a.zl");
        analyzer.AnalyzeTopLevel(read.Forms[0]);
        var (v, span) = Assert.Single(analyzer.ForwardReferences);
        Assert.Equal("later", v.Name);
        Assert.Equal(10, span!.Column);
    }

    [Fact]
    public void Constant_collections_fold_to_constants()
    {
        var node = Assert.IsType<ConstNode>(Analyze("[1 [2 :a] {:k \"v\"}]"));
        Assert.Equal(PersistentVector.Create(1L, PersistentVector.Create(2L, Keyword.Of("a")), PersistentMap.Empty.Assoc(Keyword.Of("k"), "v")), node.Value);
        Assert.IsType<CollectionNode>(Analyze("[1 x]"));
    }
}
