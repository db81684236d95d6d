using Zylisp.Zast.Writing;

namespace Zylisp.Zast.Tests.Writing;

public class GoStringTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("\a\b\f\n\r\t\v", "\"\\a\\b\\f\\n\\r\\t\\v\"")]
    [InlineData("\u0000\u001b\u007f", "\"\\x00\\x1b\\x7f\"")]
    [InlineData("héllo, 世界 😀", "\"héllo, 世界 😀\"")]
    [InlineData("\u0085\u2028", "\"\u0085\u2028\"")]
    public void QuotesLikeTheGoOracle(string value, string expected) =>
        Assert.Equal(expected, GoString.Quote(value));

    [Fact]
    public void LoneSurrogatesBecomeTheReplacementCharacter() =>
        Assert.Equal("\"a\uFFFDb\"", GoString.Quote("a\uD800b"));
}
