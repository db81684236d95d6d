using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

public class SourceTextTests
{
    [Fact]
    public void Lines_are_one_based_and_exclude_terminators()
    {
        var source = new SourceText("f.zl", "one\r\ntwo\n\nfour");
        Assert.Equal(4, source.LineCount);
        Assert.Equal("one", source.GetLine(1));
        Assert.Equal("two", source.GetLine(2));
        Assert.Equal(string.Empty, source.GetLine(3));
        Assert.Equal("four", source.GetLine(4));
        Assert.Equal(string.Empty, source.GetLine(5));
        Assert.Equal(string.Empty, source.GetLine(0));
    }

    [Fact]
    public void Offsets_map_to_positions_consistent_with_the_reader()
    {
        const string text = "(a\n  [b c])\n:k";
        var source = new SourceText("f.zl", text);
        var result = Reader.ReadAll(text, "f.zl");
        foreach (var span in result.FormSpans)
        {
            Assert.Equal((span.Line, span.Column), source.GetPosition(span.StartOffset));
            Assert.Equal((span.EndLine, span.EndColumn), source.GetPosition(span.EndOffset));
        }

        Assert.Equal((1, 1), source.GetPosition(-5));
        Assert.Equal((3, 3), source.GetPosition(999));
    }

    [Fact]
    public void Registry_replaces_and_finds_files()
    {
        var registry = new SourceRegistry();
        registry.Add("a.zl", "old");
        registry.Add("a.zl", "new");
        Assert.True(registry.TryGet("a.zl", out var source));
        Assert.Equal("new", source.Text);
        Assert.False(registry.TryGet("b.zl", out _));
        Assert.Equal(["a.zl"], registry.Files);
    }

    [Theory]
    [InlineData("a\nb\nc", "\n\nC", 3, "a\nb\nC")]
    [InlineData("a\nb\nc", "\nB", 2, "a\nB\nc")]
    [InlineData("a", "\n\nc\nd", 3, "a\n\nc\nd")]
    [InlineData("a\nb", "X", 1, "X\nb")]
    public void A_region_replaces_its_lines_and_keeps_the_others(string under, string region, int firstLine, string expected)
    {
        Assert.Equal(expected, SourceText.Overlay(new SourceText("f.zl", under), region, firstLine));
        Assert.Equal(region, SourceText.Overlay(null, region, firstLine));
    }
}
