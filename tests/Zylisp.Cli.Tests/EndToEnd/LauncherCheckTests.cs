using System.Runtime.Versioning;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 14: started by <c>./zylisp</c> (ZYLISP_LAUNCHER names the script), the CLI checks the
/// checkout while it starts and, when a source changed, executes the launcher again to rebuild —
/// before any of the program runs or any input is read. The "launcher" here is a stand-in that
/// reports how it was called.
/// </summary>
[UnsupportedOSPlatform("windows")]
public class LauncherCheckTests
{
    private sealed class Checkout
    {
        public Checkout(bool stale)
        {
            Root = TempHome.Create();
            Launcher = Path.Combine(Root, "zylisp");
            File.WriteAllText(Launcher, "#!/bin/sh\necho \"relaunched rebuild=${ZYLISP_LAUNCHER_REBUILD:-none} launcher=${ZYLISP_LAUNCHER:-none} $* stdin=$(cat)\"\n");
            Directory.CreateDirectory(Path.Combine(Root, "src", "Lib"));
            Directory.CreateDirectory(Path.Combine(Root, ".build"));
            var source = Path.Combine(Root, "src", "Lib", "Code.cs");
            File.WriteAllText(source, "class Code {}\n");
            File.WriteAllText(Path.Combine(Root, ".build", "zylisp.manifest"), "src/Lib/Code.cs\n--\nsrc\nLib/\nsrc/Lib\nCode.cs/\n");
            var stamp = Path.Combine(Root, ".build", "zylisp.stamp");
            File.WriteAllText(stamp, "");
            foreach (var folder in new[] { Path.Combine(Root, "src", "Lib"), Path.Combine(Root, "src") })
            {
                Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow.AddHours(-2));
            }

            File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddHours(stale ? 0 : -2));
            File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow.AddHours(-1));
            Program = Path.Combine(Root, "program.zl");
            File.WriteAllText(Program, "(println \"ran\")\n");
        }

        public string Root { get; }

        public string Launcher { get; }

        public string Program { get; }

        public Task<CliResult> RunAsync(string? stdin, params string[] args) =>
            CliProcess.RunAsync(args, stdin, new Dictionary<string, string?> { ["ZYLISP_LAUNCHER"] = Launcher });
    }

    [Fact]
    public async Task A_current_build_runs_the_program()
    {
        var checkout = new Checkout(stale: false);
        var result = await checkout.RunAsync(null, "run", checkout.Program);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("ran\n", result.Stdout);
    }

    [Fact]
    public async Task A_changed_source_reruns_the_launcher_with_the_same_arguments_before_the_program_runs()
    {
        var checkout = new Checkout(stale: true);
        var result = await checkout.RunAsync("", "run", checkout.Program, "an argument");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"relaunched rebuild=1 launcher=none run {checkout.Program} an argument stdin=\n", result.Stdout);
    }

    [Fact]
    public async Task A_changed_source_reruns_the_launcher_before_eval_runs_anything()
    {
        var checkout = new Checkout(stale: true);
        var result = await checkout.RunAsync("", "eval", "(println \"ran\")");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("relaunched rebuild=1 launcher=none eval (println \"ran\") stdin=\n", result.Stdout);
    }

    /// <summary>Standard input is still unread when the launcher takes over, so the rebuilt command gets all of it.</summary>
    [Fact]
    public async Task A_changed_source_reruns_the_launcher_before_standard_input_is_read()
    {
        var checkout = new Checkout(stale: true);
        var result = await checkout.RunAsync("(println \"piped\")", "-");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("relaunched rebuild=1 launcher=none - stdin=(println \"piped\")\n", result.Stdout);
    }

    [Fact]
    public async Task Other_commands_check_before_they_start()
    {
        var checkout = new Checkout(stale: true);
        var result = await checkout.RunAsync("", "version");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("relaunched rebuild=1 launcher=none version stdin=\n", result.Stdout);
    }
}
