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
}
