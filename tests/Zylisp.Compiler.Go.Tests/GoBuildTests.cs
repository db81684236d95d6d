using System.Diagnostics;

namespace Zylisp.Compiler.Go.Tests;

/// <summary>Builds real executables with go build and runs them.</summary>
public class GoBuildTests
{
    private static (string Stdout, int Exit) Run(string executable, params string[] args)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (stdout, p.ExitCode);
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
