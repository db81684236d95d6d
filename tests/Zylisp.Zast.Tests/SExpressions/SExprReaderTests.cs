using Zylisp.Zast.Diagnostics;
using Zylisp.Zast.SExpressions;

namespace Zylisp.Zast.Tests.SExpressions;

public class SExprReaderTests
{
    [Fact]
    public void ReadsListsSymbolsKeywordsStringsAndIntegers()
    {
        var result = SExprReader.Read("(Ident :namepos 9 :name \"main\") ; comment\nnil -3");
        Assert.True(result.Success);
        Assert.Equal(3, result.Forms.Count);
        var list = Assert.IsType<SList>(result.Forms[0]);
        Assert.Equal("Ident", Assert.IsType<SSymbol>(list.Items[0]).Name);
        Assert.Equal("namepos", Assert.IsType<SKeyword>(list.Items[1]).Name);
        Assert.Equal(9, Assert.IsType<SInteger>(list.Items[2]).Value);
        Assert.Equal("main", Assert.IsType<SString>(list.Items[4]).Value);
        Assert.Equal(new SourceLocation("<zast>", 2, 1), result.Forms[1].Location);
        Assert.Equal(-3, Assert.IsType<SInteger>(result.Forms[2]).Value);
    }

    [Theory]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"\\a\\b\\f\\n\\r\\t\\v\\\\\"", "\a\b\f\n\r\t\v\\")]
    [InlineData("\"\\x41\\101\\u00e9\\U0001F600\"", "AAé😀")]
    [InlineData("\"世界\"", "世界")]
    public void DecodesGoEscapes(string text, string expected)
    {
        var result = SExprReader.Read(text);
        Assert.True(result.Success);
        Assert.Equal(expected, Assert.IsType<SString>(Assert.Single(result.Forms)).Value);
    }

    [Theory]
    [InlineData("\"\\q\"", ZastDiagnosticCatalog.InvalidEscape)]
    [InlineData("\"\\xff\"", ZastDiagnosticCatalog.InvalidEscape)]
    [InlineData("\"\\ud800\"", ZastDiagnosticCatalog.InvalidEscape)]
    [InlineData("\"open", ZastDiagnosticCatalog.UnterminatedString)]
    [InlineData("99999999999999999999", ZastDiagnosticCatalog.IntegerOutOfRange)]
    [InlineData(": x", ZastDiagnosticCatalog.EmptyKeyword)]
    [InlineData(")", ZastDiagnosticCatalog.UnexpectedCloser)]
    public void ReportsBadTokensWithoutThrowing(string text, string id)
    {
        var result = SExprReader.Read(text);
        Assert.Equal(id, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void UnclosedListIsClosedAtEndAndReportedWhereItOpened()
    {
        var result = SExprReader.Read("(a\n  (b c)\n  (d", "x.zast");
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(ZastDiagnosticCatalog.UnclosedList, d.Id));
        Assert.Equal(new SourceLocation("x.zast", 3, 3), result.Diagnostics[0].Location);
        Assert.Equal(new SourceLocation("x.zast", 1, 1), result.Diagnostics[1].Location);
        var outer = Assert.IsType<SList>(Assert.Single(result.Forms));
        Assert.Equal(3, outer.Items.Count);
    }

    [Fact]
    public void DeepNestingIsADiagnosticNotAStackOverflow()
    {
        var text = new string('(', 300_000) + new string(')', 300_000);
        var result = SExprReader.Read(text);
        Assert.Contains(result.Diagnostics, d => d.Id == ZastDiagnosticCatalog.TooDeep);
    }
}
