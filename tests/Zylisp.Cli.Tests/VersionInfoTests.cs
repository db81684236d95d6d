using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests;

public class VersionInfoTests
{
    private static readonly System.Reflection.Assembly Cli = typeof(VersionInfo).Assembly;

    [Fact]
    public void The_commit_file_beside_the_assembly_wins_over_the_embedded_commit()
    {
        var folder = TempHome.Create();
        File.WriteAllText(Path.Combine(folder, VersionInfo.CommitFileName), "abc1234\n");

        Assert.Equal("abc1234", VersionInfo.Read(Cli, folder).Commit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a commit; rm -rf /\n")]
    public void Without_a_usable_commit_file_the_embedded_commit_is_reported(string? contents)
    {
        var folder = TempHome.Create();
        if (contents is not null)
        {
            File.WriteAllText(Path.Combine(folder, VersionInfo.CommitFileName), contents);
        }

        var embedded = Cli.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ZylispCommit").Value;

        Assert.Equal(embedded, VersionInfo.Read(Cli, folder).Commit);
    }
}
