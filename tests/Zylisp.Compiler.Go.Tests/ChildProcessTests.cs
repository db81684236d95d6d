namespace Zylisp.Compiler.Go.Tests;

/// <summary>The posix_spawn path zylisp compile starts go build with (instead of System.Diagnostics.Process).</summary>
public class ChildProcessTests
{
    [LinuxFact]
    public void A_child_s_exit_code_and_the_signal_that_ended_it_come_back()
    {

        Assert.Equal(0, ChildProcess.TryRun("/bin/sh", ["-c", "exit 0"]));
        Assert.Equal(3, ChildProcess.TryRun("/bin/sh", ["-c", "exit 3"]));
        Assert.Equal(128 + 9, ChildProcess.TryRun("/bin/sh", ["-c", "kill -9 $$"]));
    }

    [LinuxFact]
    public void A_child_sees_this_process_s_environment_and_its_arguments_unquoted()
    {
        var output = Path.GetTempFileName();

        var exit = ChildProcess.TryRun("/bin/sh", ["-c", "printf '%s|%s|%s' \"$1\" \"$2\" \"$PATH\" > \"$0\"", output, "two words", "it's \"quoted\""]);

        Assert.Equal(0, exit);
        Assert.Equal($"two words|it's \"quoted\"|{Environment.GetEnvironmentVariable("PATH")}", File.ReadAllText(output));
        File.Delete(output);
    }
}

/// <summary>A test of a Linux-only path; skipped, saying why, elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "posix_spawn is used on Linux only";
        }
    }
}
