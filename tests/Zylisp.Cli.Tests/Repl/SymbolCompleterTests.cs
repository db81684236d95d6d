using Zylisp.Cli.Repl;

namespace Zylisp.Cli.Tests.Repl;

public class SymbolCompleterTests
{
    [Theory]
    [InlineData("(my-fa", 6, 1)]
    [InlineData("(map inc [1 2", 4, 1)]
    [InlineData("'foo", 4, 1)]
    [InlineData("@*ato", 5, 1)]
    [InlineData("  str/jo", 8, 2)]
    [InlineData("(f x)", 5, 5)]
    public void The_word_starts_after_the_last_delimiter_before_the_cursor(string line, int cursor, int expectedStart) =>
        Assert.Equal(expectedStart, SymbolCompleter.WordStart(line, cursor));

    [Fact]
    public void Candidates_are_the_sorted_distinct_names_with_the_prefix()
    {
        var names = new[] { "map", "mapv", "max", "map", "filter" };

        Assert.Equal(["map", "mapv"], SymbolCompleter.Candidates("map", names));
        Assert.Empty(SymbolCompleter.Candidates("zzz", names));
        Assert.Empty(SymbolCompleter.Candidates("", names));
    }

    [Theory]
    [InlineData("my-fancy-", "my-fancy-fn", "my-fancy-gn")]
    [InlineData("map", "map", "mapv")]
    [InlineData("", "abc", "xyz")]
    [InlineData("only", "only")]
    public void Longest_common_prefix(string expected, params string[] words) =>
        Assert.Equal(expected, SymbolCompleter.LongestCommonPrefix(words));
}
