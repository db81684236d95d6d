using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Tests.Ast;

public class TokenTests
{
    [Fact]
    public void EveryTokenRoundTripsThroughItsGoName()
    {
        foreach (var token in Enum.GetValues<Token>())
        {
            Assert.True(TokenInfo.TryParseGoName(token.GoName(), out var parsed), token.ToString());
            Assert.Equal(token, parsed);
        }
    }

    [Theory]
    [InlineData(Token.AndNot, "AND_NOT", "&^")]
    [InlineData(Token.Define, "DEFINE", ":=")]
    [InlineData(Token.Fallthrough, "FALLTHROUGH", "fallthrough")]
    [InlineData(Token.Tilde, "TILDE", "~")]
    public void NamesAndSpellingsFollowGoToken(Token token, string goName, string text)
    {
        Assert.Equal(goName, token.GoName());
        Assert.Equal(text, token.Text());
    }

    [Fact]
    public void KeywordsAreLookedUpAndOtherIdentifiersAreNot()
    {
        Assert.Equal(Token.Func, TokenInfo.Lookup("func"));
        Assert.Equal(Token.Ident, TokenInfo.Lookup("function"));
        Assert.Equal(5, Token.AndNot.Precedence());
        Assert.Equal(1, Token.LOr.Precedence());
        Assert.Equal(0, Token.Assign.Precedence());
    }
}
