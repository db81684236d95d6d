using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>Builds a program with the native backend, writes the executable, runs it and captures what it did.</summary>
internal static class NativeRunner
{
    /// <summary>Why native executables cannot run here, or null when they can (Linux on x86-64).</summary>
    public static string? SkipReason =>
        OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64
            ? null
            : "native executables are Linux x86-64 binaries";

    public sealed record Outcome(string Stdout, string Stderr, int ExitCode);

    public static Outcome CompileAndRun(string source, string file = "test.zl", ExitRule exit = ExitRule.CallMain, params string[] args) =>
        RunExecutable(NativeCompiler.BuildExecutable(Collect(source, file, exit)), args);

    public static NativeProgram Collect(string source, string file = "test.zl", ExitRule exit = ExitRule.CallMain)
    {
        var collected = ProgramCollector.Collect(source, file, exit);
        Assert.True(collected.Program is not null, string.Join("\n", collected.Diagnostics.Select(d => d.Message)));
        return collected.Program!;
    }

    public static Outcome RunExecutable(byte[] image, params string[] args) => RunExecutable(image, null, args);

    /// <summary>Runs the image; with <paramref name="addressSpaceKiB"/>, under that address-space limit (ulimit -v), so mmap fails beyond it.</summary>
    public static Outcome RunExecutable(byte[] image, int? addressSpaceKiB, params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), "zylisp-native-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, image);
        try
        {
            if (!OperatingSystem.IsLinux())
            {
                throw new PlatformNotSupportedException(SkipReason);
            }

            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (addressSpaceKiB is { } limit)
            {
                info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
                info.ArgumentList.Add("-c");
                info.ArgumentList.Add($"ulimit -v {limit} && exec \"$0\" \"$@\"");
                info.ArgumentList.Add(path);
            }

            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var process = StartExecutable(info);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                throw new TimeoutException("the native program did not finish in 10 s");
            }

            return new Outcome(stdout, stderr.Result, process.ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Starts a just-written executable. Another test thread forking at the moment this file was
    /// open for writing leaves the child holding it until it execs, and exec then fails with
    /// ETXTBSY ("Text file busy"); that window is short, so a few retries close it.
    /// </summary>
    private static Process StartExecutable(ProcessStartInfo info)
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
