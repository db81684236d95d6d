using Zylisp.Cli.Hosting;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.Hosting;

/// <summary>
/// The launcher's up-to-date check (issue 14), which the CLI runs while it starts: a fake checkout
/// whose last publish recorded one source file and two folders, all older than the build stamp.
/// </summary>
public class CheckoutInputsTests
{
    private sealed class Checkout
    {
        public Checkout()
        {
            Root = TempHome.Create();
            Write("src/Lib/Code.cs", "class Code {}\n");
            Write(CheckoutInputs.Manifest, "src/Lib/Code.cs\n--\nsrc\nLib/\nsrc/Lib\nCode.cs/\n");
            foreach (var path in new[] { "src/Lib/Code.cs", "src/Lib", "src" })
            {
                Touch(path, DateTime.UtcNow.AddHours(-2));
            }

            Write(CheckoutInputs.Stamp, "");
            Touch(CheckoutInputs.Stamp, DateTime.UtcNow.AddHours(-1));
        }

        public string Root { get; }

        public CheckoutState State => CheckoutInputs.Compare(Root);

        public string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

        public void Write(string relative, string text)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(PathOf(relative))!);
            File.WriteAllText(PathOf(relative), text);
        }

        public void Touch(string relative, DateTime when)
        {
            if (Directory.Exists(PathOf(relative)))
            {
                Directory.SetLastWriteTimeUtc(PathOf(relative), when);
            }
            else
            {
                File.SetLastWriteTimeUtc(PathOf(relative), when);
            }
        }
    }

    [Fact]
    public void Nothing_newer_than_the_stamp_is_fresh() => Assert.Equal(CheckoutState.Fresh, new Checkout().State);

    [Fact]
    public void An_edited_source_is_stale()
    {
        var checkout = new Checkout();
        checkout.Touch("src/Lib/Code.cs", DateTime.UtcNow);
        Assert.Equal(CheckoutState.Stale, checkout.State);
    }

    /// <summary>Issue 14: after `dotnet test` (bin/ and obj/ created in a project folder) nothing is rebuilt.</summary>
    [Fact]
    public void Build_output_folders_alone_only_ask_to_move_the_stamp()
    {
        var checkout = new Checkout();
        Directory.CreateDirectory(checkout.PathOf("src/Lib/bin/Debug"));
        Directory.CreateDirectory(checkout.PathOf("src/Lib/obj"));
        Assert.Equal(CheckoutState.FreshAfterBuildOutput, checkout.State);
    }

    [Fact]
    public void A_new_source_file_is_stale_even_when_its_time_is_old()
    {
        var checkout = new Checkout();
        checkout.Write("src/Lib/More.cs", "class More {}\n");
        checkout.Touch("src/Lib/More.cs", DateTime.UtcNow.AddHours(-3));
        Assert.Equal(CheckoutState.Stale, checkout.State);
    }

    [Fact]
    public void A_deleted_source_file_is_stale()
    {
        var checkout = new Checkout();
        File.Delete(checkout.PathOf("src/Lib/Code.cs"));
        Assert.Equal(CheckoutState.Stale, checkout.State);
    }

    [Fact]
    public void A_renamed_source_file_is_stale()
    {
        var checkout = new Checkout();
        File.Move(checkout.PathOf("src/Lib/Code.cs"), checkout.PathOf("src/Lib/Renamed.cs"));
        checkout.Touch("src/Lib/Renamed.cs", DateTime.UtcNow.AddHours(-3));
        Assert.Equal(CheckoutState.Stale, checkout.State);
    }

    [Fact]
    public void Without_a_manifest_or_a_stamp_it_is_stale()
    {
        var withoutManifest = new Checkout();
        File.Delete(withoutManifest.PathOf(CheckoutInputs.Manifest));
        Assert.Equal(CheckoutState.Stale, withoutManifest.State);

        var withoutStamp = new Checkout();
        File.Delete(withoutStamp.PathOf(CheckoutInputs.Stamp));
        Assert.Equal(CheckoutState.Stale, withoutStamp.State);
    }

    /// <summary>A manifest cut short (no "--" line) is never read as fresh.</summary>
    [Fact]
    public void A_truncated_manifest_is_stale()
    {
        var checkout = new Checkout();
        checkout.Write(CheckoutInputs.Manifest, "src/Lib/Code.cs\n");
        checkout.Touch(CheckoutInputs.Manifest, DateTime.UtcNow.AddHours(-2));
        Assert.Equal(CheckoutState.Stale, checkout.State);
    }
}
