namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// with-out-str natively (Library/85-capture.zl, Emit/RuntimeCapture.cs): standard output goes to
/// the innermost capture's buffer, nested captures stack, and the outer destination comes back
/// however the body ends. Expected outputs are the interpreter's.
/// </summary>
public sealed class CaptureTests
{
    [NativeFact]
    public void Nested_captures_each_get_only_the_text_printed_outside_their_inner_ones()
    {
        var outcome = NativeRunner.CompileAndRun("""
            (defn -main []
              (print "before ")
              (let [r (with-out-str
                        (print "a")
                        (let [i (with-out-str (print "b") (with-out-str (print "c")) (println "B"))]
                          (pr i))
                        (print "d"))]
                (prn r)
                (println "after")))
            """);
        Assert.Equal("before \"a\\\"bB\\\\n\\\"d\"\nafter\n", outcome.Stdout);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(0, outcome.ExitCode);
    }

    [NativeFact]
    public void A_throw_out_of_a_capture_restores_the_outer_capture_and_drops_what_the_body_printed()
    {
        var outcome = NativeRunner.CompileAndRun("""
            (defn inner [] (print "inner lost") (throw (ex-info "inner" {:k 1})))
            (defn -main []
              (prn (with-out-str
                     (print "x")
                     (try (with-out-str (inner)) (catch e (print (str "[" (ex-message e) (ex-data e) "]"))))
                     (print "y")))
              (println (try (with-out-str (println "lost") (throw (ex-info "boom" {})))
                            (catch e (str "caught " (ex-message e)))))
              (println "on stdout"))
            """);
        Assert.Equal("\"x[inner{:k 1}]y\"\ncaught boom\non stdout\n", outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }

    [NativeFact]
    public void An_uncaught_throw_inside_a_capture_prints_nothing_the_body_printed()
    {
        var outcome = NativeRunner.CompileAndRun("""
            (defn -main []
              (print "kept ")
              (with-out-str (print "lost") (println "also lost") (throw (ex-info "boom" {}))))
            """);
        Assert.Equal("kept ", outcome.Stdout);
        Assert.Contains("uncaught exception: boom", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, outcome.ExitCode);
    }

    [NativeFact]
    public void Standard_error_is_not_captured()
    {
        var outcome = NativeRunner.CompileAndRun("""
            (defn -main [] (prn (with-out-str (%eprintln "to stderr") (print "out"))))
            """);
        Assert.Equal("\"out\"\n", outcome.Stdout);
        Assert.Equal("to stderr\n", outcome.Stderr);
    }

    /// <summary>
    /// A collection on every allocation: a buffer the collector did not reach through the capture
    /// cell (or a grown string it did not reach through the buffer) would be reused and corrupted.
    /// Each capture grows its 64 bytes several times while the allocations go on.
    /// </summary>
    [NativeFact]
    public void Captures_in_a_loop_survive_a_collection_on_every_allocation()
    {
        var outcome = NativeRunner.RunExecutable(NativeCompiler.BuildExecutable(NativeRunner.Collect("""
            (defn captured [i] (with-out-str (print "n" i) (dotimes [k 40] (print [k :x])) (println)))
            (defn expected [i] (str "n " i (apply str (map (fn [k] (str "[" k " :x]")) (range 40))) "\n"))
            (defn -main []
              (loop [i 0 bad 0]
                (if (< i 300)
                  (recur (inc i) (if (= (captured i) (expected i)) bad (inc bad)))
                  (println "bad" bad (count (captured 7))))))
            """), new NativeOptions(GcStressInterval: 1)));
        Assert.Equal("", outcome.Stderr);
        Assert.Equal("bad 0 274\n", outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }

    [NativeFact]
    public void A_capture_runs_in_process() =>
        Assert.Equal(
            9,
            NativeCompiler.RunInProcess(NativeRunner.Collect("(count (with-out-str (print \"abc\") (prn [1 2])))", exit: ExitRule.LastValue), []));

    [Fact]
    public void Only_a_program_that_captures_has_the_capture_test_in_write()
    {
        var hello = NativeCompiler.Disassemble(NativeRunner.Collect("(println \"hi\")", exit: ExitRule.LastValue));
        var capturing = NativeCompiler.Disassemble(NativeRunner.Collect("(println (with-out-str (print 1)))", exit: ExitRule.LastValue));
        Assert.DoesNotContain("rt:%capture-append", hello, StringComparison.Ordinal);
        Assert.Contains("\nrt:%capture-append:\n", capturing, StringComparison.Ordinal);
    }
}
