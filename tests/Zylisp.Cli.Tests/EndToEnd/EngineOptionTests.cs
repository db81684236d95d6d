using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary><c>--engine interp|il|tiered</c> on run, eval and repl gives the same results; an unknown engine is a usage error.</summary>
public class EngineOptionTests
{
    private readonly ScratchFiles _files = new();

    [Theory]
    [InlineData("interp")]
    [InlineData("il")]
    [InlineData("tiered")]
    public async Task Run_gives_the_same_output_and_exit_status_on_every_engine(string engine)
    {
        var program = _files.Write("fact.zl", "(defn fact [n] (if (< n 2) 1 (* n (fact (dec n)))))\n(defn -main [] (println (fact 20)) 7)\n");

        var result = await CliProcess.RunAsync("run", "--engine", engine, program);

        Assert.True(result.ExitCode == 7, result.ToString());
        Assert.Equal("2432902008176640000\n", result.Stdout);
    }

    [Theory]
    [InlineData("il")]
    [InlineData("tiered")]
    public async Task Eval_takes_the_engine_option(string engine)
    {
        var result = await CliProcess.RunAsync("eval", "--engine", engine, "(reduce + (map inc [1 2 3]))");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("9\n", result.Stdout);
    }

    [Fact]
    public async Task An_unknown_engine_is_a_usage_error()
    {
        var program = _files.Write("hello.zl", "(println \"hello\")\n");

        var result = await CliProcess.RunAsync("run", "--engine", "jit", program);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("jit", result.Stderr, StringComparison.Ordinal);
    }
}
