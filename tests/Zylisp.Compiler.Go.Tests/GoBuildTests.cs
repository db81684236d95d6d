using System.Diagnostics;

namespace Zylisp.Compiler.Go.Tests;

/// <summary>Builds real executables with go build and runs them.</summary>
public class GoBuildTests
{
    private static (string Stdout, int Exit) Run(string executable, params string[] args)
    {
        var (stdout, _, exit) = RunCapturing(executable, args);
        return (stdout, exit);
    }

    /// <summary>Builds <paramref name="source"/> as file <paramref name="name"/>.zl (the build must succeed) and runs it once.</summary>
    private static (string Stdout, string Stderr, int Exit) BuildAndRun(string source, string name)
    {
        var dir = Directory.CreateTempSubdirectory("zylisp-go-test").FullName;
        try
        {
            var outcome = GoBuilder.Build(source, name + ".zl", Path.Combine(dir, name));
            Assert.True(outcome.Success, string.Join("\n", outcome.Diagnostics));
            return RunCapturing(Path.Combine(dir, name));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (string Stdout, string Stderr, int Exit) RunCapturing(string executable, params string[] args)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (stdout, stderr.Result, p.ExitCode);
    }

    /// <summary>
    /// The line table (lines.go), filled by the printer as it prints main.go: a runtime error
    /// raised inside a primitive carries the Zylisp call's file:line:col, caught or uncaught.
    /// </summary>
    [GoFact]
    public void A_runtime_error_in_a_primitive_carries_the_zylisp_location_of_the_call()
    {
        var source = """
            (defn f [x]
              (+ x 1))
            (defn -main []
              (prn (try (f "a") (catch e [(:file e) (:line e) (:column e)])))
              (println "next")
              (f
                :k))
            """;
        var (stdout, stderr, exit) = BuildAndRun(source, "loc");

        Assert.Equal("[\"loc.zl\" 2 3]\nnext\n", stdout);
        Assert.Contains("loc.zl:2:3: error: `+` expects a number, got keyword :k [ZL5003]", stderr, StringComparison.Ordinal);
        Assert.Equal(1, exit);
    }

    /// <summary>A tail call through the trampoline is located too: an undefined callee used to be reported with no location at all.</summary>
    [GoFact]
    public void An_undefined_function_called_in_tail_position_is_located_at_the_call()
    {
        var (stdout, stderr, exit) = BuildAndRun("(defn -main [& args]\n  (println \"a\")\n  (undefined-fn 1))\n", "tail");

        Assert.Equal("a\n", stdout);
        Assert.StartsWith("tail.zl:3:3: error: undefined symbol `undefined-fn` [ZL5001]", stderr, StringComparison.Ordinal);
        Assert.Equal(1, exit);
    }

    /// <summary>
    /// An uncaught throw is reported as the interpreter reports it: at the throw (or, for a throw
    /// in the prelude, at the program's call), with the message first and the id last, and the
    /// data only when there is some.
    /// </summary>
    [GoFact]
    public void An_uncaught_throw_is_reported_at_the_throw_in_the_interpreter_s_words()
    {
        var dir = Directory.CreateTempSubdirectory("zylisp-go-test").FullName;
        var cases = new (string Source, string Expected)[]
        {
            ("(defn f [x]\n  (throw (ex-info \"boom\" {})))\n(f 1)\n", "thrown.zl:2:3: error: uncaught exception: boom [ZL5007]\n"),
            ("(println 1)\n(throw (ex-info \"bam\" {:a 1}))\n", "thrown.zl:2:1: error: uncaught exception: bam {:a 1} [ZL5007]\n"),
            ("(defn -main []\n  (throw :oops))\n", "thrown.zl:2:3: error: uncaught exception: :oops [ZL5007]\n"),
            ("(defprotocol P (m [x]))\n(def r (m 5))\n", "thrown.zl:2:8: error: uncaught exception: No implementation of method m of protocol user.P for type integer {:type :protocol-error, :protocol \"user.P\", :method :m, :value-type :integer} [ZL5007]\n"),
        };
        foreach (var (source, expected) in cases)
        {
            var outcome = GoBuilder.Build(source, "thrown.zl", Path.Combine(dir, "thrown"));
            Assert.True(outcome.Success, string.Join("\n", outcome.Diagnostics));
            var (_, stderr, exit) = RunCapturing(Path.Combine(dir, "thrown"));
            Assert.Equal(expected, stderr);
            Assert.Equal(1, exit);
        }

        Directory.Delete(dir, recursive: true);
    }

    /// <summary>
    /// A raw Go panic (here a Go package function's own panic) is recovered, located through the
    /// same line table, and reported at the Zylisp call with its line and column; catchable too.
    /// </summary>
    [GoFact]
    public void A_raw_go_panic_is_reported_at_the_zylisp_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("zylisp-go-test").FullName;
        var source = """
            (defn f [n]
              (strings.Repeat "x" n))
            (defn -main []
              (println (f 2) (try (f -1) (catch e [(:line e) (ex-message e)])))
              (f -2))
            """;
        var outcome = GoBuilder.Build(source, "panics.zl", Path.Combine(dir, "panics"));
        Assert.True(outcome.Success, string.Join("\n", outcome.Diagnostics));

        var (stdout, stderr, exit) = RunCapturing(Path.Combine(dir, "panics"));

        Assert.Equal("xx [2 strings: negative Repeat count]\n", stdout);
        Assert.Contains("panics.zl:2:3: error: strings: negative Repeat count [ZL5013]", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("main.go", stderr, StringComparison.Ordinal);
        Assert.Equal(1, exit);
        Directory.Delete(dir, recursive: true);
    }

    [GoFact]
    public void A_built_program_prints_and_exits_as_zylisp_run_does()
    {
        var dir = Directory.CreateTempSubdirectory("zylisp-go-test").FullName;
        var source = """
            (deffunc add (a b) (:args integer integer) (:return integer) (+ a b))
            (defn my-even? [n] (if (zero? n) true (my-odd? (dec n))))
            (defn my-odd? [n] (if (zero? n) false (my-even? (dec n))))
            (defn deep [n] (+ 1 (deep (inc n))))
            (defn -main [& args]
              (println "args" args (add 2 3))
              (prn (my-even? 100000) {:a [1 2.5 "s"]} #{:k})
              (prn (:type (try (deep 0) (catch e e))))
              (prn (try (/ 1 0) (catch e (ex-message e)) (finally (println "finally"))))
              (fmt.Println "from" "Go")
              (count args))
            """;
        var outcome = GoBuilder.Build(source, "prog.zl", Path.Combine(dir, "prog"));
        Assert.True(outcome.Success, string.Join("\n", outcome.Diagnostics) + string.Join("\n", outcome.FrontEndDiagnostics.Select(d => d.Id)));

        var (stdout, exit) = Run(Path.Combine(dir, "prog"), "x", "y");

        Assert.Equal("args (x y) 5\ntrue {:a [1 2.5 \"s\"]} #{:k}\n:stack-overflow\nfinally\n\"integer division by zero\"\nfrom Go\n", stdout);
        Assert.Equal(2, exit);
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>
    /// A Go type name in an annotation (rune, "[]string" as a string, since the reader makes [] a
    /// vector) gets dynamic values converted as Go interop converts them, or the annotation error.
    /// </summary>
    [GoFact]
    public void Dynamic_values_reach_Go_typed_parameters_converted_or_as_the_annotation_error()
    {
        var dir = Directory.CreateTempSubdirectory("zylisp-go-test").FullName;
        var source = """
            (deffunc upper? (r) (:args rune) (:return bool) (unicode.IsUpper r))
            (deffunc joined (xs) (:args "[]string") (:return string) (strings.Join xs "+"))
            (defn -main []
              (println (upper? 65) (upper? 97) (joined ["a" "b" "c"]))
              (println (try (upper? "x") (catch e (ex-message e)))))
            """;
        var outcome = GoBuilder.Build(source, "gotypes.zl", Path.Combine(dir, "gotypes"));
        Assert.True(outcome.Success, string.Join("\n", outcome.Diagnostics) + string.Join("\n", outcome.FrontEndDiagnostics.Select(d => d.ToString())));

        var (stdout, exit) = Run(Path.Combine(dir, "gotypes"));

        Assert.Equal("true false a+b+c\n`upper?`: argument `r` must be int32, got string \"x\"\n", stdout);
        Assert.Equal(0, exit);
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>float32 (go target only, ZL3012 elsewhere) rounds every marked operation as Go does; dynamic code sees a float.</summary>
    [GoFact]
    public void Float32_arithmetic_rounds_to_single_precision_and_reaches_dynamic_code_as_a_float()
    {
        var dir = Directory.CreateTempSubdirectory("zylisp-go-test").FullName;
        var source = """
            (deffunc scale (x k) (:args float32 float32) (:return float32) (* x k))
            (deffunc bigger? (x y) (:args float32 float32) (:return bool) (> x y))
            (defn -main []
              (println (scale 0.1 3.0) (bigger? 1.5 2.5) (str (scale 1.0 2.0)) (float? (scale 1.0 1.0))))
            """;
        var outcome = GoBuilder.Build(source, "f32.zl", Path.Combine(dir, "f32"));
        Assert.True(outcome.Success, string.Join("\n", outcome.Diagnostics));

        var (stdout, exit) = Run(Path.Combine(dir, "f32"));

        // float32(0.1)*3 rounded to single precision, printed as the float64 it widens to.
        Assert.Equal("0.30000001192092896 false 2.0 true\n", stdout);
        Assert.Equal(0, exit);
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Issue 13 on the Go target: binding, var objects with their metadata, metadata on values.</summary>
    [GoFact]
    public void Binding_rebinds_a_dynamic_var_and_vars_and_values_carry_metadata_on_the_go_target()
    {
        var dir = Directory.CreateTempSubdirectory("zylisp-go-test").FullName;
        var source = """
            (def ^:dynamic *depth* 0)
            (defn show [] (println "depth" *depth*))
            (defn ^{:doc "Counts."} counter [] 1)
            (defn -main []
              (show)
              (binding [*depth* 1] (show) (binding [*depth* 2] (show)) (show))
              (try (binding [*depth* 9] (throw (ex-info "out" {}))) (catch e (show)))
              (println (:doc (meta #'counter)) (var? #'counter) (var-get #'*depth*) (counter))
              (println (meta (with-meta [1 2] {:k 1})) (meta [1 2]))
              (binding [counter 2] counter))
            """;
        var outcome = GoBuilder.Build(source, "vars.zl", Path.Combine(dir, "vars"));
        Assert.True(outcome.Success, string.Join("\n", outcome.Diagnostics));

        var (stdout, exit) = Run(Path.Combine(dir, "vars"));

        Assert.Equal("depth 0\ndepth 1\ndepth 2\ndepth 1\ndepth 0\nCounts. true 0 1\n{:k 1} nil\n", stdout);
        Assert.Equal(1, exit);
        Directory.Delete(dir, recursive: true);
    }

    [GoFact]
    public void Every_corpus_program_compiles_to_gofmt_and_vet_clean_Go()
    {
        var programs = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../programs"));
        var batch = Directory.EnumerateFiles(programs, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".zl", StringComparison.Ordinal) || f.EndsWith(".slisp", StringComparison.Ordinal))
            .Select(f => new GoBatchProgram(Path.GetRelativePath(programs, f).Replace('/', '_').Replace('.', '_'), File.ReadAllText(f), f))
            .ToList();
        var module = Directory.CreateTempSubdirectory("zylisp-go-vet").FullName;
        var emitted = GoBatchBuilder.Emit(batch, module);
        Assert.True(emitted > 100, $"only {emitted} corpus programs compiled");

        var (vetExit, vetLog) = GoToolchain.Run(module, "vet", "./programs/...");
        Assert.True(vetExit == 0, vetLog);
        var gofmt = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(GoToolchain.GoPath!))!, "gofmt");
        var info = new ProcessStartInfo(File.Exists(gofmt) ? gofmt : "gofmt", ["-l", "programs"]) { WorkingDirectory = module, RedirectStandardOutput = true };
        using var p = Process.Start(info)!;
        Assert.Equal("", p.StandardOutput.ReadToEnd());
        p.WaitForExit();
        Directory.Delete(module, recursive: true);
    }
}
