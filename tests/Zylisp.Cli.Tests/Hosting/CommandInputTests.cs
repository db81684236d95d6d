using Zylisp.Cli.Hosting;
using Zylisp.Cli.Tests.Support;
using Zylisp.Lang.Syntax;

namespace Zylisp.Cli.Tests.Hosting;

public class CommandInputTests
{
    [Fact]
    public void A_file_is_read_as_its_bytes()
    {
        var path = new ScratchFiles().Write("x.go", "package x\n");

        var bytes = CommandInput.TryReadBytes(path, out var problem);

        Assert.Equal("package x\n"u8.ToArray(), bytes);
        Assert.Equal("", problem);
    }

    [Fact]
    public void A_missing_file_or_a_directory_gives_a_reason_instead_of_an_exception()
    {
        var folder = new ScratchFiles().Folder;

        Assert.Null(CommandInput.TryReadBytes(Path.Combine(folder, "absent.go"), out var missing));
        Assert.Equal("no such file", missing);
        Assert.Null(CommandInput.TryReadBytes(Path.Combine(folder, "absent", "x.go"), out var missingFolder));
        Assert.Equal("no such file", missingFolder);
        Assert.Null(CommandInput.TryReadBytes(folder, out var directory));
        Assert.Equal("is a directory", directory);
    }

    [Fact]
    public void The_open_read_fast_path_reads_large_files_whole_and_leaves_everything_unusual_to_the_ordinary_path()
    {
        var files = new ScratchFiles();
        var large = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"{i}\n")); // ~170 KB: the buffer grows
        var path = files.Write("large.zl", large);

        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(large), UnixInput.TryReadFile(path, int.MaxValue));
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(large), CommandInput.TryReadBytes(path, out _));
        Assert.Null(UnixInput.TryReadFile(path, limit: 1000)); // over the limit: the ordinary path words it
        Assert.Null(CommandInput.TryReadBytes(path, out var tooLarge, maxBytes: 1000));
        Assert.StartsWith("larger than the source size limit", tooLarge);
        Assert.Null(UnixInput.TryReadFile(files.Folder, int.MaxValue)); // a directory: EISDIR on read
        Assert.Null(UnixInput.TryReadFile(files.Write("é.zl", "1"), int.MaxValue)); // a non-ASCII path
        Assert.Equal("1"u8.ToArray(), CommandInput.TryReadBytes(Path.Combine(files.Folder, "é.zl"), out _));
    }

    [Fact]
    public void Decoding_drops_a_byte_order_mark_but_keeps_everything_else()
    {
        Assert.Equal("(Ident)", Utf8Source.Decode([0xEF, 0xBB, 0xBF, .. "(Ident)"u8]));
        Assert.Equal("é", Utf8Source.Decode("é"u8.ToArray()));
    }

    [Theory]
    [InlineData("-", "<stdin>")]
    [InlineData("dir/x.go", "dir/x.go")]
    public void Standard_input_is_named_stdin_in_diagnostics(string path, string expected) =>
        Assert.Equal(expected, CommandInput.DisplayName(path));
}
