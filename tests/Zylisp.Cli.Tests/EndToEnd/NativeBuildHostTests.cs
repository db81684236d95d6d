using System.Diagnostics;
using System.Runtime.InteropServices;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// The NativeAOT build host (src/Zylisp.Cli.NativeBuild, docs/design/native-build-host.md), published
/// once for this class as the ./zylisp launcher publishes it: it writes byte for byte the executable
/// the zylisp command writes, and hands every other command back to the launcher with the same
/// arguments, without writing anything; a host older than the sources never writes a program.
/// </summary>
public sealed class NativeBuildHostTests : IClassFixture<NativeBuildHostTests.PublishedHost>, IDisposable
{
    private readonly PublishedHost host;
    private readonly string folder = Directory.CreateTempSubdirectory("zylisp-native-host-").FullName;

    public NativeBuildHostTests(PublishedHost host) => this.host = host;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [NativeBuildHostFact]
    public async Task The_host_writes_the_same_executable_as_the_zylisp_command()
    {
        var programs = Path.Combine(RepositoryRoot.ProgramsDirectory, "realistic");
        File.WriteAllText(Path.Combine(folder, "hello.zl"), "(println \"hello world\")\n");
        var sources = new[] { Path.Combine(folder, "hello.zl") }
            .Concat(new[] { "fizzbuzz", "roman_numerals", "word_frequencies" }.Select(name => Path.Combine(programs, name + ".zl")));
        var cache = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = Path.Combine(folder, "cache") };
        var builds = sources.Select(source => new[] { "build", "--target", "native", source, "-o", "OUT" })
            .Append(new[] { "build", "-e", "(+ 2 (* 3 4))", "-o", "OUT", "--target", "native" });

        var i = 0;
        foreach (var build in builds)
        {
            var byHost = Path.Combine(folder, $"host{i}");
            var byCommand = Path.Combine(folder, $"command{i++}");
            // The host first: its first build finds the cache empty (a miss), later ones hit.
            var hosted = await host.RunAsync([.. build.Select(a => a == "OUT" ? byHost : a)], cache);
            var command = await CliProcess.RunAsync(build.Select(a => a == "OUT" ? byCommand : a), environment: cache);

            Assert.True(hosted.ExitCode == 0 && hosted.Stderr.Length == 0, hosted.ToString());
            Assert.True(command.ExitCode == 0, command.ToString());
            Assert.Equal(File.ReadAllBytes(byCommand), File.ReadAllBytes(byHost));
            if (!OperatingSystem.IsWindows())
            {
                Assert.True(File.GetUnixFileMode(byHost).HasFlag(UnixFileMode.UserExecute));
            }
        }
    }

    [NativeBuildHostFact]
    public async Task Every_other_command_goes_back_to_the_launcher_with_the_same_arguments_and_nothing_written()
    {
        var launcher = FakeLauncher(stale: false);
        var broken = Path.Combine(folder, "broken.zl");
        File.WriteAllText(broken, "(defn -main [] (println (eval '(+ 1 2))))\n");
        var good = Path.Combine(folder, "good.zl");
        File.WriteAllText(good, "(println 1)\n");
        var output = Path.Combine(folder, "out");
        string[][] commands =
        [
            ["build", "--target", "native", broken, "-o", output],
            ["build", "--target", "native", "-e", "(+ 1 2", "-o", output],
            ["build", "--target", "native", Path.Combine(folder, "missing.zl"), "-o", output],
            ["build", "--target", "native", good, "-o", output, "--no-cache"],
            ["build", "--target", "native", good, "--emit", "asm"],
            ["build", "--target", "go", good, "-o", output],
            ["build", "--target", "native", good, "-o", Path.Combine(folder, "no-such-folder", "out")],
        ];

        foreach (var command in commands)
        {
            var result = await host.RunAsync(command, new Dictionary<string, string?> { ["ZYLISP_LAUNCHER"] = launcher });

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(["declined=1", .. command], HandedBack(launcher));
            Assert.False(File.Exists(output), string.Join(' ', command));
        }
    }

    [NativeBuildHostFact]
    public async Task A_host_older_than_the_sources_writes_nothing_and_hands_the_build_back_as_stale()
    {
        var launcher = FakeLauncher(stale: true);
        var good = Path.Combine(folder, "good.zl");
        File.WriteAllText(good, "(println 1)\n");
        var output = Path.Combine(folder, "out");
        string[] command = ["build", "--target", "native", good, "-o", output];

        var result = await host.RunAsync(command, new Dictionary<string, string?> { ["ZYLISP_LAUNCHER"] = launcher });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["declined=stale", .. command], HandedBack(launcher));
        Assert.False(File.Exists(output));
    }

    [NativeBuildHostFact]
    public async Task Without_the_launcher_a_declined_build_says_where_its_messages_are()
    {
        var result = await host.RunAsync(["build", "--target", "native", Path.Combine(folder, "missing.zl"), "-o", Path.Combine(folder, "out")], null);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("./zylisp build", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A checkout with a stand-in ./zylisp that records how it was run, and the host's recorded
    /// inputs: one source, older than the stamp (current) or newer (stale).
    /// </summary>
    private string FakeLauncher(bool stale)
    {
        var root = Path.Combine(folder, "checkout");
        Directory.CreateDirectory(Path.Combine(root, ".build", "native-build"));
        Directory.CreateDirectory(Path.Combine(root, "src"));
        var script = Path.Combine(root, "zylisp");
        File.WriteAllText(script, "#!/bin/sh\n{ echo \"declined=${ZYLISP_NATIVE_BUILD_DECLINED:-none}\"; for a in \"$@\"; do echo \"$a\"; done; } >\"${0%/*}/handed-back\"\n");
        File.WriteAllText(Path.Combine(root, "src", "Code.cs"), "class Code {}\n");
        File.WriteAllText(Path.Combine(root, ".build", "native-build", "zylisp.manifest"), "src/Code.cs\n--\n");
        var stamp = Path.Combine(root, ".build", "native-build", "zylisp.stamp");
        File.WriteAllText(stamp, "");
        File.SetLastWriteTimeUtc(Path.Combine(root, "src", "Code.cs"), DateTime.UtcNow.AddHours(stale ? 1 : -2));
        File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow.AddHours(-1));
        return script;
    }

    private static string[] HandedBack(string launcher)
    {
        var file = Path.Combine(Path.GetDirectoryName(launcher)!, "handed-back");
        var lines = File.ReadAllLines(file);
        File.Delete(file);
        return lines;
    }

    /// <summary>The host published into a scratch folder once for the class, as the launcher publishes it.</summary>
    public sealed class PublishedHost : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("zylisp-native-host-publish-").FullName;
        private readonly Lazy<string> executable;

        public PublishedHost() => executable = new Lazy<string>(Publish);

        public void Dispose() => Directory.Delete(folder, recursive: true);

        public async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? environment)
        {
            var start = new ProcessStartInfo(executable.Value)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            CliProcess.Isolate(start.Environment);
            start.Environment.Remove("ZYLISP_LAUNCHER");
            start.Environment.Remove("ZYLISP_NATIVE_GC_STRESS");
            foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(CliProcess.DefaultTimeout);
            return new CliResult(process.ExitCode, await stdout, await stderr);
        }

        private string Publish()
        {
            var project = Path.Combine(RepositoryRoot.Path, "src", "Zylisp.Cli.NativeBuild", "Zylisp.Cli.NativeBuild.csproj");
            var start = new ProcessStartInfo(CliProcess.DotnetPath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "publish", project, "-c", "Release", "-r", "linux-x64", "--nologo", "-v", "quiet", "--artifacts-path", Path.Combine(folder, "artifacts"), "-o", Path.Combine(folder, "out") })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            var path = Path.Combine(folder, "out", "zylisp-native-build");
            Assert.True(process.ExitCode == 0 && File.Exists(path), $"publishing the native build host failed:\n{stdout.Result}\n{stderr.Result}");
            return path;
        }
    }
}

/// <summary>A test of the NativeAOT build host; skipped, saying why, off Linux x86-64 or without gcc (its linker here).</summary>
public sealed class NativeBuildHostFactAttribute : FactAttribute
{
    public NativeBuildHostFactAttribute()
    {
        if (!(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64))
        {
            Skip = "the native build host is published for Linux x86-64";
        }
        else if (!(Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "gcc"))))
        {
            Skip = "gcc is not installed (NativeAOT links with it; apt-get install gcc, .ci/run installs it)";
        }
    }
}
