using System.Text.RegularExpressions;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The library's text cut into top-level forms (LibraryText): a build analyzes only the forms the
/// program can reach, so the cut must never lose a definition or move a line.
/// </summary>
public sealed class LibraryTextTests
{
    [Fact]
    public void The_scan_finds_the_names_the_definition_pattern_finds()
    {
        var source = NativeLibrary.Source();
        var byPattern = Regex.Matches(source, @"^\((?:defn-?|deffunc|def)\s+([^\s()\[\]]+)", RegexOptions.Multiline)
            .Select(m => NativeLibrary.GlobalName(m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(byPattern);
        Assert.Equal(byPattern.Order(StringComparer.Ordinal), NativeLibrary.LibraryNames().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Selecting_a_name_takes_its_form_and_every_form_it_mentions_and_keeps_every_line()
    {
        const string text = """
            ;; a comment before the first form
            (defn %%reverse [coll] (%helper coll))

            (defn %helper
              "docs mentioning %unused"
              [x] x) ; also %unused in a comment

            (defn %unused [] 1)
            (def %%other 2)
            """;
        var library = new LibraryText(text);
        var selected = new bool[library.FormCount];

        Assert.True(library.Select(["reverse"], selected));
        var subset = library.Subset(selected);

        Assert.Equal(text.Split('\n').Length, subset.Split('\n').Length);
        Assert.Contains("(defn %%reverse", subset, StringComparison.Ordinal);
        Assert.Contains("(defn %helper", subset, StringComparison.Ordinal);
        Assert.DoesNotContain("(defn %unused", subset, StringComparison.Ordinal);
        Assert.DoesNotContain("(def %%other", subset, StringComparison.Ordinal);
        Assert.Equal(text.Split('\n').ToList().IndexOf("(defn %helper"), subset.Split('\n').ToList().IndexOf("(defn %helper"));
        Assert.False(library.Select(["reverse", "helper-not-defined"], selected));
    }

    [Theory]
    [InlineData("(def x 1)", "x")]
    [InlineData("(defn f [] 1)", "f")]
    [InlineData("(defn- g [] 1)", "g")]
    [InlineData("(deffunc %h (a) (:args integer) (:return integer) a)", "%h")]
    [InlineData("(defmacro m [] 1)", null)]
    [InlineData("(defnx y 1)", null)]
    [InlineData("(def\n  z 1)", "z")]
    [InlineData("(println 1)", null)]
    public void A_definition_line_names_what_it_defines(string line, string? name) =>
        Assert.Equal(name, NativeLibrary.DefinedAt(line, 0));

    [Fact]
    public void A_form_that_defines_no_name_such_as_a_macro_is_always_analyzed()
    {
        const string text = "(defmacro %unless [c x] (list 'if c nil x))\n(defn %%a [] (%unless false 1))\n(defn %%b [] 2)\n";
        var library = new LibraryText(text);
        var selected = new bool[library.FormCount];

        Assert.True(library.Select(["b"], selected));

        Assert.Equal([true, false, true], selected);
        Assert.False(library.Select(["b"], selected));
    }

    [NativeFact]
    public void A_program_built_from_part_of_the_library_prints_what_the_interpreter_prints()
    {
        // format reaches the string helpers, sort reaches compare: several forms, across files.
        const string source = "(println (format \"%s-%d\" (sort [\"b\" \"a\"]) 42) (reverse (sort-by count [\"aa\" \"b\"])))";
        var outcome = NativeRunner.CompileAndRun(source);

        Assert.Equal(NativeLibraryTests.Interpreted(source), outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }
}
