using Zylisp.Zast.Diagnostics;

namespace Zylisp.Zast.Tests.Hardening;

/// <summary>Issue 15 items 2 and 3 for the zast tools.</summary>
public class ZastHardeningTests
{
    private static string NestedBlocks(int depth) => "package main\nfunc main() " + new string('{', depth) + new string('}', depth) + "\n";

    /// <summary>Issue 15 item 2: `zast from-go` on 20,000 nested blocks aborted (rc 134); now a located error.</summary>
    [Fact]
    public void From_go_past_the_nesting_limit_is_a_located_error()
    {
        var result = ZastTool.FromGo(NestedBlocks(20_000), "deep.go");
        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(2, error.Location.Line);
    }

    /// <summary>Issue 15 item 2: at the Go nesting limit it works, and one past it is the error.</summary>
    [Fact]
    public void From_go_at_the_nesting_limit_works_and_one_past_fails()
    {
        // As in go/parser, the error comes once the nesting level passes the limit; blocks inside
        // a function body reach level limit + 1 with limit + 1 of them.
        int limit = ZastOptions.Default.MaxGoNestingDepth;
        var atLimit = ZastTool.FromGo(NestedBlocks(limit + 1), "at.go");
        Assert.True(atLimit.Success);
        Assert.False(ZastTool.FromGo(NestedBlocks(limit + 2), "past.go").Success);

        // What from-go accepts, the zast reader accepts back.
        Assert.True(ZastTool.Validate(atLimit.Output, "at.zast").Success);
    }

    /// <summary>Issue 15 item 2: 10,000 nested nodes wrote 400 MB; indentation now stops growing, so output is linear.</summary>
    [Fact]
    public void Pretty_output_grows_linearly_with_depth()
    {
        var small = ZastTool.FromGo(NestedBlocks(200), "a.go").Output.Length;
        var large = ZastTool.FromGo(NestedBlocks(800), "b.go").Output.Length;
        Assert.True(large < small * 6, $"200 levels: {small} characters, 800 levels: {large}");
    }

    /// <summary>Issue 15 item 2: zast text nested past the reader's depth is an error, not a crash.</summary>
    [Fact]
    public void Zast_nested_past_the_depth_limit_is_an_error()
    {
        int depth = ZastOptions.Default.MaxDepth + 1;
        var result = ZastTool.Format(new string('(', depth) + new string(')', depth), "deep.zast");
        Assert.False(result.Success);
    }

    /// <summary>Issue 15 item 3: 100,000 stray ')' gave 4.4 GB and an internal error; the report is now capped and cut.</summary>
    [Fact]
    public void Many_errors_on_one_long_line_give_a_short_report()
    {
        var text = new string(')', 100_000);
        var result = ZastTool.Validate(text, "stray.zast");
        var report = new ZastDiagnosticFormatter("stray.zast", text).FormatAll(result.Diagnostics);
        Assert.True(report.Length < 10_000, $"{report.Length} characters");
        Assert.EndsWith("more errors\n", report, StringComparison.Ordinal);
    }

    /// <summary>Issue 15 item 3: at the error cap every error is shown, one past it the last is counted.</summary>
    [Fact]
    public void The_error_cap_holds_at_and_one_past_the_limit()
    {
        var text = new string(')', 4);
        var diagnostics = ZastTool.Validate(text, "s.zast").Diagnostics;
        var formatter = new ZastDiagnosticFormatter("s.zast", text);
        Assert.DoesNotContain("more error", formatter.FormatAll(diagnostics, excerpt: false, maxErrors: diagnostics.Count), StringComparison.Ordinal);
        Assert.EndsWith("... and 1 more error\n", formatter.FormatAll(diagnostics, excerpt: false, maxErrors: diagnostics.Count - 1), StringComparison.Ordinal);
    }
}
