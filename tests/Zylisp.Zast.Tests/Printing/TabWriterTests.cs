using Zylisp.Zast.Printing;

namespace Zylisp.Zast.Tests.Printing;

// Expected outputs were produced by Go 1.19's text/tabwriter with the same arguments.
public class TabWriterTests
{
    [Theory]
    [InlineData("a\tb\tc\naa\tbbb\tc\n", 0, 8, 1, ' ', TabWriterFlags.None, "a  b   c\naa bbb c\n")]
    [InlineData("x\v\vy\nxx\v\vz\n", 0, 8, 1, ' ', TabWriterFlags.DiscardEmptyColumns, "x  y\nxx z\n")]
    [InlineData("x\v\vy\nxx\v\vz\n", 0, 8, 1, ' ', TabWriterFlags.None, "x   y\nxx  z\n")]
    [InlineData("\t\tfoo\tbar\n\t\tf\tb\n", 0, 8, 1, ' ', TabWriterFlags.TabIndent | TabWriterFlags.DiscardEmptyColumns, "\t\tfoo bar\n\t\tf   b\n")]
    [InlineData("a\tb\naaaa\tc\n", 0, 8, 1, '\t', TabWriterFlags.None, "a\tb\naaaa\tc\n")]
    [InlineData("a\tb\naaaa\tc\n", 5, 8, 2, '.', TabWriterFlags.AlignRight, ".....ab\n..aaaac\n")]
    [InlineData("abc", 0, 8, 1, ' ', TabWriterFlags.None, "abc")]
    public void AlignsColumnsLikeTextTabwriter(string input, int minWidth, int tabWidth, int padding, char padChar, TabWriterFlags flags, string expected)
    {
        Assert.Equal(expected, TabWriter.Format(input, minWidth, tabWidth, padding, padChar, flags));
    }

    [Fact]
    public void OneCellLineEndsTheColumnBlock()
    {
        // "xxxxxx" has no tab, so "a" and "ccc" are in different blocks and not aligned together.
        Assert.Equal("a b\nxxxxxx\nccc d\n", TabWriter.Format("a\tb\nxxxxxx\nccc\td\n", 0, 8, 1, ' ', TabWriterFlags.None));
    }

    [Fact]
    public void FormFeedEndsTheColumnBlock()
    {
        Assert.Equal("a b\nccc d\n", TabWriter.Format("a\tb\fccc\td\n", 0, 8, 1, ' ', TabWriterFlags.None));
    }

    [Fact]
    public void WidthsCountRunesNotBytes()
    {
        Assert.Equal("äö b\naa c\n", TabWriter.Format("äö\tb\naa\tc\n", 0, 8, 1, ' ', TabWriterFlags.None));
    }

    [Fact]
    public void EscapedTextIsOneOpaqueRunWhoseEscapesHaveNoWidth()
    {
        byte[] input = [0xFF, (byte)'a', (byte)'\t', (byte)'b', 0xFF, (byte)'\t', (byte)'c', (byte)'\n', (byte)'d', (byte)'\t', (byte)'e', (byte)'\n'];
        byte[] expected = [0xFF, (byte)'a', (byte)'\t', (byte)'b', 0xFF, (byte)' ', (byte)'c', (byte)'\n', (byte)'d', (byte)' ', (byte)' ', (byte)' ', (byte)'e', (byte)'\n'];
        Assert.Equal(expected, TabWriter.Format(input, 0, 8, 1, (byte)' ', TabWriterFlags.None));
    }

    [Fact]
    public void StripEscapeRemovesTheEscapeBytes()
    {
        byte[] input = [0xFF, (byte)'a', (byte)'\t', 0xFF, (byte)'\t', (byte)'c', (byte)'\n'];
        Assert.Equal("a\t c\n"u8.ToArray(), TabWriter.Format(input, 0, 8, 1, (byte)' ', TabWriterFlags.StripEscape));
    }
}
