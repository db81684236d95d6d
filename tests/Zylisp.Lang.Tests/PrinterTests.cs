using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

public class PrinterTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(100.0, "100.0")]
    [InlineData(123.456, "123.456")]
    [InlineData(1e20, "100000000000000000000.0")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.2e-7, "1.2e-7")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(0.000123, "0.000123")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(123456789012345680000.0, "123456789012345680000.0")]
    [InlineData(double.NaN, "##NaN")]
    [InlineData(double.PositiveInfinity, "##Inf")]
    [InlineData(double.NegativeInfinity, "##-Inf")]
    public void Floats_follow_the_documented_rule(double value, string expected) =>
        Assert.Equal(expected, Printer.PrStr(value));

    [Fact]
    public void Prints_scalars()
    {
        Assert.Equal("nil", Printer.PrStr(null));
        Assert.Equal("true", Printer.PrStr(true));
        Assert.Equal("-42", Printer.PrStr(-42L));
        Assert.Equal(":k", Printer.PrStr(Keyword.Of("k")));
        Assert.Equal(":ns/k", Printer.PrStr(Keyword.Of("ns/k")));
        Assert.Equal("fmt/Println", Printer.PrStr(Symbol.Of("fmt/Println")));
    }

    [Fact]
    public void Strings_are_escaped_only_when_readable()
    {
        Assert.Equal("\"a\\nb \\\"q\\\" \\\\ \\u0001\"", Printer.PrStr("a\nb \"q\" \\ \u0001"));
        Assert.Equal("a\nb", Printer.Str("a\nb"));
        Assert.Equal("😀", Printer.PrStr("😀")[1..^1]);
        Assert.Equal("\"\\uD800\"", Printer.PrStr("\uD800"));
    }

    [Fact]
    public void Collections_print_in_insertion_order()
    {
        Assert.Equal("{:a 1, :b 2}", Printer.PrStr(PersistentMap.Create(Keyword.Of("a"), 1L, Keyword.Of("b"), 2L)));
        Assert.Equal("#{2 1}", Printer.PrStr(PersistentSet.Create(2L, 1L)));
        Assert.Equal("(1 [2 \"x\"])", Printer.PrStr(PersistentList.Create(1L, PersistentVector.Create(2L, "x"))));
        Assert.Equal("()", Printer.PrStr(PersistentList.Empty));
        Assert.Equal("{}", Printer.PrStr(PersistentMap.Empty));
    }

    [Fact]
    public void Str_and_PrintStr_differ_on_nested_strings_and_nil()
    {
        var v = PersistentVector.Create("a", null);
        Assert.Equal("[\"a\" nil]", Printer.Str(v));
        Assert.Equal("[a nil]", Printer.PrintStr(v));
        Assert.Equal(string.Empty, Printer.Str(null));
        Assert.Equal("nil", Printer.PrintStr(null));
    }

    [Fact]
    public void Atoms_and_host_objects_print_without_crashing()
    {
        Assert.Equal("#<atom 1>", Printer.PrStr(new Atom(1L)));
        Assert.Equal("#<Object>", Printer.PrStr(new object()));
    }

    [Theory]
    [InlineData("(quote x)")]
    [InlineData("{:a [1 2.5 \"s\\n\"], nil #{:x}}")]
    [InlineData("[##NaN ##-Inf 1e+21 -0.0]")]
    [InlineData("(fmt/Println -main ->> x# *1 &)")]
    public void Printing_read_text_gives_the_same_text(string text)
    {
        var form = Assert.Single(Reader.ReadAll(text, "t.zl").Forms);
        Assert.Equal(text, Printer.PrStr(form));
    }
}

public class SlispStrTests
{
    [Fact]
    public void Map_keys_are_readable_values_displayed_and_entries_sorted()
    {
        var map = PersistentMap.Create("b", "x", Keyword.Of("a"), 1L);
        Assert.Equal("{\"b\" x :a 1}", Printer.SlispStr(map));
    }

    [Fact]
    public void Sets_are_sorted_by_readable_text_without_commas()
    {
        Assert.Equal("#{\"a\" 1 2 :k}", Printer.SlispStr(PersistentSet.Create(2L, Keyword.Of("k"), "a", 1L)));
    }

    [Fact]
    public void Vectors_and_lists_display_their_elements()
    {
        Assert.Equal("[a 1 nil {:k v}]", Printer.SlispStr(PersistentVector.Create("a", 1L, null, PersistentMap.Create(Keyword.Of("k"), "v"))));
        Assert.Equal("(x 2.0)", Printer.SlispStr(PersistentList.Create("x", 2.0)));
    }

    [Fact]
    public void Top_level_strings_and_nil()
    {
        Assert.Equal("plain", Printer.SlispStr("plain"));
        Assert.Equal(string.Empty, Printer.SlispStr(null));
    }

    [Fact]
    public void Nested_keys_are_rendered_readably_all_the_way_down()
    {
        var map = PersistentMap.Create(PersistentVector.Create("k"), PersistentVector.Create("v"));
        Assert.Equal("{[\"k\"] [v]}", Printer.SlispStr(map));
    }
}
