using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>An OUT that cannot be written is the user's to fix: a located message and exit 1, never an internal error.</summary>
public sealed class BuildOutputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("zylisp-build-output-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Program()
    {
        var source = Path.Combine(folder, "hello.zl");
        File.WriteAllText(source, "(defn -main [& args] (println \"hi\"))\n");
        return source;
    }

    [Theory]
    [InlineData("native")]
    [InlineData("go")]
    [InlineData("dotnet")]
    public async Task An_output_that_is_a_directory_is_refused_on_every_target(string target)
    {
        var output = Directory.CreateDirectory(Path.Combine(folder, "out")).FullName;

        var build = await CliProcess.RunAsync("build", "--target", target, Program(), "-o", output);

        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.EndsWith($"zylisp build: cannot write '{output}': it is a directory\n", build.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public async Task A_native_output_in_a_missing_folder_is_refused()
    {
        var output = Path.Combine(folder, "missing", "hello");

        var build = await CliProcess.RunAsync("build", "--target", "native", Program(), "-o", output);

        Assert.True(build.ExitCode == 1, build.ToString());
        Assert.Contains($"zylisp build: cannot write '{output}': ", build.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", build.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emitting_a_go_module_where_a_file_stands_is_refused()
    {
        var output = Path.Combine(folder, "module");
        File.WriteAllText(output, "not a folder");

        var compile = await CliProcess.RunAsync("compile", Program(), "--emit", "go", "-o", output);

        Assert.True(compile.ExitCode == 1, compile.ToString());
        Assert.Contains($"zylisp build: cannot write '{output}': ", compile.Stderr, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(output));
    }
}
