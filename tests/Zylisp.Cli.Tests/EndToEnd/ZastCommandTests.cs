using System.Text.RegularExpressions;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.EndToEnd;

/// <summary>
/// <c>zylisp zast</c> end to end, against the go-ast-coverage corpus: the archives there are the Go
/// oracle's output, so the CLI must reproduce them byte for byte. The corpus FileInfo names are
/// relative to <c>source/</c>, so the commands run from that folder.
/// </summary>
public partial class ZastCommandTests
{
    private static readonly string Corpus = Path.Combine(RepositoryRoot.Path, "corpus", "go-ast-coverage");
    private static readonly string SourceFolder = Path.Combine(Corpus, "source");

    /// <summary>The same shape as every other CLI error (<see cref="ErrorFormatTests"/>), with a ZAST id.</summary>
    [GeneratedRegex(@"^(?<file>.+):(?<line>\d+):(?<col>\d+): error: (?<rest>.+) \[(?<id>ZAST\d{4})\]$")]
    private static partial Regex Header();

    private static string Archive(string relative) => File.ReadAllText(Path.Combine(Corpus, "ast_archives", relative + ".zast"));

    private static Task<CliResult> InCorpus(string[] args, string? stdin = null) =>
        CliProcess.RunAsync(args, stdin, workingDirectory: SourceFolder);

    [Theory]
    [InlineData("basics/hello_world.go")]
    [InlineData("advanced/generics.go")]
    [InlineData("comments/comments.go")]
    [InlineData("control_flow/select.go")]
    public async Task From_go_prints_the_checked_in_archive(string relative)
    {
        var result = await InCorpus(["zast", "from-go", relative]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
        Assert.Equal(Archive(relative), result.Stdout);
    }

    [Theory]
    [InlineData("basics/operators.go")]
    [InlineData("comments/comments.go")]
    [InlineData("types/structs.go")]
    public async Task From_go_piped_into_to_go_gives_back_the_gofmt_clean_source(string relative)
    {
        var zast = await InCorpus(["zast", "from-go", relative]);
        Assert.True(zast.ExitCode == 0, zast.ToString());

        var go = await InCorpus(["zast", "to-go", "-"], stdin: zast.Stdout);

        Assert.True(go.ExitCode == 0, go.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(SourceFolder, relative)), go.Stdout);
    }

    [Fact]
    public async Task Validate_accepts_an_archive_silently()
    {
        var archive = Path.Combine(Corpus, "ast_archives", "types", "interfaces.go.zast");

        var result = await CliProcess.RunAsync("zast", "validate", archive);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Validate_rejects_a_broken_archive_with_the_location_and_tree_path_of_the_error()
    {
        var lines = Archive("basics/hello_world.go").Split('\n');
        var broken = lines.Select(line => line.Contains(":kind STRING", StringComparison.Ordinal) ? line.Replace(":kind STRING", ":kind NOT_A_TOKEN", StringComparison.Ordinal) : line).ToArray();
        var firstBrokenLine = Array.FindIndex(broken, line => line.Contains("NOT_A_TOKEN", StringComparison.Ordinal)) + 1;
        var file = new ScratchFiles().Write("broken.zast", string.Join('\n', broken));

        var result = await CliProcess.RunAsync("zast", "validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Stdout);
        var header = Header().Match(result.Stderr.Split('\n')[0]);
        Assert.True(header.Success, result.Stderr);
        Assert.Equal(file, header.Groups["file"].Value);
        Assert.Equal(firstBrokenLine.ToString(System.Globalization.CultureInfo.InvariantCulture), header.Groups["line"].Value);
        Assert.Equal("ZAST2012", header.Groups["id"].Value);
        Assert.StartsWith("Program.files[0].decls[0].specs[0].path.kind: ", header.Groups["rest"].Value);
    }

    [Fact]
    public async Task To_go_rejects_invalid_zast_with_exit_1_and_no_output()
    {
        var file = new ScratchFiles().Write("unclosed.zast", "(Program :fileset (FileSet :base 1 :files ()\n");

        var result = await CliProcess.RunAsync("zast", "to-go", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Matches(Header(), result.Stderr.Split('\n')[0]);
    }

    [Fact]
    public async Task Fmt_turns_compact_into_pretty_and_back()
    {
        var compact = await InCorpus(["zast", "from-go", "--compact", "control_flow/switch.go"]);
        Assert.True(compact.ExitCode == 0, compact.ToString());
        Assert.Single(compact.Stdout.TrimEnd('\n').Split('\n'));
        var file = new ScratchFiles().Write("compact.zast", compact.Stdout);

        var pretty = await CliProcess.RunAsync("zast", "fmt", file);
        var again = await CliProcess.RunAsync(["zast", "fmt", "--compact", "-"], stdin: pretty.Stdout);

        Assert.True(pretty.ExitCode == 0, pretty.ToString());
        Assert.Equal(Archive("control_flow/switch.go"), pretty.Stdout);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(compact.Stdout, again.Stdout);
    }

    [Fact]
    public async Task Fmt_accepts_a_single_node()
    {
        var result = await CliProcess.RunAsync(["zast", "fmt", "-"], stdin: "(Ident   :namepos 3\n :name \"x\")");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("(Ident :namepos 3 :name \"x\")\n", result.Stdout);
    }

    [Fact]
    public async Task A_dash_reads_go_source_from_standard_input_and_names_it_stdin()
    {
        var result = await CliProcess.RunAsync(["zast", "from-go", "-"], stdin: "package p\n\nvar x = 1\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("(Program", result.Stdout);
        Assert.Contains("(FileInfo :name \"<stdin>\"", result.Stdout);
        Assert.Contains("(Ident :namepos 16 :name \"x\")", result.Stdout);
    }

    [Fact]
    public async Task A_go_syntax_error_is_reported_at_its_line_and_column_with_exit_1()
    {
        var file = new ScratchFiles().Write("bad.go", "package p\n\nfunc f( {\n}\n");

        var result = await CliProcess.RunAsync("zast", "from-go", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Stdout);
        var header = Header().Match(result.Stderr.Split('\n')[0]);
        Assert.True(header.Success, result.Stderr);
        Assert.Equal(file, header.Groups["file"].Value);
        Assert.Equal("3", header.Groups["line"].Value);
        Assert.Equal("9", header.Groups["col"].Value);
        Assert.Equal("ZAST4001", header.Groups["id"].Value);
        // Then the source line and a caret under column 9, as for Zylisp's own errors.
        var lines = result.Stderr.Split('\n');
        Assert.Equal(" 3 | func f( {", lines[1]);
        Assert.Equal("   |         ^", lines[2]);
    }

    [Fact]
    public async Task A_zast_error_shows_its_source_line_and_caret_and_terse_keeps_only_the_header()
    {
        var file = new ScratchFiles().Write("bad.zast", "(BlockStmt :lbrace 1\n  :list ((Nope :x 1)) :rbrace 2)\n");

        var full = await CliProcess.RunAsync("zast", "validate", file);
        var terse = await CliProcess.RunAsync("zast", "validate", "--terse", file);

        Assert.True(full.ExitCode == 1, full.ToString());
        var lines = full.Stderr.Split('\n');
        var header = Header().Match(lines[0]);
        Assert.True(header.Success, full.Stderr);
        Assert.Equal("2", header.Groups["line"].Value);
        var column = int.Parse(header.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(" 2 |   :list ((Nope :x 1)) :rbrace 2)", lines[1]);
        Assert.Equal("   | " + new string(' ', column - 1) + "^", lines[2]);
        Assert.True(terse.ExitCode == 1, terse.ToString());
        Assert.Equal(lines[0] + "\n", terse.Stderr);
    }

    [Theory]
    [InlineData("from-go", "no-such-file.go")]
    [InlineData("to-go", "no-such-file.zast")]
    [InlineData("validate", "no-such-file.zast")]
    [InlineData("fmt", "no-such-file.zast")]
    public async Task A_missing_file_is_a_one_line_usage_error(string verb, string file)
    {
        var result = await CliProcess.RunAsync("zast", verb, file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal($"zylisp zast {verb}: cannot read '{file}': no such file\n", result.Stderr);
    }

    [Theory]
    [InlineData("zast")]
    [InlineData("zast", "from-go")]
    [InlineData("zast", "to-go", "--compact", "x.zast")]
    [InlineData("zast", "fmt", "--width", "x.zast")]
    [InlineData("zast", "unknown-verb", "x")]
    public async Task Bad_command_lines_exit_2_with_a_hint(params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains("--help", result.Stderr);
    }
}
