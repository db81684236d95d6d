using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Printing;

namespace Zylisp.Lang.Tests.Hardening;

/// <summary>
/// Issue 15, "Limits": every limit in <see cref="RuntimeLimits"/> has a documented default and
/// holds at its value and one past it.
/// </summary>
public class RuntimeLimitsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var limits = new RuntimeLimits();
        Assert.Equal(10_000, limits.MaxCallDepth);
        Assert.Equal(1_000, limits.MaxReadDepth);
        Assert.Equal(100_000, limits.MaxMacroExpansions);
        Assert.Equal(1_000_000, limits.MaxExpansionSize);
        Assert.Equal(10_000, limits.MaxFormDepth);
        Assert.Equal(10_000, limits.MaxPrintDepth);
        Assert.Equal(1_000_000, limits.MaxPrintLength);
        Assert.Equal(64 * 1024 * 1024, limits.MaxSourceLength);
        Assert.Equal(20, limits.MaxReportedErrors);
        Assert.Equal(0, limits.MaxMemoryBytes);
    }

    private static object? Nest(int depth)
    {
        object? v = 1L;
        for (int i = 0; i < depth; i++)
        {
            v = PersistentList.Create([v]);
        }

        return v;
    }

    [Fact]
    public void Print_depth_at_the_limit_prints_whole_and_one_past_prints_a_hash()
    {
        var limits = new RuntimeLimits { MaxPrintDepth = 3 };
        Assert.Equal("(((1)))", Printer.PrStr(Nest(3), limits));
        Assert.Equal("(((#)))", Printer.PrStr(Nest(4), limits));
    }

    [Fact]
    public void Print_length_at_the_limit_prints_whole_and_one_past_ends_in_dots()
    {
        var limits = new RuntimeLimits { MaxPrintLength = 3 };
        Assert.Equal("[1 2 3]", Printer.PrStr(PersistentVector.CreateRange([1L, 2L, 3L]), limits));
        Assert.Equal("[1 2 3 ...]", Printer.PrStr(PersistentVector.CreateRange([1L, 2L, 3L, 4L]), limits));
        var map = PersistentMap.Empty.Assoc(1L, 2L).Assoc(3L, 4L);
        Assert.Equal("{1 2, 3 4}", Printer.PrStr(map, new RuntimeLimits { MaxPrintLength = 2 }));
        Assert.Equal("{1 2, ...}", Printer.PrStr(map, new RuntimeLimits { MaxPrintLength = 1 }));
    }

    [Fact]
    public void Print_limits_reach_the_core_printing_functions()
    {
        var host = new LangTestHost(new RuntimeLimits { MaxPrintLength = 2, MaxPrintDepth = 2 });
        Assert.Equal("\"(0 1 ...)\"", host.Show("(pr-str (range 5))"));
        Assert.Equal("\"[[#]]\"", host.Show("(str [[[1]]])"));
        host.Eval("(println [1 2 3])");
        Assert.Equal("[1 2 ...]\n", host.Out.ToString());
    }
}
