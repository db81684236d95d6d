using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// <c>zylisp repl --engine native</c> (through its private server and worker, and <c>--local</c>)
/// and multi-form <c>zylisp eval --engine native</c>: a native session answers a transcript of
/// typical REPL use exactly as the interpreter does (docs/design/native-sessions.md).
/// </summary>
public sealed class NativeSessionCommandTests
{
    private const string Transcript = """
        (def rate 3)
        (defn scale [n] (* n rate))
        (scale 5)
        (def rate 10)
        (scale 5)
        (defn scale [n] (+ n rate))
        (scale 5)
        (def counter (atom 0))
        (defn tick! [] (swap! counter inc))
        (dotimes [_ 5] (tick!))
        @counter
        (def make-adder (fn [k] (fn [n] (+ n k rate))))
        ((make-adder 1) 1)
        (println "printed" {:a [1 2.5 "s"]} #{:k})
        (scale "x")
        (undefined-thing 1)
        (throw (ex-info "custom" {:code 7}))
        (scale 1)
        (map inc (range 5))
        (str "a" :b 'c nil 1.0)
        """;

    [NativeFact]
    public async Task Repl_through_its_worker_answers_like_the_interpreter()
    {
        var interp = await CliProcess.RunAsync(["repl", "--engine", "interp"], stdin: Transcript);
        var native = await CliProcess.RunAsync(["repl", "--engine", "native"], stdin: Transcript);

        Assert.True(native.ExitCode == 0, native.ToString());
        Assert.Equal(interp.Stdout, native.Stdout);
        Assert.Equal(ErrorLines(interp.Stderr), ErrorLines(native.Stderr));
        Assert.Contains("11", native.Stdout, StringComparison.Ordinal);
    }

    [NativeFact]
    public async Task Local_repl_answers_like_the_interpreter()
    {
        var interp = await CliProcess.RunAsync(["repl", "--local", "--engine", "interp"], stdin: Transcript);
        var native = await CliProcess.RunAsync(["repl", "--local", "--engine", "native"], stdin: Transcript);

        Assert.True(native.ExitCode == 0, native.ToString());
        Assert.Equal(interp.Stdout, native.Stdout);
        Assert.Equal(ErrorLines(interp.Stderr), ErrorLines(native.Stderr));
    }

    [NativeFact]
    public async Task Eval_runs_form_by_form_and_prints_the_last_value()
    {
        var result = await CliProcess.RunAsync("eval", "--engine", "native", "(def x 20)", "(defn f [n] (println :n n) (+ n x))", "(def x 22)", "(f 20)");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(":n 20\n42\n", result.Stdout);
    }

    [NativeFact]
    public async Task Eval_reports_a_runtime_error_with_its_location_and_exits_1()
    {
        var result = await CliProcess.RunAsync("eval", "--engine", "native", "(def x 1)", "(+ x :k)");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("<eval>:2:1: error: `+` expects a number, got keyword :k [ZL5003]", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The first line of each error report: the message and where (excerpts and stack lines may differ in shape).</summary>
    private static List<string> ErrorLines(string stderr) =>
        [.. stderr.Split('\n').Where(line => line.Contains(": error: ", StringComparison.Ordinal))];
}
