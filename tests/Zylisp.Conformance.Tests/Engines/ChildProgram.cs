using System.Diagnostics;
using System.Text;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// Runs a program as a child process the way a user does: stdin closed, stdout and stderr
/// captured, in the program's own folder, killed (with its children) past a runaway guard.
/// Shared by every engine that runs a separate process (zylisp run, a Go or native executable).
/// </summary>
public static class ChildProgram
{
    public static ProgramOutcome Run(string executable, IEnumerable<string> arguments, string workingDirectory, TimeSpan runawayGuard, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Start(start);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(runawayGuard))
        {
            process.Kill(entireProcessTree: true);
            return new ProgramOutcome(stdout.Result, -1, "timed out after " + runawayGuard + "\n" + stderr.Result);
        }

        return new ProgramOutcome(stdout.Result, process.ExitCode, stderr.Result);
    }

    /// <summary>
    /// Starts the process. A just-written executable can fail with ETXTBSY ("Text file busy")
    /// while a sibling test's fork still holds the file open for writing until it execs; that
    /// window is short, so a few retries close it.
    /// </summary>
    private static Process Start(ProcessStartInfo info)
    {
        const int TextFileBusy = 26;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
            }
            catch (System.ComponentModel.Win32Exception e) when (e.NativeErrorCode == TextFileBusy && attempt < 20)
            {
                Thread.Sleep(10 * attempt);
            }
        }
    }
}
