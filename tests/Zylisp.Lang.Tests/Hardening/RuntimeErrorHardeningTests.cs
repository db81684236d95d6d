using System.Text.RegularExpressions;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests.Hardening;

/// <summary>Issue 15: run-time errors that were internal errors, raw .NET text, or lost.</summary>
public partial class RuntimeErrorHardeningTests
{
    private readonly LangTestHost host = new();

    /// <summary>Issue 15 item 11: a throw inside a sort comparator became internal error ZL5013.</summary>
    [Fact]
    public void A_throw_in_a_sort_comparator_is_the_thrown_value() =>
        Assert.Equal("\"boom\"", host.Show("(try (sort (fn [a b] (throw (ex-info \"boom\" {}))) [3 1 2]) (catch :default e (ex-message e)))"));

    /// <summary>Issue 15 item 11: sort-by too (it calls back through the prelude).</summary>
    [Fact]
    public void A_throw_in_a_sort_by_key_function_is_the_thrown_value() =>
        Assert.Equal("\"k\"", host.Show("(try (sort-by (fn [x] (throw (ex-info \"k\" {:k x}))) [1 2]) (catch :default e (ex-message e)))"));

    /// <summary>Issue 15 item 11: comparing 1 with "a" is the documented :type-error, catchable by type.</summary>
    [Fact]
    public void Sorting_incomparable_values_is_a_type_error()
    {
        Assert.Equal(":caught", host.Show("(try (sort [1 \"a\"]) (catch :type-error e :caught))"));
        Assert.Equal(DiagnosticIds.WrongType, host.Fails("(sort [1 \"a\"])", DiagnosticIds.WrongType).Id);
    }

    /// <summary>Issue 15 item 11: an interrupt during a comparator stays an interrupt.</summary>
    [Fact]
    public void An_interrupt_during_a_comparator_stays_an_interrupt()
    {
        using var cts = new CancellationTokenSource();
        host.Engine.SetGlobal("cancel!", new Runtime.Builtin("cancel!", 0, 0, "", "", (_, _) =>
        {
            cts.Cancel();
            return null;
        }));
        var result = host.Engine.Eval("(defn slow [a b] (cancel!) (loop [i 0] (if (< i 1000000) (recur (inc i)) (compare a b)))) (sort slow (range 100))", "t.zl", cts.Token);
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.Interrupted);
    }

    /// <summary>The sort stays stable.</summary>
    [Fact]
    public void Sort_is_stable() =>
        Assert.Equal("([1 :a] [1 :b] [1 :c] [2 :a])", host.Show("(sort-by first [[2 :a] [1 :a] [1 :b] [1 :c]])"));

    /// <summary>Issue 15 item 13: these gave raw .NET messages under the name `&lt;core&gt;`.</summary>
    [Theory]
    [InlineData("(range 0 10 0)", "`range`")] // (repeat 9223372036854775807 1) was here; repeat is lazy since issue 13
    [InlineData("(from-char-code 1114112)", "`from-char-code`")]
    [InlineData("(from-char-code -1)", "`from-char-code`")]
    public void Bad_arguments_are_reported_in_Zylisp_terms(string source, string named)
    {
        var error = host.Fails(source, DiagnosticIds.BadArgument);
        Assert.StartsWith(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Issue 15 item 13: lone surrogates are code units, as in Clojure, not .NET errors.</summary>
    [Fact]
    public void Lone_surrogates_round_trip_through_char_code()
    {
        Assert.Equal("55296", host.Show("(char-code \"\\ud800\")"));
        Assert.Equal("55296", host.Show("(char-code (from-char-code 55296))"));
        Assert.Equal("128512", host.Show("(char-code (from-char-code 128512))"));
    }

    /// <summary>Issue 15 item 13: no message or help in the catalogue keeps an unfilled {n} once its arguments are given.</summary>
    [Fact]
    public void No_diagnostic_text_has_an_unfilled_placeholder()
    {
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            int count = Placeholder().Matches(descriptor.MessageFormat).Concat(Placeholder().Matches(descriptor.Help ?? ""))
                .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
            var args = Enumerable.Range(0, count).Select(i => (object?)("arg" + i)).ToArray();
            var diagnostic = Diagnostic.Create(descriptor.Id, null, args);
            Assert.DoesNotMatch(Placeholder(), diagnostic.Message);
            Assert.DoesNotMatch(Placeholder(), diagnostic.Help ?? "");
        }
    }

    /// <summary>Issue 15 item 13: ZL3001's help printed "See (doc {0})".</summary>
    [Fact]
    public void The_malformed_special_form_help_names_the_form()
    {
        var error = host.Fails("(if)", DiagnosticIds.MalformedSpecialForm);
        Assert.Equal("See (doc if) for the shape this form takes.", error.Help);
    }

    /// <summary>Issue 15 item 5: a memory bomb past the limit is ZL5014, an ordinary catchable error, and the engine keeps its definitions.</summary>
    [Fact]
    public void A_memory_bomb_is_an_out_of_memory_error_and_definitions_survive()
    {
        var limited = new LangTestHost(new RuntimeLimits { MaxMemoryBytes = 1 });
        limited.Eval("(def kept 42)");
        var error = limited.Fails("(loop [v []] (recur (conj v (range 100))))", DiagnosticIds.OutOfMemory);
        Assert.NotNull(error.Span);
        Assert.Equal(":caught", limited.Show("(try (loop [v []] (recur (conj v 1))) (catch :out-of-memory e :caught))"));
        Assert.Equal(42L, limited.Eval("kept"));
    }

    /// <summary>Issue 15 item 5: under a generous limit the same kind of program completes.</summary>
    [Fact]
    public void Under_the_memory_limit_a_program_runs() =>
        Assert.Equal("100000", new LangTestHost(new RuntimeLimits { MaxMemoryBytes = long.MaxValue }).Show("(count (loop [v [] i 0] (if (< i 100000) (recur (conj v i) (inc i)) v)))"));

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
