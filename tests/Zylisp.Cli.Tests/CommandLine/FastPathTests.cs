using Zylisp.Cli.CommandLine;

namespace Zylisp.Cli.Tests.CommandLine;

public class FastPathTests
{
    [Fact]
    public void Run_with_a_file_takes_the_fast_path_and_keeps_every_later_word_for_the_program()
    {
        var request = FastPath.TryParse(["run", "prog.zl", "a", "--verbose", "-x"], standardInputIsRedirected: static () => false);

        Assert.NotNull(request);
        Assert.Equal("prog.zl", request.Path);
        Assert.Equal(["a", "--verbose", "-x"], request.Arguments);
    }

    [Fact]
    public void Run_with_an_engine_and_no_cache_before_the_file_takes_the_fast_path()
    {
        var request = FastPath.TryParse(["run", "--no-cache", "--engine", "il", "prog.zl", "--engine", "interp"], standardInputIsRedirected: static () => false);

        Assert.NotNull(request);
        Assert.Equal("prog.zl", request.Path);
        Assert.Equal(EngineChoice.Il, request.Engine);
        Assert.True(request.NoCache);
        Assert.Equal(["--engine", "interp"], request.Arguments);

        var interp = FastPath.TryParse(["run", "--engine", "interp", "-"], standardInputIsRedirected: static () => false);
        Assert.Equal((EngineChoice.Interp, false, true), (interp?.Engine, interp?.NoCache, interp?.ReadsStandardInput));
    }

    [Theory]
    [InlineData("run", "--engine", "native", "x.zl")]
    [InlineData("run", "--engine", "bogus", "x.zl")]
    [InlineData("run", "--engine", "il", "--engine", "il", "x.zl")]
    [InlineData("run", "--no-cache", "--no-cache", "x.zl")]
    [InlineData("run", "--engine=il", "x.zl")]
    [InlineData("run", "--engine", "il")]
    [InlineData("run", "--engine")]
    [InlineData("run", "--no-cache")]
    [InlineData("run", "--engine", "il", "--terse", "x.zl")]
    public void Run_options_the_fast_path_does_not_know_go_to_the_full_parser(params string[] args) =>
        Assert.Null(FastPath.TryParse(args, standardInputIsRedirected: static () => false));

    [Fact]
    public void Version_alone_takes_the_fast_path()
    {
        Assert.True(FastPath.IsVersion(["version"]));
        Assert.False(FastPath.IsVersion(["version", "--help"]));
        Assert.False(FastPath.IsVersion(["--version"]));
    }

    [Fact]
    public void A_script_path_as_first_word_runs_it_which_is_how_a_shebang_line_works()
    {
        var request = FastPath.TryParse(["./hello.zl", "world"], standardInputIsRedirected: static () => false);

        Assert.NotNull(request);
        Assert.Equal("./hello.zl", request.Path);
        Assert.Equal(["world"], request.Arguments);
    }

    [Fact]
    public void A_lone_dash_reads_the_script_from_standard_input()
    {
        var request = FastPath.TryParse(["-", "x"], standardInputIsRedirected: static () => true);

        Assert.NotNull(request);
        Assert.True(request.ReadsStandardInput);
        Assert.Equal(["x"], request.Arguments);
    }

    [Fact]
    public void No_arguments_with_piped_input_runs_standard_input_but_on_a_terminal_opens_the_repl()
    {
        Assert.True(FastPath.TryParse([], standardInputIsRedirected: static () => true)?.ReadsStandardInput);
        Assert.Null(FastPath.TryParse([], standardInputIsRedirected: static () => false));
    }

    [Theory]
    [InlineData("repl")]
    [InlineData("eval", "(+ 1 2)")]
    [InlineData("expand", "-e", "x")]
    [InlineData("version")]
    [InlineData("zast", "from-go", "x.go")]
    [InlineData("--help")]
    [InlineData("run", "--verbose", "x.zl")]
    [InlineData("run")]
    [InlineData("run", "--help")]
    public void Commands_and_options_go_to_the_full_parser(params string[] args) =>
        Assert.Null(FastPath.TryParse(args, standardInputIsRedirected: static () => false));

    [Fact]
    public void Every_command_of_the_full_parser_is_a_command_name_and_not_a_script()
    {
        var subcommands = CommandTree.Build().Subcommands.Select(c => c.Name).ToList();

        Assert.NotEmpty(subcommands);
        Assert.All(subcommands, name => Assert.True(FastPath.IsCommandName(name), name));
        Assert.False(FastPath.IsCommandName("hello.zl"));
    }

    [Fact]
    public void Eval_without_options_takes_the_fast_path_with_every_expression()
    {
        Assert.Equal(["(def x 1)", "(+ x 2)"], FastPath.TryParseEval(["eval", "(def x 1)", "(+ x 2)"])!);
        Assert.Null(FastPath.TryParseEval(["eval"]));
        Assert.Null(FastPath.TryParseEval(["eval", "--terse", "(+ 1 2)"]));
        Assert.Null(FastPath.TryParseEval(["eval", "(+ 1 2)", "--help"]));
        Assert.Null(FastPath.TryParseEval(["run", "x.zl"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(true, "repl")]
    [InlineData(false, "repl", "--terse")]
    [InlineData(false, "repl", "extra")]
    [InlineData(false, "--help")]
    public void Only_a_bare_repl_skips_the_full_parser(bool bare, params string[] args) =>
        Assert.Equal(bare, FastPath.IsBareRepl(args));

    [Fact]
    public void Compile_with_a_file_and_an_optional_output_takes_the_fast_path_anything_else_the_parser()
    {
        Assert.Equal(("fib.zl", null), FastPath.TryParseCompile(["compile", "fib.zl"]));
        Assert.Equal(("fib.zl", "out"), FastPath.TryParseCompile(["compile", "fib.zl", "-o", "out"]));
        Assert.Equal(("fib.zl", "out"), FastPath.TryParseCompile(["compile", "--output", "out", "fib.zl"]));
        Assert.Null(FastPath.TryParseCompile(["compile"]));
        Assert.Null(FastPath.TryParseCompile(["compile", "fib.zl", "--emit", "go"]));
        Assert.Null(FastPath.TryParseCompile(["compile", "fib.zl", "-o", "--terse"]));
        Assert.Null(FastPath.TryParseCompile(["compile", "a.zl", "b.zl", "c.zl"]));
        Assert.Null(FastPath.TryParseCompile(["compile", "-"]));
        Assert.Null(FastPath.TryParseCompile(["build", "fib.zl"]));
    }
}
