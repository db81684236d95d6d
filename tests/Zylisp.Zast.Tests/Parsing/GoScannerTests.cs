using System.Text;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Parsing;

namespace Zylisp.Zast.Tests.Parsing;

public class GoScannerTests
{
    private sealed record Scanned(Token Tok, int Offset, int Line, string? Lit);

    private static (List<Scanned> Tokens, List<(int Offset, string Message)> Errors, TokenFile File) ScanAll(string source)
    {
        var bytes = Encoding.UTF8.GetBytes(source);
        var file = new FileSet().AddFile("s.go", -1, bytes.Length);
        var errors = new List<(int, string)>();
        var scanner = new GoScanner(file, bytes, new NameTable(), (offset, message) => errors.Add((offset, message)));
        var tokens = new List<Scanned>();
        do
        {
            scanner.Scan();
            tokens.Add(new Scanned(scanner.Tok, scanner.TokOffset, scanner.TokLine, scanner.Lit));
        }
        while (scanner.Tok != Token.Eof && tokens.Count < 1000);
        return (tokens, errors, file);
    }

    private static Token[] Kinds(string source) => ScanAll(source).Tokens.Select(t => t.Tok).ToArray();

    [Fact]
    public void OperatorsAndKeywords()
    {
        Assert.Equal(
            [Token.Ident, Token.Define, Token.Ident, Token.AndNotAssign, Token.Int, Token.Ellipsis, Token.Arrow,
             Token.ShlAssign, Token.Tilde, Token.Func, Token.Eof],
            Kinds("x := y &^= 1 ... <- <<= ~ func"));
    }

    [Fact]
    public void NewlineInsertsSemicolonOnlyAfterLineEndingTokens()
    {
        var (tokens, _, _) = ScanAll("x\n+\ny)\n");
        Assert.Equal([Token.Ident, Token.Semicolon, Token.Add, Token.Ident, Token.RParen, Token.Semicolon, Token.Eof], tokens.Select(t => t.Tok));
        Assert.Equal("\n", tokens[1].Lit);
        Assert.Equal(1, tokens[1].Offset); // at the newline
        Assert.Equal(2, tokens[2].Line);
    }

    [Fact]
    public void LineCommentKeepsThePendingSemicolonForTheNewline()
    {
        var (tokens, _, _) = ScanAll("x // c\ny");
        Assert.Equal([Token.Ident, Token.Comment, Token.Semicolon, Token.Ident, Token.Semicolon, Token.Eof], tokens.Select(t => t.Tok));
        Assert.Equal("// c", tokens[1].Lit);
        Assert.Equal(6, tokens[2].Offset);
    }

    [Fact]
    public void MultiLineBlockCommentIsFollowedBySemicolonAtItsFirstNewline()
    {
        var (tokens, _, _) = ScanAll("x /* a\nb */ y");
        Assert.Equal([Token.Ident, Token.Comment, Token.Semicolon, Token.Ident], tokens.Take(4).Select(t => t.Tok));
        Assert.Equal(6, tokens[2].Offset);
        Assert.Equal(1, tokens[2].Line);
        Assert.Equal(2, tokens[3].Line);
    }

    [Fact]
    public void CarriageReturnsAreStrippedFromRawStringsAndComments()
    {
        var (tokens, _, _) = ScanAll("`a\r\nb` // c\r\n/* d\r\n*/");
        Assert.Equal("`a\nb`", tokens[0].Lit);
        Assert.Equal("// c", tokens[1].Lit);
        Assert.Equal("/* d\n*/", tokens[3].Lit);
    }

    [Fact]
    public void LineTableIsFilledAsNewlinesArePassed()
    {
        var (_, _, file) = ScanAll("a\nbb\n\nc\n");
        Assert.Equal([0, 2, 5, 6], file.Lines);
    }

    [Fact]
    public void NumberLiterals()
    {
        var (tokens, errors, _) = ScanAll("0x1p-2 1e3 .5 1i 0b1_0 0o7 07 1_000.5");
        Assert.Equal([Token.Float, Token.Float, Token.Float, Token.Imag, Token.Int, Token.Int, Token.Int, Token.Float], tokens.Take(8).Select(t => t.Tok));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("0x", 2, "hexadecimal literal has no digits")]
    [InlineData("09", 1, "invalid digit '9' in octal literal")]
    [InlineData("1__0", 2, "'_' must separate successive digits")]
    [InlineData("0x1.0", 5, "hexadecimal mantissa requires a 'p' exponent")]
    [InlineData("1e", 2, "exponent has no digits")]
    [InlineData("\"abc", 0, "string literal not terminated")]
    [InlineData("'ab'", 0, "illegal rune literal")]
    [InlineData("'\\q'", 2, "unknown escape sequence")]
    [InlineData("\"\\xZZ\"", 3, "illegal character U+005A 'Z' in escape sequence")]
    [InlineData("\"\\uD800\"", 2, "escape sequence is invalid Unicode code point")]
    [InlineData("`abc", 0, "raw string literal not terminated")]
    [InlineData("/* abc", 0, "comment not terminated")]
    [InlineData("@", 0, "illegal character U+0040 '@'")]
    [InlineData("a\u0000", 1, "illegal character NUL")]
    [InlineData("a\u201C", 1, "curly quotation mark '\u201C' (use neutral '\"')")]
    public void ErrorsMatchGoScanner(string source, int offset, string message)
    {
        var (_, errors, _) = ScanAll(source);
        Assert.Contains((offset, message), errors);
    }

    [Fact]
    public void InvalidUtf8IsReportedOncePerByte()
    {
        var bytes = new byte[] { (byte)'"', 0xFF, 0xFE, (byte)'"' };
        var file = new FileSet().AddFile("s.go", -1, bytes.Length);
        var errors = new List<(int, string)>();
        var scanner = new GoScanner(file, bytes, new NameTable(), (offset, message) => errors.Add((offset, message)));
        scanner.Scan();
        Assert.Equal(Token.String, scanner.Tok);
        Assert.Equal([(1, "illegal UTF-8 encoding"), (2, "illegal UTF-8 encoding")], errors);
    }

    [Fact]
    public void UnicodeIdentifiersAreScannedWhole()
    {
        var (tokens, errors, _) = ScanAll("héllo_世界1 x");
        Assert.Empty(errors);
        Assert.Equal("héllo_世界1", tokens[0].Lit);
        Assert.Equal(Token.Ident, tokens[1].Tok);
        Assert.Equal(Encoding.UTF8.GetByteCount("héllo_世界1 "), tokens[1].Offset);
    }

    [Fact]
    public void LeadingByteOrderMarkIsSkipped()
    {
        var (tokens, errors, _) = ScanAll("\uFEFFpackage");
        Assert.Empty(errors);
        Assert.Equal(Token.Package, tokens[0].Tok);
        Assert.Equal(3, tokens[0].Offset);
    }
}
