using System.Text;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Parsing;

namespace Zylisp.Zast.Tests.Parsing;

public class NameTableTests
{
    [Fact]
    public void RepeatedAsciiNamesAreOneString()
    {
        var table = new NameTable();
        var first = table.Get("err"u8, out var token);
        var second = table.Get(Encoding.UTF8.GetBytes("xerr").AsSpan(1), out _);
        Assert.Equal(Token.Ident, token);
        Assert.Equal("err", first);
        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("func", Token.Func)]
    [InlineData("range", Token.Range)]
    [InlineData("fallthrough", Token.Fallthrough)]
    [InlineData("Func", Token.Ident)]
    [InlineData("iota", Token.Ident)]
    public void KeywordsAreClassifiedInTheSameLookup(string name, Token expected)
    {
        var text = new NameTable().Get(Encoding.UTF8.GetBytes(name), out var token);
        Assert.Equal(name, text);
        Assert.Equal(expected, token);
    }

    [Fact]
    public void NonAsciiNamesDecodeAsUtf8()
    {
        Assert.Equal("größe", new NameTable().Get(Encoding.UTF8.GetBytes("größe"), out var token));
        Assert.Equal(Token.Ident, token);
    }
}
