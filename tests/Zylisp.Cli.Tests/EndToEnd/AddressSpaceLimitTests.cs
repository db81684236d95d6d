using System.Diagnostics;
using System.Runtime.Versioning;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 15 item 5 under <c>ulimit -v</c>: the 512 MB evaluation stack did not fit and every
/// command died with an internal OutOfMemoryException before running any Zylisp code.
/// </summary>
[UnsupportedOSPlatform("windows")] // ulimit is a POSIX shell builtin
public class AddressSpaceLimitTests
{
    [Fact]
    public async Task Eval_runs_under_an_address_space_limit_too_small_for_the_default_stack()
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("ulimit -v 3000000 && exec \"$0\" \"$1\" eval '(+ 1 2)'");
        start.ArgumentList.Add(CliProcess.DotnetPath);
        start.ArgumentList.Add(CliProcess.DllPath);
        CliProcess.Isolate(start.Environment);
        start.Environment.Remove("DOTNET_GCHeapHardLimit");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}");
        Assert.Equal("3\n", stdout);
    }
}
