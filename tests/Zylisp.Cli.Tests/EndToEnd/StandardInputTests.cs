using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

public class StandardInputTests
{
    [Fact]
    public async Task Dash_runs_the_script_on_standard_input_with_arguments()
    {
        var result = await CliProcess.RunAsync(["-", "one", "two"], stdin: "(defn -main [& args] (println (count args)) 9)\n");

        Assert.True(result.ExitCode == 9, result.ToString());
        Assert.Equal("2\n", result.Stdout);
    }

    [Fact]
    public async Task Piped_input_without_a_command_runs_as_a_script_and_prints_only_what_it_prints()
    {
        var result = await CliProcess.RunAsync([], stdin: "(+ 1 2)\n(println \"piped\")\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("piped\n", result.Stdout);
    }

    [Fact]
    public async Task Errors_in_standard_input_name_it_stdin()
    {
        var result = await CliProcess.RunAsync(["-"], stdin: "(println 1)\n(undefined-function 2)\n");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("<stdin>:2:", result.Stderr);
    }
}
