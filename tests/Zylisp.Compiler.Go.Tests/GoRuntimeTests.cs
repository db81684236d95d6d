namespace Zylisp.Compiler.Go.Tests;

/// <summary>Runs the Go runtime's own unit tests (Runtime/rt/rt_test.go) with `go test`.</summary>
public class GoRuntimeTests
{
    [GoFact]
    public void The_runtime_package_passes_its_go_tests()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "GoRuntime");
        var (exit, output) = GoToolchain.Run(dir, "test", "./...");
        Assert.True(exit == 0, output);
    }

    [GoFact]
    public void The_runtime_package_is_gofmt_and_vet_clean()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "GoRuntime");
        var (exit, output) = GoToolchain.Run(dir, "vet", "./...");
        Assert.True(exit == 0, output);
        var gofmt = Path.Combine(Path.GetDirectoryName(GoToolchain.GoPath!)!, "gofmt");
        if (File.Exists(gofmt))
        {
            var info = new System.Diagnostics.ProcessStartInfo(gofmt, ["-l", "rt"]) { WorkingDirectory = dir, RedirectStandardOutput = true };
            using var p = System.Diagnostics.Process.Start(info)!;
            Assert.Equal("", p.StandardOutput.ReadToEnd());
            p.WaitForExit();
        }
    }
}
