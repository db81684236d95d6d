using Zylisp.Lang.Data;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests.DataTests;

/// <summary>Only a list's head carries a span; these pin what WithSpan and the reader give back.</summary>
public class PersistentListTests
{
    [Fact]
    public void WithSpan_gives_back_the_span_and_keeps_the_elements()
    {
        var span = new SourceSpan("f.zl", 2, 3, 4, 5, 10, 30);
        var list = PersistentList.Create(1L, 2L, 3L).WithSpan(span);
        Assert.Equal(span, list.Span);
        Assert.Equal(PersistentList.Create(1L, 2L, 3L), list);
        Assert.Equal(3, list.Count);
        Assert.Null(list.Rest.Span);
        Assert.Null(list.WithSpan(null).Span);
        Assert.Equal(list, list.WithSpan(null));
        Assert.Equal(span, PersistentList.Empty.WithSpan(span).Span);
        Assert.Null(PersistentList.Empty.Span);
    }

    [Fact]
    public void Cons_onto_a_read_list_has_no_span_and_shares_the_tail()
    {
        var read = Assert.IsAssignableFrom<PersistentList>(Reader.ReadAll("(a b)", "f.zl").Forms[0]);
        Assert.Equal(new SourceSpan("f.zl", 1, 1, 1, 6, 0, 5), read.Span);
        var longer = read.Cons(Symbol.Of("z"));
        Assert.Null(longer.Span);
        Assert.Same(read, longer.Rest);
        Assert.Equal(new SourceSpan("f.zl", 1, 1, 1, 3, 0, 2), Assert.IsAssignableFrom<PersistentList>(Reader.ReadAll("()", "f.zl").Forms[0]).Span);
    }
}
