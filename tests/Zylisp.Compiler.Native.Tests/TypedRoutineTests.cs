namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Typed runtime routines (Emit/TypedRoutines.cs) and the typed code generation they rely on:
/// constant divisors, tail jumps, the stack guard of recursive routines.
/// </summary>
public sealed class TypedRoutineTests
{
    [NativeFact]
    public void Division_by_a_constant_keeps_the_interpreters_rules()
    {
        const string Program =
            "(deffunc q7 (n) (:args integer) (:return integer) (quot n -7))\n" +
            "(deffunc r10 (n) (:args integer) (:return integer) (rem n 10))\n" +
            "(deffunc m3 (n) (:args integer) (:return integer) (mod n 3))\n" +
            "(deffunc mneg (n) (:args integer) (:return integer) (mod n -4))\n" +
            "(doseq [n [0 1 -1 7 -7 22 -22 9223372036854775807 -9223372036854775808]] (println n (q7 n) (r10 n) (m3 n) (mneg n)))\n";
        Assert.Equal(NativeLibraryTests.Interpreted(Program), NativeRunner.CompileAndRun(Program, "test.zl", ExitRule.LastValue).Stdout);
    }

    [NativeFact]
    public void Only_recursive_routines_carry_the_stack_guard()
    {
        var listing = NativeCompiler.Disassemble(NativeRunner.Collect("(defn -main [] (prn [1 \"a\"]))"));
        Assert.Contains("jl", Routine(listing, "%render"), StringComparison.Ordinal);
        Assert.DoesNotContain("r15+10h", Routine(listing, "%forget-starts!"), StringComparison.Ordinal);
    }

    [NativeFact]
    public void Printing_at_the_edge_of_the_stack_still_reports_the_overflow()
    {
        // Each handler prints at the bottom of the stack; the printer's own guard throws until a
        // handler high enough has room, and the error is reported each time without recursing.
        const string Program =
            "(def nested (reduce (fn [acc _] [acc]) nil (range 2000)))\n" +
            "(defn probe [n] (try (probe (inc n)) (catch e (count (pr-str nested)))))\n" +
            "(println (probe 0))\n";
        var outcome = NativeRunner.CompileAndRun(Program, "test.zl", ExitRule.LastValue);
        Assert.Equal("4003\n", outcome.Stdout);
    }

    [NativeFact]
    public void Routines_call_each_other_without_checking_for_a_def()
    {
        // A routine's def never runs (it is no global), so a check against its global cell could
        // only cost time: the sweep calls %close-run! (called twice, so not inlined) directly.
        var listing = NativeCompiler.Disassemble(NativeRunner.Collect("(defn -main [] (println [1]))"));
        var sweep = Routine(listing, "%sweep");
        Assert.Contains("call    rt:%close-run!", sweep, StringComparison.Ordinal);
        Assert.DoesNotContain(",1Bh", sweep, StringComparison.Ordinal);
    }

    [NativeFact]
    public void A_recur_moves_only_the_loop_variables_it_changes()
    {
        // The sweep's loop carries six variables and usually changes one: that one is stored
        // directly, and the others are not pushed and popped.
        const string Program =
            "(deffunc spin (n) (:args integer) (:return integer)\n" +
            "  (loop [i 0 a 5 b 6] (if (< i n) (recur (+ i 1) a b) (+ i (+ a b)))))\n" +
            "(deffunc swap (n) (:args integer) (:return integer)\n" +
            "  (loop [i 0 a 5 b 6] (if (< i n) (recur (+ i 1) b a) (+ (* i 100) (+ (* a 10) b)))))\n" +
            "(println (spin 7) (swap 3))\n";
        var listing = NativeCompiler.Disassemble(NativeRunner.Collect(Program, "test.zl", ExitRule.LastValue));
        Assert.DoesNotContain("push    rcx", TypedBody(listing, "spin"), StringComparison.Ordinal);
        Assert.Contains("push    rcx", TypedBody(listing, "swap"), StringComparison.Ordinal);
        Assert.Equal(NativeLibraryTests.Interpreted(Program), NativeRunner.CompileAndRun(Program, "test.zl", ExitRule.LastValue).Stdout);
    }

    [NativeFact]
    public void The_allocators_routines_use_only_the_registers_alloc_saves()
    {
        // alloc (Emit/RuntimeMemory.cs) keeps every register but rax for its callers, and saves
        // only the System V scratch registers around %take-block (rbx and r12 are its own, and
        // typed code never touches them): a callee-saved register, a system call or a float (xmm)
        // would clobber a caller's register.
        var listing = NativeCompiler.Disassemble(NativeRunner.Collect("(defn -main [] (println [1]))"));
        foreach (var routine in new[] { "%take-block", "%take-hole", "%take-first-fit", "%cut-block!", "%use-block!", "%note-start!" }
            .Where(routine => listing.Contains($"rt:{routine}:", StringComparison.Ordinal)))
        {
            var code = Routine(listing, routine);
            foreach (var register in new[] { "r12", "r13", "rbx", "xmm", "syscall" })
            {
                Assert.DoesNotContain(register, code, StringComparison.Ordinal);
            }
        }
    }

    private const string InlinedSet =
        "(deffunc inl-sq (x) (:args integer) (:return integer) (* x x))\n" +
        "(deffunc inl-pick (a b c) (:args integer integer integer) (:return integer) (if (< a b) (- c a) (+ (* 2 c) b)))\n" +
        "(deffunc inl-sum-to (n) (:args integer) (:return integer) (loop [i 0 acc 0] (if (> i n) acc (recur (inc i) (+ acc i)))))\n" +
        "(deffunc inl-gcd (a b) (:args integer integer) (:return integer) (if (= b 0) a (recur b (rem a b))))\n" +
        "(deffunc inl-mix (a b c) (:args integer integer integer) (:return integer) (- (* a 7) (+ (* b 3) c)))\n" +
        // A tail call with its operands rotated: the callee may reuse the caller's registers.
        "(deffunc inl-rotate (x y z) (:args integer integer integer) (:return integer) (if (< x 3) (inl-mix z x y) (inl-mix y z x)))\n" +
        "(deffunc inl-run (n) (:args integer) (:return integer)\n" +
        "  (loop [i 0 acc 0]\n" +
        "    (if (< i n)\n" +
        "      (recur (inc i) (+ acc (+ (inl-sq i) (+ (inl-pick i 9 acc) (inl-rotate i acc n)))))\n" +
        "      (+ acc (+ (inl-sum-to n) (inl-gcd (* n 12) 18))))))\n" +
        "(prn (inl-run 10) (inl-run 0) (inl-run 25) (inl-rotate 1 2 3) (inl-rotate 5 6 7))\n";

    [NativeFact]
    public void Small_library_functions_are_inlined_and_give_what_their_calls_give()
    {
        // Library code (the runtime library's file) inlines small typed functions; a program's own
        // are called. Both print what the interpreter prints.
        var library = NativeRunner.Collect(InlinedSet, NativeLibrary.FileName, ExitRule.LastValue);
        var program = NativeRunner.Collect(InlinedSet, "test.zl", ExitRule.LastValue);
        var expected = NativeLibraryTests.Interpreted(InlinedSet);
        Assert.Equal(expected, NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(library)).Stdout);
        Assert.Equal(expected, NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(program)).Stdout);
        var inlined = TypedBody(NativeCompiler.Disassemble(library), "inl-run");
        Assert.DoesNotContain("call", inlined, StringComparison.Ordinal);
        // With nothing left to call, its busiest locals are in registers.
        Assert.Contains("r11", inlined, StringComparison.Ordinal);
        Assert.Contains("call    inl-sq$typed", TypedBody(NativeCompiler.Disassemble(program), "inl-run"), StringComparison.Ordinal);
    }

    private static string TypedBody(string listing, string name)
    {
        var start = listing.IndexOf($"{name}$typed:", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no typed body {name}");
        var end = listing.IndexOf(":\n", listing.IndexOf('\n', start), StringComparison.Ordinal);
        return listing[start..(end < 0 ? listing.Length : end)];
    }

    private static string Routine(string listing, string name)
    {
        var start = listing.IndexOf($"rt:{name}:", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no routine {name}");
        var end = listing.IndexOf("\nrt:", start + 1, StringComparison.Ordinal);
        return listing[start..(end < 0 ? listing.Length : end)];
    }
}
