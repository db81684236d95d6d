using Zylisp.Cli.Repl;
using Zylisp.Cli.Repl.LineEditing;

namespace Zylisp.Cli.Tests.Repl;

/// <summary>Issue 14, the REPL's line editor: the Emacs kills, history search, namespace completion, several forms per line.</summary>
public class LineEditingIssue14Tests
{
    [Theory]
    [InlineData("(foo bar baz)", 5, "ToEnd", "bar baz)")]
    [InlineData("(foo bar baz)", 5, "ToStart", "(foo ")]
    [InlineData("(foo bar-baz qux", 13, "PreviousToken", "bar-baz ")]
    [InlineData("(foo bar-baz", 12, "PreviousWord", "baz")]
    [InlineData("(foo bar-baz", 9, "PreviousWord", "bar-")]
    public void Issue14_kills_remove_the_expected_text(string line, int cursor, string range, string killed)
    {
        var (start, end) = KillCommand.Range(line, cursor, Enum.Parse<KillRange>(range));
        Assert.Equal(killed, line[start..end]);
    }

    [Fact]
    public void Issue14_history_search_finds_the_newest_match_then_older_ones()
    {
        string[] history = ["(def a 1)", "(map inc xs)", "(println a)", "(map dec xs)"];
        Assert.Equal(3, HistorySearch.Find(history, "map", 3));
        Assert.Equal(1, HistorySearch.Find(history, "map", 2));
        Assert.Null(HistorySearch.Find(history, "map", 0));
        Assert.Null(HistorySearch.Find(history, "nothing", 3));
    }

    [Fact]
    public void Issue14_tab_after_a_namespace_completes_names_in_it()
    {
        string[] names = ["sqrt", "sort", "str", "floor"];
        Assert.Equal(["Math/sort", "Math/sqrt"], SymbolCompleter.Candidates("Math/s", names).Take(2));
        Assert.Equal(["clojure.math/floor"], SymbolCompleter.Candidates("clojure.math/fl", names));
        Assert.Empty(SymbolCompleter.Candidates("nope/s", names));
    }

    [Fact]
    public void Issue14_several_forms_on_one_line_are_evaluated_one_by_one_at_their_columns()
    {
        var entries = EngineReplEvaluator.TopLevelEntries("(def a 1) (+ a 1)\n");
        Assert.Equal(2, entries.Count);
        Assert.Equal("(def a 1)        \n", entries[0]);
        Assert.Equal("          (+ a 1)\n", entries[1]);
        Assert.Single(EngineReplEvaluator.TopLevelEntries("(+ 1 2)"));
        Assert.Single(EngineReplEvaluator.TopLevelEntries("(+ 1 2) (oops"));
    }
}
