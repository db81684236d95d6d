using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests.Hardening;

/// <summary>Issue 15 item 13: file failures are described in Zylisp's words, never with .NET's exception text.</summary>
public sealed class FileErrorTests : IDisposable
{
    private readonly LangTestHost host = new();
    private readonly string folder = Directory.CreateTempSubdirectory("zylisp-file-errors-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("(slurp \"{0}/missing.txt\")", "`slurp`: cannot read '{0}/missing.txt': no such file")]
    [InlineData("(slurp \"{0}/no/such/dir.txt\")", "`slurp`: cannot read '{0}/no/such/dir.txt': no such file")]
    [InlineData("(slurp \"{0}\")", "`slurp`: cannot read '{0}': is a directory")]
    [InlineData("(slurp \"\")", "`slurp`: cannot read '': the file name is empty")]
    [InlineData("(spit \"{0}/no/such/dir.txt\" 1)", "`spit`: cannot write '{0}/no/such/dir.txt': no such file")]
    [InlineData("(spit \"{0}\" 1)", "`spit`: cannot write '{0}': is a directory")]
    [InlineData("(load-file \"{0}\")", "`load-file`: cannot read '{0}': is a directory")]
    [InlineData("(load-file \"{0}/missing.zl\")", "`load-file`: cannot read '{0}/missing.zl': no such file")]
    public void File_failures_name_the_path_and_the_reason(string source, string message)
    {
        var error = host.Fails(string.Format(System.Globalization.CultureInfo.InvariantCulture, source, folder), DiagnosticIds.IoError);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, folder), error.Message);
    }

    [Fact]
    public void A_missing_program_file_is_described_too()
    {
        var result = host.Engine.RunFile(Path.Combine(folder, "absent.zl"), []);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.IoError, error.Id);
        Assert.EndsWith("absent.zl': no such file", error.Message, StringComparison.Ordinal);
    }
}
