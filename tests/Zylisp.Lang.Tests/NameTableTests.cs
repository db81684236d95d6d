using Zylisp.Lang.Data;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

public class NameTableTests
{
    [Fact]
    public void Returns_one_string_per_name_with_the_symbol_hash_across_growth()
    {
        var table = new NameTable();
        var first = Enumerable.Range(0, 5000).Select(i => table.Intern(("name-" + i).AsSpan())).ToList();
        for (int i = 0; i < 5000; i++)
        {
            var again = table.Intern(("name-" + i).AsSpan());
            Assert.Same(first[i].Name, again.Name);
            Assert.Equal("name-" + i, again.Name);
            Assert.Equal(Symbol.Of("name-" + i).GetHashCode(), Symbol.Of(null, again.Name).GetHashCode());
        }
    }

    [Fact]
    public void Symbols_read_and_built_hash_alike()
    {
        var read = Assert.IsType<Symbol>(Reader.ReadAll("fmt/Println", "t.zl").Forms[0]);
        Assert.Equal(Symbol.Of("fmt", "Println").GetHashCode(), read.GetHashCode());
        Assert.Equal(read.GetHashCode(), read.WithSpan(null).GetHashCode());
    }

    [Fact]
    public void One_symbol_identity_per_token_across_growth()
    {
        var table = new NameTable();
        var first = Enumerable.Range(0, 3000).Select(i => Intern(table, i % 2 == 0 ? "n" + i : "ns" + i + "/n" + i)).ToList();
        for (int i = 0; i < 3000; i++)
        {
            string token = i % 2 == 0 ? "n" + i : "ns" + i + "/n" + i;
            var again = Intern(table, token);
            Assert.Same(first[i], again);
            Assert.Equal(Symbol.Of(token).GetHashCode(), again.Hash);
            Assert.Equal(i % 2 == 0 ? null : "ns" + i, again.Namespace);
            Assert.Equal("n" + i, again.Name);
        }

        // The parts of a qualified token are interned as names too: "n1" is shared with "ns1/n1".
        Assert.Same(Intern(table, "ns1/n1").Name, table.Intern("n1").Name);
    }

    [Fact]
    public void Occurrences_of_a_name_are_equal_but_keep_their_own_spans()
    {
        var forms = Reader.ReadAll("x fmt/x x", "t.zl").Forms.Cast<Symbol>().ToList();
        Assert.Equal(forms[0], forms[2]);
        Assert.NotEqual(forms[0], forms[1]);
        Assert.Equal((1, 9, 8), (forms[2].Span!.Line, forms[2].Span!.Column, forms[2].Span!.StartOffset));
        Assert.Equal(1, forms[0].Span!.Column);
        Assert.Equal(Symbol.Of("fmt/x"), forms[1]);
    }

    private static SymbolName Intern(NameTable table, string token)
    {
        int slash = token.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? table.InternSymbol(token, default, token)
            : table.InternSymbol(token, token.AsSpan(0, slash), token.AsSpan(slash + 1));
    }
}
