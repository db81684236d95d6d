using System.Diagnostics;
using System.Runtime.Versioning;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// The <c>./zylisp</c> launcher's commit tracking, run against a fake checkout: a copy of the
/// script, a hand-made <c>.git</c>, an up-to-date stamp and a stand-in binary that prints the
/// commit file the script keeps beside it. No dotnet build is involved: if the script decided to
/// rebuild, the fake checkout has no project and the run would fail.
/// </summary>
[UnsupportedOSPlatform("windows")] // the launcher is a bash script
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
            var stamp = Path.Combine(Root, ".build", "zylisp.stamp");
            File.WriteAllText(stamp, "");
            // Newer than every source, so the script takes its fast path.
            File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow.AddHours(1));
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
            var start = new ProcessStartInfo("bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Script);
            start.ArgumentList.Add("version");
            start.Environment["HOSTTYPE"] = "none";
            start.Environment["OSTYPE"] = "none";
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "the launcher did not finish");
            Assert.True(process.ExitCode == 0 && stderr.Result.Length == 0, $"exit {process.ExitCode}: {stderr.Result}");
            return stdout.Trim();
        }
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
}
