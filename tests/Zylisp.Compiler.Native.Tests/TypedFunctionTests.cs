using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>Typed deffuncs run unboxed (raw int64/double bodies behind a checking boxed entry) with the interpreter's results and errors.</summary>
public sealed class TypedFunctionTests
{
    private const string Fib = "(deffunc fib (n) (:args integer) (:return integer) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))";

    [NativeFact]
    public void A_typed_function_gets_a_raw_body_and_an_untyped_one_does_not()
    {
        var listing = NativeCompiler.Disassemble(NativeRunner.Collect(
            Fib + "(defn slow [n] (if (< n 2) n (+ (slow (- n 1)) (slow (- n 2)))))" +
            "(deffunc greet (s) (:args string) (:return string) (str \"hi \" s))" +
            "(defn -main [] (println (fib 20) (slow 20) (greet \"x\")))"));
        Assert.Contains("fib$typed:", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("slow$typed", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("greet$typed", listing, StringComparison.Ordinal);
        // The raw body calls itself directly and never boxes.
        var body = Section(listing, "fib$typed:");
        Assert.Contains("call    fib$typed", body, StringComparison.Ordinal);
        Assert.DoesNotContain("call    rt:", body, StringComparison.Ordinal);
    }

    [NativeFact]
    public void Typed_functions_call_each_other_directly_unless_the_global_can_change()
    {
        var listing = NativeCompiler.Disassemble(NativeRunner.Collect(
            "(deffunc sq (x) (:args integer) (:return integer) (* x x))" +
            "(deffunc sum-sq (a b) (:args integer integer) (:return integer) (+ (sq a) (sq b)))" +
            "(deffunc twice (x) (:args integer) (:return integer) (* 2 x))" +
            "(deffunc twice (x) (:args integer) (:return integer) (* 3 x))" +
            "(deffunc uses-twice (x) (:args integer) (:return integer) (+ 1 (twice x)))" +
            "(defn -main [] (println (sum-sq 3 4) (uses-twice 1)))"));
        Assert.Contains("call    sq$typed", Section(listing, "sum-sq$typed:"), StringComparison.Ordinal);
        // twice is defined twice, so a call through its global must stay a call of whatever it holds.
        Assert.DoesNotContain("uses-twice$typed", listing, StringComparison.Ordinal);
        Assert.Equal("25 4\n", NativeRunner.CompileAndRun(
            "(deffunc sq (x) (:args integer) (:return integer) (* x x))" +
            "(deffunc sum-sq (a b) (:args integer integer) (:return integer) (+ (sq a) (sq b)))" +
            "(deffunc twice (x) (:args integer) (:return integer) (* 2 x))" +
            "(deffunc twice (x) (:args integer) (:return integer) (* 3 x))" +
            "(deffunc uses-twice (x) (:args integer) (:return integer) (+ 1 (twice x)))" +
            "(defn -main [] (println (sum-sq 3 4) (uses-twice 1)))").Stdout);
    }

    [NativeFact]
    public void A_direct_call_before_the_callees_def_has_run_is_the_undefined_symbol_error()
    {
        const string Program =
            "(deffunc early (n) (:args integer) (:return integer) (+ 1 (later n)))" +
            "(println (try (early 1) (catch e (get e :message))))" +
            "(deffunc later (n) (:args integer) (:return integer) (* n 10))" +
            "(println (early 1))";
        Assert.Contains("call    later$typed", Section(NativeCompiler.Disassemble(NativeRunner.Collect(Program)), "early$typed:"), StringComparison.Ordinal);
        Assert.Equal(NativeLibraryTests.Interpreted(Program), NativeRunner.CompileAndRun(Program).Stdout);
    }

    /// <summary>
    /// A set of recursive typed functions exercising the code shapes of raw bodies: temporaries
    /// passed from rax to the next statement without a frame slot (call arguments, either operand
    /// of + - * and integer comparisons), temporaries that must keep their slot (live across a
    /// call, the second operand of a float comparison, the third of a fold), self tail calls and
    /// recur that reload the argument registers (swapping them), mutual recursion, floats, wrapping.
    /// </summary>
    private const string RecursiveSet =
        Fib +
        "(deffunc tri (n acc) (:args integer integer) (:return integer) (if (<= n 0) acc (tri (- n 1) (+ acc n))))" +
        "(deffunc gcd (a b) (:args integer integer) (:return integer) (if (== b 0) a (gcd b (rem a b))))" +
        "(deffunc gcd2 (a b) (:args integer integer) (:return integer) (if (== b 0) a (recur b (mod a b))))" +
        "(deffunc swaps (a b n) (:args integer integer integer) (:return integer) (if (== n 0) (- (* 10 a) b) (recur b a (dec n))))" +
        "(deffunc ack (m n) (:args integer integer) (:return integer)" +
        "  (if (== m 0) (+ n 1) (if (== n 0) (ack (- m 1) 1) (ack (- m 1) (ack m (- n 1))))))" +
        "(deffunc sum3 (a b c) (:args integer integer integer) (:return integer) (+ a b (fib c)))" +
        "(deffunc sum3b (a b c) (:args integer integer integer) (:return integer) (+ a (* b 2) (fib c) (fib (- c 1))))" +
        "(deffunc last-arg (a b) (:args integer integer) (:return integer) (if (< b a) (- a (fib b)) (* b (fib a))))" +
        "(deffunc wrap (n) (:args integer) (:return integer) (+ (* n 4611686018427387903) (fib (- n 1))))" +
        "(deffunc is-even (n) (:args integer) (:return bool) (if (== n 0) true (is-odd (- n 1))))" +
        "(deffunc is-odd (n) (:args integer) (:return bool) (if (== n 0) false (is-even (- n 1))))" +
        "(deffunc hyp (x y) (:args float float) (:return float) (if (< y (* x x)) (+ x (hyp (/ x 2.0) y)) y))" +
        "(deffunc half (n) (:args integer) (:return float) (* 0.5 n))" +
        "(deffunc fsteps (x n) (:args float integer) (:return integer) (if (< (* x 1.0) (+ 1.0 (half n))) n (fsteps (- x 1.0) (+ n 1))))" +
        "(deffunc nested (n) (:args integer) (:return integer)" +
        "  (let [a (fib n) b (+ a (fib (- n 1)))] (if (> b a) (- b (quot a (+ 1 (fib 3)))) (mod a 7))))" +
        "(deffunc down (n) (:args integer) (:return integer) (if (== n 0) 0 (+ 1 (down (- n 1)))))";

    [NativeFact]
    public void A_recursive_typed_function_set_prints_what_the_interpreter_prints()
    {
        const string Program = RecursiveSet +
            "(defn -main []" +
            "  (println (fib 25) (tri 3000 0) (gcd 1071 462) (gcd2 -1071 462) (swaps 3 4 7) (swaps 3 4 8) (ack 2 3))" +
            "  (println (sum3 1 2 20) (sum3b 1 2 20) (last-arg 5 9) (last-arg 9 5) (wrap 3) (wrap -7) (is-even 1001) (is-odd 777))" +
            "  (println (hyp 1000.0 0.5) (fsteps 10.0 0) (nested 20) (nested 1) (down 5000))" +
            "  (println (try (down 100000000) (catch :stack-overflow e (subs (get e :message) 0 16)))))";
        var expected = NativeLibraryTests.Interpreted(Program);
        Assert.Contains("stack overflow i", expected, StringComparison.Ordinal);
        Assert.Equal(expected, NativeRunner.CompileAndRun(Program).Stdout);
        Assert.Equal(0, NativeCompiler.RunInProcess(NativeRunner.Collect(Program), []));
    }

    [NativeFact]
    public void Self_tail_calls_and_recur_in_typed_code_run_in_constant_stack()
    {
        // Deeper than any stack: each iteration is a jump back with the arguments in their registers
        // (an odd number of swaps leaves a and b swapped: 10 * 4 - 3).
        const string Program = RecursiveSet +
            "(defn -main [] (println (tri 30000000 0) (swaps 3 4 30000001) (gcd2 1836311903 1134903170)))";
        const long N = 30000000;
        Assert.Equal($"{N * (N + 1) / 2} 37 1\n", NativeRunner.CompileAndRun(Program).Stdout);
    }

    private const string Leaves =
        // Six parameters: rdx and rcx carry the third and fourth but are scratch, so those two move.
        "(deffunc mix6 (a b c d e f) (:args integer integer integer integer integer integer) (:return integer)\n" +
        "  (loop [i 0 x a y b] (if (< i f) (recur (+ i 1) (+ (* x c) d) (- y (* x e))) (+ (* x 1000) y))))\n" +
        // A self tail call that swaps its parameters: a parallel assignment among register homes.
        "(deffunc swap-down (a b n) (:args integer integer integer) (:return integer)\n" +
        "  (if (= n 0) (- (* a 10) b) (swap-down b a (- n 1))))\n" +
        // More stored locals than registers: the rest keep frame slots.
        "(deffunc many (n) (:args integer) (:return integer)\n" +
        "  (let [a (+ n 1) b (* a 2) c (- b 3) d (* c c) e (+ d a) f (- e b) g (+ f c) h (* g 2)]\n" +
        "    (+ a (+ b (+ c (+ d (+ e (+ f (+ g h)))))))))\n" +
        // Each branch has more locals than a leaf has registers for both: they share them.
        "(deffunc branches (n) (:args integer) (:return integer)\n" +
        "  (if (< n 0)\n" +
        "    (let [a (- n 1) b (* a 3) c (- b n) d (* c a)] (+ a (+ b (+ c (* d 2)))))\n" +
        "    (let [e (+ n 2) f (* e e) g (- f n) h (+ g e)] (- (* e 5) (+ f (+ g (* h 3)))))))\n" +
        "(println (mix6 3 -4 5 7 2 9) (swap-down 3 4 7) (swap-down 3 4 8) (many 5) (many -9) (branches -4) (branches 6))\n";

    [NativeFact]
    public void A_leaf_keeps_its_locals_in_registers_with_the_interpreters_results()
    {
        Assert.Equal(NativeLibraryTests.Interpreted(Leaves), NativeRunner.CompileAndRun(Leaves, "test.zl", ExitRule.LastValue).Stdout);
        var listing = NativeCompiler.Disassemble(NativeRunner.Collect(Leaves, "test.zl", ExitRule.LastValue));
        // A leaf whose locals all fit in registers has no frame; one with more keeps one for the rest.
        Assert.DoesNotContain("rbp", Section(listing, "swap-down$typed:"), StringComparison.Ordinal);
        Assert.DoesNotContain("rbp", Section(listing, "branches$typed:"), StringComparison.Ordinal);
        Assert.Contains("push    rbp", Section(listing, "many$typed:"), StringComparison.Ordinal);
        Assert.Contains("r11", Section(listing, "many$typed:"), StringComparison.Ordinal);
        // fib calls itself: its locals stay in its frame (a callee would clobber caller-saved registers).
        Assert.DoesNotContain("r10", Section(NativeCompiler.Disassemble(NativeRunner.Collect(Fib + "(defn -main [] (println (fib 20)))")), "fib$typed:"), StringComparison.Ordinal);
    }

    [NativeFact]
    public void Typed_fib_keeps_only_values_that_live_across_a_call_in_its_frame()
    {
        var body = Section(NativeCompiler.Disassemble(NativeRunner.Collect(Fib + "(defn -main [] (println (fib 20)))")), "fib$typed:");
        // n (read after the first call) and fib(n-1) (read after the second); n-1, n-2 and
        // fib(n-2) go from rax to their one reader.
        Assert.Equal(2, CountOf(body, "mov     [rbp-"));
        // The frame goes with add rsp/pop rbp: `leave` measured slower (docs/benchmarks.md).
        Assert.DoesNotContain("leave", body, StringComparison.Ordinal);
        // (< n 2) compares the argument as it arrived, not through the frame.
        Assert.Contains("mov     rax,rdi\n    cmp     rax,2", body, StringComparison.Ordinal);
    }

    [NativeFact]
    public void The_programs_typed_bodies_start_on_64_byte_boundaries_at_any_base_address()
    {
        var compiled = Emit.ProgramCompiler.Compile(NativeRunner.Collect(RecursiveSet + "(defn -main [] (println (fib 20) (ack 2 3) (down 9)))"), NativeOptions.Default);
        var typedNames = compiled.LabelNames.Where(n => n.Name.EndsWith("$typed", StringComparison.Ordinal) && !n.Name.StartsWith('%')).ToList();
        Assert.True(typedNames.Count >= 15);
        // The ELF writer's code base (after the headers) and an odd one.
        foreach (var baseAddress in new ulong[] { 0x4000E8, 0x10000003 })
        {
            var (_, labels, _) = compiled.Assemble(baseAddress);
            foreach (var (name, label) in typedNames)
            {
                Assert.True(labels.Address(label) % Emit.EntryAlignment.Boundary == 0, $"{name} at {labels.Address(label):x}");
            }
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [NativeFact]
    public void Dynamic_callers_get_the_interpreters_annotation_errors()
    {
        const string Program =
            "(deffunc add (a b) (:args integer integer) (:return integer) (+ a b))" +
            "(deffunc half (x) (:args float) (:return float) (/ x 2))" +
            "(deffunc flip (b) (:args bool) (:return bool) (not b))" +
            "(defn msg [f] (try (f) (catch e (println (get e :type) (get e :message)))))" +
            "(msg (fn [] (add 1 \"2\"))) (msg (fn [] (add nil 2))) (msg (fn [] (add 1.5 2))) (msg (fn [] (half 1)))" +
            "(msg (fn [] (flip 0))) (msg (fn [] (add 1))) (println (add 4611686018427387903 1) (half 1.0) (flip false))";
        Assert.Equal(NativeLibraryTests.Interpreted(Program), NativeRunner.CompileAndRun(Program).Stdout);
    }

    [NativeFact]
    public void Deep_typed_recursion_is_the_stack_overflow_error_in_an_executable_and_in_process()
    {
        const string Program =
            "(deffunc deep (n) (:args integer) (:return integer) (+ 1 (deep (inc n))))" +
            "(defn -main [] (println (try (deep 0) (catch :stack-overflow e :overflowed))) (deep 0))";
        var outcome = NativeRunner.CompileAndRun(Program);
        Assert.Equal(":overflowed\n", outcome.Stdout);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("stack overflow in `deep`", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, NativeCompiler.RunInProcess(NativeRunner.Collect(Program), []));
    }

    [NativeFact]
    public void Typed_results_that_allocate_survive_a_collection_on_every_allocation()
    {
        // Results beyond 63 bits are boxed on the way out, so each call allocates.
        const string Program =
            "(deffunc big (x) (:args integer) (:return integer) (* x 4611686018427387903))" +
            "(deffunc scale (x) (:args float) (:return float) (* x 1.5))" +
            "(defn -main [] (println (reduce + (map big (range 200))) (reduce + (map scale (map double (range 200))))))";
        var expected = NativeLibraryTests.Interpreted(Program);
        var image = NativeCompiler.BuildExecutable(NativeRunner.Collect(Program), new NativeOptions(GcStressInterval: 1));
        Assert.Equal(expected, NativeRunner.RunExecutable(image).Stdout);
    }

    /// <summary>
    /// Random int64 and double operands through every raw operation of a typed function print
    /// what the interpreter prints (int64 wrap, quot/rem/mod signs, contagion, NaN comparisons).
    /// </summary>
    [NativeFact]
    public void Raw_arithmetic_matches_the_interpreter_for_random_operands()
    {
        const string Functions =
            "(deffunc ints (a b) (:args integer integer) (:return integer) (- (+ (* a b) (- a b) a) (if (= b 0) 0 (+ (quot a b) (rem a b) (mod a b) (/ a b)))))" +
            "(deffunc cmps (a b) (:args integer integer) (:return integer) (+ (if (< a b) 1 0) (if (<= a b) 2 0) (if (> a b) 4 0) (if (>= a b) 8 0) (if (== a b) 16 0) (if (= a b) 32 0)))" +
            "(deffunc floats (x y) (:args float float) (:return float) (+ (* x y) (- x y) (/ x y) (- x) (inc y)))" +
            "(deffunc fcmps (x y) (:args float float) (:return integer) (+ (if (< x y) 1 0) (if (<= x y) 2 0) (if (> x y) 4 0) (if (>= x y) 8 0) (if (== x y) 16 0)))" +
            "(deffunc mixed (n x) (:args integer float) (:return float) (+ (* n x) (- n x) (/ n x)))";
        var edges = Gen.Elements(0L, 1L, -1L, 2L, long.MaxValue, long.MinValue, (1L << 62) - 1, -(1L << 62), 3037000500L);
        var integer = Gen.OneOf(ArbMap.Default.GeneratorFor<long>(), edges, Gen.Choose(-50, 50).Select(i => (long)i));
        var real = Gen.OneOf(Gen.Elements(0.0, -0.0, 1.0, -2.5, 1e300, -1e-300, double.NaN, double.PositiveInfinity), Gen.Choose(-1000, 1000).Select(i => i / 8.0));
        var cases = Gen.Zip(Gen.Zip(integer, integer), Gen.Zip(real, real)).ArrayOf(25);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(4), Prop.ForAll(cases.ToArbitrary(), batch =>
        {
            var calls = new StringBuilder();
            foreach (var ((a, b), (x, y)) in batch)
            {
                calls.Append(CultureInfo.InvariantCulture, $"(println (ints {a} {b}) (cmps {a} {b}) (floats {Real(x)} {Real(y)}) (fcmps {Real(x)} {Real(y)}) (mixed {a} {Real(y)}))\n");
            }

            var program = Functions + calls;
            var native = NativeRunner.CompileAndRun(program, "test.zl", ExitRule.LastValue).Stdout;
            var expected = NativeLibraryTests.Interpreted(program);
            return native == expected ? true : throw new InvalidOperationException($"native printed\n{native}\ninterpreter\n{expected}\nfor\n{program}");
        }));
    }

    /// <summary>A Zylisp float literal for a double (NaN and the infinities are computed: the reader has no literal for them).</summary>
    private static string Real(double x) => x switch
    {
        double.NaN => "(/ 0.0 0.0)",
        double.PositiveInfinity => "(/ 1.0 0.0)",
        _ => x.ToString("R", CultureInfo.InvariantCulture) is var s && (s.Contains('.') || s.Contains('E')) ? s.Replace("E", "e", StringComparison.Ordinal) : s + ".0",
    };

    /// <summary>The listing of one label up to the blank line that ends its code.</summary>
    private static string Section(string listing, string label)
    {
        var start = listing.IndexOf(label, StringComparison.Ordinal);
        Assert.True(start >= 0, label + " not in the listing");
        var end = listing.IndexOf("\n\n", start, StringComparison.Ordinal);
        return listing[start..(end < 0 ? listing.Length : end)];
    }
}
