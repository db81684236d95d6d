using System.Diagnostics;
using System.Runtime.Versioning;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// The <c>./zylisp</c> launcher, run by <c>sh</c> against a fake checkout: a copy of the script, a
/// hand-made <c>.git</c>, an up-to-date stamp and a stand-in binary that prints the commit file the
/// script keeps beside it. No dotnet build is involved: a stand-in <c>dotnet</c> on the PATH records
/// whether the script decided to publish. The up-to-date check itself runs in the CLI
/// (CheckoutInputsTests, LauncherCheckTests).
/// </summary>
[UnsupportedOSPlatform("windows")] // the launcher is a POSIX sh script
public class LauncherScriptTests
{
    private const string First = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Second = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string Third = "3333333ccccccccccccccccccccccccccccccccc";

    private sealed class FakeCheckout
    {
        public FakeCheckout()
        {
            Root = TempHome.Create();
            File.Copy(Path.Combine(RepositoryRoot.Path, "zylisp"), Script);
            Directory.CreateDirectory(Path.Combine(Root, "src"));
            File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
            // HOSTTYPE/OSTYPE "none" below give no runtime identifier, so the build folder is .build/zylisp.
            Directory.CreateDirectory(Output);
            File.WriteAllText(Path.Combine(Output, "zylisp.dll"), "");
            var binary = Path.Combine(Output, "zylisp");
            File.WriteAllText(binary, "#!/bin/sh\ncat \"$(dirname \"$0\")/zylisp.commit\" 2>/dev/null || echo none\n");
            File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Write("src/Lib/Code.cs", "class Code {}\n");
            // The inputs the last publish recorded (see stale() in the script): one file, "--", then
            // two folders, each followed by its entries.
            Write(".build/zylisp.manifest", "src/Lib/Code.cs\n--\nsrc\nLib/\nsrc/Lib\nCode.cs/\n");
            Write(".build/zylisp.current", "zylisp\n");
            foreach (var path in new[] { "src/Lib/Code.cs", "src/Lib", "src" })
            {
                Touch(path, DateTime.UtcNow.AddHours(-2));
            }

            // Newer than every source, so the script takes its fast path.
            Touch(".build/zylisp.stamp", DateTime.UtcNow.AddHours(-1));
            // The stand-in dotnet logs a publish and leaves a stand-in build in the output folder
            // (the argument after -o); asked to run OUT/zylisp.dll, it runs the stand-in OUT/zylisp.
            Write("fake-bin/dotnet", """
                #!/bin/sh
                if [ "$1" = publish ]; then
                  echo "$@" >>"$(dirname "$0")/published"
                  case "$2" in
                    *NativeBuild*) host=1 ;;
                    *) host="" ;;
                  esac
                  while [ "$1" != -o ]; do shift; done
                  if [ -n "$host" ]; then
                    printf '#!/bin/sh\necho "host launcher=${ZYLISP_LAUNCHER:-none} $*"\n' >"$2/zylisp-native-build" && chmod +x "$2/zylisp-native-build"
                    exit 0
                  fi
                  mkdir -p "$2" && : >"$2/zylisp.dll" && printf '#!/bin/sh\necho "launcher=${ZYLISP_LAUNCHER:-none} rebuild=${ZYLISP_LAUNCHER_REBUILD:-none} $*"\n' >"$2/zylisp" && chmod +x "$2/zylisp"
                  exit 0
                fi
                dll="$1"; shift; exec "${dll%.dll}" "$@"

                """);
            File.SetUnixFileMode(Path.Combine(Root, "fake-bin", "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        /// <summary>True when the launcher ran `dotnet publish` (the stand-in dotnet logged it).</summary>
        public bool Published => File.Exists(Path.Combine(Root, "fake-bin", "published"));

        public void Touch(string relative, DateTime when)
        {
            var path = Path.Combine(Root, relative);
            if (Directory.Exists(path))
            {
                Directory.SetLastWriteTimeUtc(path, when);
                return;
            }

            if (!File.Exists(path))
            {
                File.WriteAllText(path, "");
            }

            File.SetLastWriteTimeUtc(path, when);
        }

        public string Root { get; }

        public string Script => Path.Combine(Root, "zylisp");

        public string Output => Path.Combine(Root, ".build", "zylisp");

        public string Git => Path.Combine(Root, ".git");

        public void Write(string relative, string text)
        {
            var path = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        /// <summary>Runs <c>./zylisp version</c>; returns what the stand-in binary printed.</summary>
        public string Version()
        {
            var (exitCode, stdout, stderr) = RunLauncher();
            Assert.True(exitCode == 0 && stderr.Length == 0, $"exit {exitCode}: {stderr}");
            return stdout.Trim();
        }

        /// <summary>Runs <c>./zylisp version</c> (or <paramref name="command"/>), under <c>ulimit -v</c> when <paramref name="addressSpaceKb"/> is given.</summary>
        public (int ExitCode, string Stdout, string Stderr) RunLauncher(long? addressSpaceKb = null, string? writeXorExecute = null, bool rebuild = false, string command = "version", string[]? args = null, IReadOnlyDictionary<string, string>? environment = null)
        {
            var start = new ProcessStartInfo("sh")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (addressSpaceKb is { } kb)
            {
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add($"ulimit -v {kb} && exec sh \"$0\" {command}");
                start.ArgumentList.Add(Script);
            }
            else
            {
                start.ArgumentList.Add(Script);
                foreach (var arg in args ?? [command])
                {
                    start.ArgumentList.Add(arg);
                }
            }

            start.Environment.Remove("DOTNET_GCHeapHardLimit");
            start.Environment.Remove("ZYLISP_LAUNCHER");
            start.Environment.Remove("ZYLISP_LAUNCHER_REBUILD");
            if (rebuild)
            {
                start.Environment["ZYLISP_LAUNCHER_REBUILD"] = "1";
            }

            start.Environment.Remove("DOTNET_EnableWriteXorExecute");
            start.Environment.Remove("DOTNET_TC_CallCountingDelayMs");
            if (writeXorExecute is not null)
            {
                start.Environment["DOTNET_EnableWriteXorExecute"] = writeXorExecute;
            }

            start.Environment["HOSTTYPE"] = "none";
            start.Environment["OSTYPE"] = "none";
            start.Environment["PATH"] = Path.Combine(Root, "fake-bin") + ":" + Environment.GetEnvironmentVariable("PATH");
            start.Environment.Remove("ZYLISP_NATIVE_AOT");
            start.Environment.Remove("ZYLISP_NATIVE_BUILD_DECLINED");
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "the launcher did not finish");
            return (process.ExitCode, stdout, stderr.Result);
        }
    }

    /// <summary>Issue 15 item 5: under ulimit -v the GC crashed with SIGSEGV; the launcher gives it a heap limit.</summary>
    [Fact]
    public void Under_an_address_space_limit_the_GC_gets_a_quarter_of_it_as_its_heap_limit()
    {
        var checkout = new FakeCheckout();
        checkout.Write(".build/zylisp/zylisp", "#!/bin/sh\necho \"limit=${DOTNET_GCHeapHardLimit:-none}\"\n");
        var (exitCode, stdout, stderr) = checkout.RunLauncher(addressSpaceKb: 4_000_000);
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("limit=" + (4_000_000L * 1024 / 4).ToString("x", System.Globalization.CultureInfo.InvariantCulture), stdout.Trim());

        (exitCode, stdout, stderr) = checkout.RunLauncher();
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("limit=none", stdout.Trim());
    }

    private static readonly string[] NativeBuild = ["build", "--target", "native", "prog.zl", "-o", "prog"];

    /// <summary>A runtime identifier (linux-x64), which the native build host needs.</summary>
    private static readonly Dictionary<string, string> OnLinux = new() { ["HOSTTYPE"] = "x86_64", ["OSTYPE"] = "linux-gnu" };

    /// <summary>Issue 12: a plain native build goes to the NativeAOT host when there is one, with the launcher's path for its up-to-date check.</summary>
    [Fact]
    public void Issue12_a_plain_native_build_runs_the_native_build_host()
    {
        var checkout = new FakeCheckout();
        checkout.Write(".build/zylisp/zylisp", "#!/bin/sh\necho \"command $*\"\n");
        checkout.Write(".build/native-build/zylisp-native-build", "#!/bin/sh\necho \"host launcher=${ZYLISP_LAUNCHER:-none} $*\"\n");
        File.SetUnixFileMode(Path.Combine(checkout.Root, ".build/native-build/zylisp-native-build"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var (exitCode, stdout, stderr) = checkout.RunLauncher(args: NativeBuild, environment: OnLinux);
        Assert.True(exitCode == 0, stderr);
        Assert.Equal($"host launcher={checkout.Script} {string.Join(' ', NativeBuild)}", stdout.Trim());

        string[] expression = ["build", "--target", "native", "-e", "(+ 1 2)", "-o", "prog"];
        (exitCode, stdout, stderr) = checkout.RunLauncher(args: expression, environment: OnLinux);
        Assert.True(exitCode == 0, stderr);
        Assert.Equal($"host launcher={checkout.Script} {string.Join(' ', expression)}", stdout.Trim());

        // Handed back by the host (a diagnostic, another option): the zylisp command runs it.
        (exitCode, stdout, stderr) = checkout.RunLauncher(args: NativeBuild, environment: new Dictionary<string, string>(OnLinux) { ["ZYLISP_NATIVE_BUILD_DECLINED"] = "1" });
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("command " + string.Join(' ', NativeBuild), stdout.Trim());

        // Other commands, and ZYLISP_NATIVE_AOT=0, never reach the host.
        (exitCode, stdout, stderr) = checkout.RunLauncher(args: ["build", "--target", "go", "prog.zl", "-o", "prog"], environment: OnLinux);
        Assert.Equal("command build --target go prog.zl -o prog", stdout.Trim());
        (exitCode, stdout, stderr) = checkout.RunLauncher(args: NativeBuild, environment: new Dictionary<string, string>(OnLinux) { ["ZYLISP_NATIVE_AOT"] = "0" });
        Assert.Equal("command " + string.Join(' ', NativeBuild), stdout.Trim());
        Assert.False(checkout.Published);
    }

    /// <summary>Issue 12: without a host, a native build runs in the zylisp command and publishes the host in the background, saying so.</summary>
    [Fact]
    public void Issue12_the_first_native_build_publishes_the_host_in_the_background_and_runs_in_the_zylisp_command()
    {
        var checkout = new FakeCheckout();
        checkout.Write(".build/zylisp/zylisp", "#!/bin/sh\necho \"command $*\"\n");

        var (exitCode, stdout, stderr) = checkout.RunLauncher(args: NativeBuild, environment: OnLinux);
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("command " + string.Join(' ', NativeBuild), stdout.Trim());
        Assert.Contains("in the background", stderr, StringComparison.Ordinal);

        var host = Path.Combine(checkout.Root, ".build", "native-build", "zylisp-native-build");
        for (var i = 0; i < 200 && !File.Exists(host); i++)
        {
            Thread.Sleep(50);
        }

        Assert.True(File.Exists(host), "the background publish did not finish");
        var published = File.ReadAllText(Path.Combine(checkout.Root, "fake-bin", "published"));
        Assert.Contains("Zylisp.Cli.NativeBuild.csproj -c Release -r linux-x64", published, StringComparison.Ordinal);
        // The host's own inputs, recorded beside it for its up-to-date check.
        Assert.Contains("src/Lib/Code.cs", File.ReadAllText(Path.Combine(checkout.Root, ".build", "native-build", "zylisp.manifest")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(checkout.Root, ".build", "native-build", "zylisp.stamp")));

        (exitCode, stdout, stderr) = checkout.RunLauncher(args: NativeBuild, environment: OnLinux);
        Assert.True(exitCode == 0, stderr);
        Assert.StartsWith("host launcher=", stdout, StringComparison.Ordinal);
    }

    /// <summary>Issue 14: W^X costs every start an mmap/mprotect pair per stub; the launcher turns it off unless the user chose.</summary>
    [Fact]
    public void The_launcher_turns_off_write_xor_execute_unless_the_user_set_it()
    {
        var checkout = new FakeCheckout();
        checkout.Write(".build/zylisp/zylisp", "#!/bin/sh\necho \"wx=${DOTNET_EnableWriteXorExecute:-unset}\"\n");
        var (exitCode, stdout, stderr) = checkout.RunLauncher();
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("wx=0", stdout.Trim());

        (exitCode, stdout, stderr) = checkout.RunLauncher(writeXorExecute: "1");
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("wx=1", stdout.Trim());
    }

    /// <summary>Issue 10: a fresh nREPL server's eval path stayed unoptimized for its first thousand evals; only `nrepl` changes the runtime's tiering.</summary>
    [Fact]
    public void The_launcher_starts_call_counting_at_once_for_nrepl_only()
    {
        var checkout = new FakeCheckout();
        checkout.Write(".build/zylisp/zylisp", "#!/bin/sh\necho \"delay=${DOTNET_TC_CallCountingDelayMs:-unset}\"\n");
        var (exitCode, stdout, stderr) = checkout.RunLauncher(command: "nrepl");
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("delay=0", stdout.Trim());

        (exitCode, stdout, stderr) = checkout.RunLauncher(command: "run");
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("delay=unset", stdout.Trim());
    }

    [Fact]
    public void A_new_commit_without_source_changes_is_reported_without_a_rebuild()
    {
        var checkout = new FakeCheckout();
        checkout.Write(".git/HEAD", "ref: refs/heads/main\n");
        checkout.Write(".git/refs/heads/main", First + "\n");
        Assert.Equal("1111111", checkout.Version());

        checkout.Write(".git/refs/heads/main", Second + "\n");
        Assert.Equal("2222222", checkout.Version());

        // `git pack-refs` moves the branch into packed-refs.
        File.Delete(Path.Combine(checkout.Git, "refs", "heads", "main"));
        checkout.Write(".git/packed-refs", $"# pack-refs with: peeled fully-peeled sorted\n{First} refs/heads/other\n{Third} refs/heads/main\n");
        Assert.Equal("3333333", checkout.Version());

        // A detached HEAD names the commit itself.
        checkout.Write(".git/HEAD", Second + "\n");
        Assert.Equal("2222222", checkout.Version());
    }

    [Fact]
    public void A_worktree_checkout_finds_its_branch_through_the_common_git_folder()
    {
        var checkout = new FakeCheckout();
        checkout.Write("main-git/worktrees/feature/HEAD", "ref: refs/heads/feature\n");
        checkout.Write("main-git/worktrees/feature/commondir", "../..\n");
        checkout.Write("main-git/refs/heads/feature", Third + "\n");
        File.WriteAllText(checkout.Git, $"gitdir: {Path.Combine(checkout.Root, "main-git", "worktrees", "feature")}\n");

        Assert.Equal("3333333", checkout.Version());
    }

    [Fact]
    public void Outside_a_git_checkout_the_commit_file_is_removed_so_the_embedded_commit_shows()
    {
        var checkout = new FakeCheckout();
        File.WriteAllText(Path.Combine(checkout.Output, "zylisp.commit"), "1111111\n");

        Assert.Equal("none", checkout.Version());
    }

    /// <summary>Issue 14: the start itself checks nothing; it hands the check to the command it starts.</summary>
    [Fact]
    public void Issue14_the_fast_path_passes_its_own_path_to_the_command_and_does_not_publish()
    {
        var checkout = new FakeCheckout();
        checkout.Write(".build/zylisp/zylisp", "#!/bin/sh\necho \"launcher=${ZYLISP_LAUNCHER:-none}\"\n");
        var (exitCode, stdout, stderr) = checkout.RunLauncher();
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("launcher=" + checkout.Script, stdout.Trim());
        Assert.False(checkout.Published);
    }

    /// <summary>Issue 14: the command found a changed source and executed the launcher again.</summary>
    [Fact]
    public void Issue14_a_rebuild_request_publishes_and_starts_the_new_build_without_a_second_check()
    {
        var checkout = new FakeCheckout();
        var (exitCode, stdout, stderr) = checkout.RunLauncher(rebuild: true);
        Assert.True(exitCode == 0, stderr);
        Assert.True(checkout.Published);
        // Neither variable reaches the new build: it neither checks again nor asks for another rebuild.
        Assert.Equal("launcher=none rebuild=none version", stdout.Trim());
    }

    [Fact]
    public void Issue14_without_recorded_inputs_the_launcher_rebuilds()
    {
        var checkout = new FakeCheckout();
        File.Delete(Path.Combine(checkout.Root, ".build", "zylisp.manifest"));
        checkout.RunLauncher();
        Assert.True(checkout.Published);
    }

    [Fact]
    public void Issue14_without_a_recorded_build_folder_the_launcher_rebuilds()
    {
        var checkout = new FakeCheckout();
        File.Delete(Path.Combine(checkout.Root, ".build", "zylisp.current"));
        checkout.RunLauncher();
        Assert.True(checkout.Published);
    }

    /// <summary>The script writes the manifest and the CLI reads it: the two must agree on its format.</summary>
    [Fact]
    public void Issue14_the_inputs_a_publish_records_read_as_current_until_a_source_changes()
    {
        var checkout = new FakeCheckout();
        checkout.Write("src/Lib/Sub/More.cs", "class More {}\n");
        checkout.Write("src/Lib/.hidden", "x\n");
        checkout.Write("src/Other/Empty/.keep", "");
        Directory.CreateDirectory(Path.Combine(checkout.Root, "src", "Lib", "obj"));
        checkout.RunLauncher(rebuild: true);
        Assert.True(checkout.Published);
        Assert.Equal(Zylisp.Cli.Hosting.CheckoutState.Fresh, Zylisp.Cli.Hosting.CheckoutInputs.Compare(checkout.Root));

        Directory.CreateDirectory(Path.Combine(checkout.Root, "src", "Lib", "bin"));
        checkout.Touch("src/Lib", DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(Zylisp.Cli.Hosting.CheckoutState.FreshAfterBuildOutput, Zylisp.Cli.Hosting.CheckoutInputs.Compare(checkout.Root));

        checkout.Touch("src/Lib/Sub/More.cs", DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(Zylisp.Cli.Hosting.CheckoutState.Stale, Zylisp.Cli.Hosting.CheckoutInputs.Compare(checkout.Root));
    }
}
