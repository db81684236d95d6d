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
        Assert.Equal(200, limits.MaxMacroNesting);
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

    [Fact]
    public void Source_length_at_the_limit_reads_and_one_past_is_ZL1017()
    {
        var host = new LangTestHost(new RuntimeLimits { MaxSourceLength = 7 });
        Assert.Equal(3L, host.Eval("(+ 1 2)"));
        var error = host.Fails("(+ 1 2) ", DiagnosticIds.SourceTooLarge);
        Assert.Equal((1, 1), (error.Span!.Line, error.Span.Column));
    }

    [Fact]
    public void Reported_errors_at_the_limit_are_all_shown_and_one_past_is_counted()
    {
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null });
        var three = engine.Eval(") ) )", "three.zl").Diagnostics;
        var four = engine.Eval(") ) ) )", "four.zl").Diagnostics;
        var options = new DiagnosticFormatOptions { MaxErrors = 3, Terse = true };
        var formatter = new DiagnosticFormatter(engine.Sources, options);
        Assert.Equal(3, formatter.FormatAll(three).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var capped = formatter.FormatAll(four).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, capped.Length);
        Assert.Equal("... and 1 more error", capped[^1]);
    }

    [Fact]
    public void The_reported_error_limit_defaults_from_RuntimeLimits() =>
        Assert.Equal(new RuntimeLimits().MaxReportedErrors, new DiagnosticFormatOptions().MaxErrors);

    [Fact]
    public void Excerpts_at_the_width_are_whole_and_one_past_are_cut_around_the_caret()
    {
        var whole = DiagnosticFormatter.Window(new string('x', 10), 4, 5, 10);
        Assert.Equal((new string('x', 10), 4, 5), whole);
        var line = new string('a', 50) + "B" + new string('c', 50);
        var (shown, column, end) = DiagnosticFormatter.Window(line, 50, 51, 20);
        Assert.StartsWith("...", shown, StringComparison.Ordinal);
        Assert.EndsWith("...", shown, StringComparison.Ordinal);
        Assert.Equal('B', shown[column]);
        Assert.Equal(column + 1, end);
        Assert.Equal(26, shown.Length);
    }

    [Fact]
    public void Call_depth_at_the_limit_runs_and_one_past_is_ZL5005()
    {
        var host = new LangTestHost(new RuntimeLimits { MaxCallDepth = 50 });
        host.Eval("(defn down [n] (if (= n 0) 0 (+ 1 (down (dec n)))))");
        Assert.Equal(49L, host.Eval("(down 49)"));
        host.Fails("(down 50)", DiagnosticIds.StackOverflow);
    }

    [Fact]
    public void Read_depth_at_the_limit_reads_and_one_past_is_ZL1010()
    {
        var host = new LangTestHost(new RuntimeLimits { MaxReadDepth = 5 });
        Assert.Equal("[[[[[]]]]]", host.Show("'[[[[[]]]]]"[1..]));
        host.Fails("[[[[[[]]]]]]", DiagnosticIds.NestingTooDeep);
    }

    [Fact]
    public void Macro_expansions_at_the_limit_expand_and_one_past_is_ZL2001()
    {
        var host = new LangTestHost(new RuntimeLimits { MaxMacroExpansions = 3 });
        host.Eval("(defmacro one [x] x)");
        Assert.Equal(1L, host.Eval("(+ (one 1) (one 0) (one 0))"));
        host.Fails("(+ (one 1) (one 0) (one 0) (one 0))", DiagnosticIds.MacroExpansionLimit);
    }

    [Fact]
    public void Macro_nesting_at_the_limit_expands_and_one_past_is_an_error()
    {
        var host = new LangTestHost(new RuntimeLimits { MaxMacroNesting = 3 });
        host.Eval("(defmacro m [n] (if (> n 0) (eval (list 'm (dec n))) n))");
        Assert.Equal(0L, host.Eval("(m 2)"));
        var error = host.Fails("(m 3)", DiagnosticIds.MacroFailed);
        Assert.Contains("limit of 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expansion_size_at_the_limit_expands_and_one_past_is_ZL2011()
    {
        // (+ 1 2) is four new nodes: the list and its three items.
        var atLimit = new LangTestHost(new RuntimeLimits { MaxExpansionSize = 4 });
        atLimit.Eval("(defmacro three [] '(+ 1 2))");
        Assert.Equal(3L, atLimit.Eval("(three)"));
        var past = new LangTestHost(new RuntimeLimits { MaxExpansionSize = 3 });
        past.Eval("(defmacro three [] '(+ 1 2))");
        past.Fails("(three)", DiagnosticIds.ExpansionTooLarge);
    }

    [Fact]
    public void Form_depth_at_the_limit_expands_and_one_past_is_ZL2010()
    {
        // (nest 12) is twelve nested lists (inc (inc ... 0)); the defmacro itself nests less.
        var host = new LangTestHost(new RuntimeLimits { MaxFormDepth = 12 });
        host.Eval("(defmacro nest [n] (reduce (fn [f _] (list 'inc f)) 0 (range n)))");
        Assert.Equal(12L, host.Eval("(nest 12)"));
        host.Fails("(nest 13)", DiagnosticIds.FormTooDeep);
    }
}
