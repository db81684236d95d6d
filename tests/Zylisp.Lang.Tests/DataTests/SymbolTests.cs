using Zylisp.Lang.Data;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests.DataTests;

/// <summary>
/// Symbols keep a one-line span inline and any other span as an object; both must give back
/// exactly the span they were given.
/// </summary>
public class SymbolTests
{
    [Theory]
    [InlineData(3, 5, 3, 9, 40, 44)] // one line: stored inline
    [InlineData(3, 5, 4, 2, 40, 47)] // crosses a line: stored as is
    [InlineData(1, 1, 1, 9, 0, 3)] // columns disagree with offsets (a host-built span): stored as is
    [InlineData(0, 0, 0, 0, 0, 0)] // a span that came from no source text
    public void WithSpan_gives_back_the_same_span(int line, int column, int endLine, int endColumn, int start, int end)
    {
        var span = new SourceSpan("f.zl", line, column, endLine, endColumn, start, end);
        var symbol = Symbol.Of("ns", "name").WithSpan(span);
        Assert.Equal(span, symbol.Span);
        Assert.Equal(Symbol.Of("ns", "name"), symbol);
        Assert.Equal(Symbol.Of("ns", "name").GetHashCode(), symbol.GetHashCode());
        Assert.Null(symbol.WithSpan(null).Span);
    }

    [Fact]
    public void Reader_macro_symbols_span_their_prefix()
    {
        var form = Assert.IsAssignableFrom<PersistentList>(Reader.ReadAll("\n  ~@xs", "m.zl").Forms[0]);
        var unquoteSplicing = Assert.IsType<Symbol>(form.First);
        Assert.Equal(Symbol.Of("unquote-splicing"), unquoteSplicing);
        Assert.Equal(new SourceSpan("m.zl", 2, 3, 2, 5, 3, 5), unquoteSplicing.Span);
        Assert.Equal(new SourceSpan("m.zl", 2, 5, 2, 7, 5, 7), ((Symbol)form[1]!).Span);
        Assert.Equal(new SourceSpan("m.zl", 2, 3, 2, 7, 3, 7), form.Span);
    }
}
