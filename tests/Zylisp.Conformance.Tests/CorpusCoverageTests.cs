using System.Text.RegularExpressions;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// Keeps the corpus honest: every program has its expected output and exit status, and every
/// core form, built-in macro and core function of the language appears in some program.
/// </summary>
public partial class CorpusCoverageTests
{
    [Fact]
    public void Every_program_has_expected_output_and_exit_status()
    {
        var programs = ProgramCorpus.RelativePaths();
        Assert.True(programs.Count >= 70, $"the corpus should hold at least 70 programs, found {programs.Count}");
        foreach (string program in programs)
        {
            var loaded = ProgramCase.Load(program); // throws on a missing or malformed .out/.exit
            Assert.Equal(program, loaded.RelativePath);
        }
    }

    [Fact]
    public void No_expected_file_is_left_without_its_program()
    {
        var stems = ProgramCorpus.RelativePaths().Select(p => Path.ChangeExtension(p, null)).ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.EnumerateFiles(RepositoryRoot.ProgramsDirectory, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetExtension(path) is ".out" or ".exit" or ".args")
            .Select(path => Path.ChangeExtension(Path.GetRelativePath(RepositoryRoot.ProgramsDirectory, path), null).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(stem => !stems.Contains(stem))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(orphans.Count == 0, "expected-output files without a program: " + string.Join(", ", orphans));
    }

    [Fact]
    public void Every_core_form_macro_and_library_function_is_used_by_some_program()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (string program in ProgramCorpus.RelativePaths())
        {
            used.UnionWith(SourceTokens.Of(File.ReadAllText(ProgramCase.Load(program).FullPath)));
        }

        var missing = LanguageSurface.AllNames.Where(name => !used.Contains(name)).ToList();
        Assert.True(missing.Count == 0, "not used by any program in tests/programs: " + string.Join(" ", missing));
    }

    [Theory]
    [InlineData("'", "quote")]
    [InlineData("`", "syntax-quote")]
    [InlineData("~", "unquote")]
    [InlineData("~@", "unquote-splicing")]
    [InlineData("@", "deref")]
    [InlineData("#_", "discard")]
    [InlineData("#{", "set literal")]
    [InlineData("#(", "function literal")]
    public void The_corpus_uses_every_reader_shorthand(string shorthand, string meaning)
    {
        Assert.True(AllSource().Contains(shorthand, StringComparison.Ordinal), $"no program uses {shorthand} ({meaning})");
    }

    [Fact]
    public void The_corpus_uses_auto_gensym()
    {
        Assert.Matches(AutoGensym(), AllSource());
    }

    private static string AllSource() =>
        string.Concat(ProgramCorpus.RelativePaths().Select(p => File.ReadAllText(ProgramCase.Load(p).FullPath)));

    // A symbol ending in # (like v#) directly followed by whitespace or a closing bracket.
    [GeneratedRegex(@"[\w-]#[\s\)\]]")]
    private static partial Regex AutoGensym();

    [Theory]
    [InlineData("slisp/functions/simple_add.slisp", 7)]
    [InlineData("slisp/functions/simple_multiply.slisp", 42)]
    [InlineData("slisp/functions/nested_calls.slisp", 10)]
    [InlineData("slisp/functions/multi_param_compute.slisp", 17)]
    [InlineData("slisp/compiler/add.slisp", 5)]
    [InlineData("slisp/compiler/nested.slisp", 14)]
    [InlineData("slisp/compiler/complex.slisp", 15)]
    [InlineData("seed/deffunc_add.zl", 42)]
    public void Seed_programs_keep_the_exit_status_the_seed_states(string program, int exitCode)
    {
        Assert.Equal(exitCode, ProgramCase.Load(program).ExpectedExitCode);
    }

    [Fact]
    public void Tokens_skip_comments_and_strings_and_split_reader_prefixes()
    {
        var tokens = SourceTokens.Of("(prn 'quoted @atom `(a ~b ~@c)) ; comment-word\n\"string-word\" {:k v#}");
        Assert.Contains("prn", tokens);
        Assert.Contains("quoted", tokens);
        Assert.Contains("atom", tokens);
        Assert.Contains("c", tokens);
        Assert.Contains("v#", tokens);
        Assert.DoesNotContain("comment-word", tokens);
        Assert.DoesNotContain("string-word", tokens);
    }
}
