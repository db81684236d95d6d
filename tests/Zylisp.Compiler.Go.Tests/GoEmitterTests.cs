using Zylisp.Lang.Lowering;
using static Zylisp.Compiler.Go.Tests.IrBuilder;

namespace Zylisp.Compiler.Go.Tests;

/// <summary>The shape of the generated Go: what a person reading it sees.</summary>
public class GoEmitterTests
{
    private static string Emit(string source)
    {
        var result = GoCompiler.CompileSource(source, "test.zl");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics) + string.Join("\n", result.FrontEndDiagnostics.Select(d => d.Id)));
        return result.MainGo;
    }

    [Fact]
    public void The_seed_deffunc_add_becomes_a_plain_Go_function_from_hand_built_IR()
    {
        var a = Local("a", 0);
        var b = Local("b", 1);
        var add = DefFn("add", Arity([a, b], [new TailCallStmt(Call(Ref("+"), Read(a), Read(b)), null)], [Integer, Integer], Integer));

        var result = GoCompiler.Compile([add], Zylisp.Lang.Runtime.Truthiness.Clojure, "add.zl");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Contains("func add(a int, b int) int {\n\treturn a + b\n}\n", result.MainGo, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_deffunc_add_comes_out_as_the_seed_shows_from_source()
    {
        var go = Emit("(deffunc add (a b) (:args integer integer) (:return integer) (+ a b))");
        Assert.Contains("func add(a int, b int) int {\n\treturn a + b\n}\n", go, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_functions_call_each_other_directly_on_plain_Go_values()
    {
        var go = Emit("""
            (deffunc square (x) (:args float) (:return float) (* x x))
            (deffunc norm (x y) (:args float float) (:return float) (+ (square x) (square y)))
            (deffunc fib (n) (:args integer) (:return integer) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
            """);
        Assert.Contains("func norm(x float64, y float64) float64 {\n\treturn square(x) + square(y)\n}", go, StringComparison.Ordinal);
        // fib may recurse, so it carries its depth (Go's own stack overflow is fatal); norm cannot.
        Assert.Contains("func fib(depth int, n int) int {\n\trt.CheckDepth(depth, \"fib\")\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(depth+1, n-1) + fib(depth+1, n-2)\n}", go, StringComparison.Ordinal);
    }

    [Fact]
    public void Go_type_names_in_annotations_pass_through()
    {
        var go = Emit("(deffunc same (n) (:args int32) (:return int32) n)");
        Assert.Contains("func same(n int32) int32 {\n\treturn n\n}", go, StringComparison.Ordinal);
    }

    [Fact]
    public void Arithmetic_on_Go_number_types_is_Go_arithmetic_on_them_and_other_uses_widen()
    {
        var go = Emit("""
            (deffunc add32 (a b) (:args int32 int32) (:return int32) (+ a b))
            (deffunc poly (a b c) (:args int32 int32 int32) (:return int32) (+ (* a b) c))
            (deffunc less? (a b) (:args int16 int16) (:return bool) (< a b))
            (deffunc widened (a n) (:args int32 integer) (:return integer) (+ a n))
            (deffunc to32 (n) (:args integer) (:return int32) (* n 3))
            (deffunc count-down (n acc) (:args int32 int32) (:return int32) (if (= n 0) acc (recur (dec n) (+ acc n))))
            (deffunc shown (a) (:args uint8) (:return string) (str a))
            """);
        Assert.Contains("func add32(a int32, b int32) int32 {\n\treturn a + b\n}", go, StringComparison.Ordinal);
        Assert.Contains("func poly(a int32, b int32, c int32) int32 {\n\treturn a*b + c\n}", go, StringComparison.Ordinal);
        Assert.Contains("func lessP(a int16, b int16) bool {\n\treturn a < b\n}", go, StringComparison.Ordinal);
        Assert.Contains("func widened(a int32, n int) int {\n\treturn int(a) + n\n}", go, StringComparison.Ordinal);
        Assert.Contains("func to32(n int) int32 {\n\treturn int32(n * 3)\n}", go, StringComparison.Ordinal);
        Assert.Contains("\t\tif n == 0 {\n\t\t\treturn acc\n\t\t}\n\t\tn, acc = n-1, acc+n\n", go, StringComparison.Ordinal);
        Assert.Contains("rt.StrN(int(a))", go, StringComparison.Ordinal);
    }

    [Fact]
    public void Go_composite_types_are_written_unquoted_as_in_Go()
    {
        var go = Emit("""
            (deffunc joined (xs) (:args []string) (:return string) (apply str xs))
            (deffunc counts (m) (:args map[string]int) (:return []string) (vec (keys m)))
            (deffunc quoted (xs) (:args "[]string") (:return integer) (count xs))
            """);
        Assert.Contains("func joined(xs []string) string {", go, StringComparison.Ordinal);
        Assert.Contains("func counts(m map[string]int) []string {", go, StringComparison.Ordinal);
        Assert.Contains("func quoted(xs []string) int {", go, StringComparison.Ordinal);
        // Dynamic code sees the slice and the map as a vector and a map.
        Assert.Contains("rt.Apply(rt.Builtin(\"str\"), rt.FromGo(xs))", go, StringComparison.Ordinal);
        Assert.Contains("rt.Keys(rt.FromGo(m))", go, StringComparison.Ordinal);
    }

    [Fact]
    public void Loop_and_recur_become_a_Go_for_loop_with_parallel_assignment()
    {
        var go = Emit("(defn sum-to [n] (loop [i 0 acc 0] (if (> i n) acc (recur (inc i) (+ acc i)))))");
        // The loop's locals hold plain ints: every value stored in them is one.
        Assert.Contains("\tvar i int\n", go, StringComparison.Ordinal);
        Assert.Contains("for {", go, StringComparison.Ordinal);
        Assert.Contains("i, acc = i+1, acc+i\n", go, StringComparison.Ordinal);
    }

    [Fact]
    public void Self_tail_calls_loop_instead_of_growing_the_stack()
    {
        var go = Emit("(defn count-down [n] (if (zero? n) :done (count-down (dec n))))");
        Assert.Contains("for {", go, StringComparison.Ordinal);
        Assert.DoesNotContain("TailCall", go, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_use_temporaries_fold_back_into_the_expression_that_uses_them()
    {
        var go = Emit("(defn f [a] (println (+ (inc a) 1) (str a)))");
        Assert.Contains("rt.Println(rt.AddInt(rt.Inc1(a), 1), rt.StrN(a))", go, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_prelude_definitions_a_program_reaches_are_compiled_in()
    {
        var go = Emit("(println (frequencies [1 1 2]))");
        Assert.Contains("func frequencies(", go, StringComparison.Ordinal);
        Assert.DoesNotContain("func partitionBy(", go, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_that_needs_the_compiler_at_run_time_is_a_compile_time_error_naming_the_target()
    {
        var result = GoCompiler.CompileSource("(println (eval '(+ 1 2)))", "test.zl");
        Assert.False(result.Success);
        var error = Assert.Single(result.FrontEndDiagnostics, d => d.IsError);
        Assert.Equal("ZL4001", error.Id);
        Assert.Contains("go", error.Args.Select(a => a?.ToString()));
        Assert.Equal(1, error.Span!.Line);
    }

    [Fact]
    public void A_Go_package_that_does_not_exist_is_reported_at_the_Zylisp_call()
    {
        var result = GoCompiler.CompileSource("\n(nosuch.Thing 1)", "test.zl");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(GoDiagnostics.UnknownGoPackageId, error.Id);
        Assert.Equal(2, error.Span!.Line);
    }

    [Fact]
    public void Go_interop_imports_the_package_it_calls()
    {
        var go = Emit("(fmt.Println \"x\") (strings.ToUpper \"y\") (import \"math/rand\") (rand.Intn 3)");
        Assert.Contains("\"fmt\"", go, StringComparison.Ordinal);
        Assert.Contains("\"strings\"", go, StringComparison.Ordinal);
        Assert.Contains("\"math/rand\"", go, StringComparison.Ordinal);
        Assert.Contains("rt.GoCall(\"strings.ToUpper\", \"test.zl:1:19\", strings.ToUpper, \"y\")", go, StringComparison.Ordinal);
    }

    [Fact]
    public void The_zast_form_turns_back_into_the_same_Go_byte_for_byte()
    {
        var result = GoCompiler.CompileSource("(defn -main [& args] (println \"hi\" (map inc [1 2 3])) 3)", "test.zl");
        var back = Zylisp.Zast.ZastTool.ToGo(result.MainZast, "main.zast");
        Assert.True(back.Success, string.Join("\n", back.Diagnostics));
        Assert.Equal(result.MainGo, back.Output);
    }

    /// <summary>Issue 13 on Go: a defrecord with typed fields is a Go struct that typed code uses directly.</summary>
    [Fact]
    public void A_record_with_typed_fields_is_a_Go_struct_whose_fields_typed_code_reads_directly()
    {
        var go = Emit("""
            (defrecord Point [x y] (:fields integer integer))
            (defrecord Labelled [first-name at] (:fields string Point))
            (deffunc norm2 (p) (:args Point) (:return integer) (+ (* (:x p) (:x p)) (* (:y p) (:y p))))
            (deffunc shift (p d) (:args Point integer) (:return Point) (->Point (+ (:x p) d) (:y p)))
            (defn -main [] (println (norm2 (shift (->Point 3 4) 1)) (->Labelled "a" (->Point 1 2))))
            """);

        Assert.Contains("type Point struct {\n\tX int\n\tY int\n}\n", go, StringComparison.Ordinal);
        Assert.Contains("type Labelled struct {\n\tFirstName string\n\tAt        Point\n}\n", go, StringComparison.Ordinal);
        Assert.Contains("func norm2(p Point) int {\n\treturn p.X*p.X + p.Y*p.Y\n}\n", go, StringComparison.Ordinal);
        Assert.Contains("func shift(p Point, d int) Point {\n\treturn newPoint(p.X+d, p.Y)\n}\n", go, StringComparison.Ordinal);
        Assert.Contains("func newPoint(x int, y int) Point {\n\treturn Point{X: x, Y: y}\n}\n", go, StringComparison.Ordinal);
        Assert.Contains("func (r Point) Record() *rt.Record {", go, StringComparison.Ordinal);
    }

    [Fact]
    public void An_annotation_naming_a_record_without_typed_fields_stays_dynamic()
    {
        var go = Emit("""
            (defrecord Plain [a b])
            (deffunc first-of (p) (:args Plain) (:return integer) 1)
            (defn -main [] (println (first-of (->Plain 1 2))))
            """);

        Assert.Contains("func firstOf(p rt.Value) int {", go, StringComparison.Ordinal);
    }
}
