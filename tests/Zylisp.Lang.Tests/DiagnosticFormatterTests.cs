using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

public class DiagnosticFormatterTests
{
    private static (Diagnostic Diagnostic, SourceRegistry Sources) ReadFirstError(string text)
    {
        var sources = new SourceRegistry();
        sources.Add("t.zl", text);
        var result = Reader.ReadAll(text, "t.zl");
        return (result.Diagnostics[0], sources);
    }

    [Fact]
    public void Header_excerpt_and_caret_point_at_the_span()
    {
        var (diagnostic, sources) = ReadFirstError("(a))\n");
        string[] lines = new DiagnosticFormatter(sources).Format(diagnostic).Split('\n');
        Assert.StartsWith("t.zl:1:4: error: ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("[ZL1001]", lines[0], StringComparison.Ordinal);
        Assert.Equal(" 1 | (a))", lines[1]);
        Assert.Equal("   |    ^", lines[2]);
        Assert.StartsWith("  help: ", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Underline_covers_the_whole_token()
    {
        var (diagnostic, sources) = ReadFirstError("(+ 1abc 2)");
        string[] lines = new DiagnosticFormatter(sources).Format(diagnostic).Split('\n');
        Assert.Equal("   |    ^~~~", lines[2]);
    }

    [Fact]
    public void Unclosed_form_shows_where_the_input_ended()
    {
        var (diagnostic, sources) = ReadFirstError("\t(defn f []\n  1");
        string text = new DiagnosticFormatter(sources).Format(diagnostic);
        string[] lines = text.Split('\n');
        Assert.StartsWith("t.zl:1:2: error: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("   | \t^", lines[2]);
        Assert.StartsWith("t.zl:2:4: note: input ends here", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Terse_output_has_only_header_lines()
    {
        var (diagnostic, sources) = ReadFirstError("(let [x 1) x");
        string text = new DiagnosticFormatter(sources, new DiagnosticFormatOptions { Terse = true }).Format(diagnostic);
        Assert.Equal(2, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("help:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NO_COLOR_turns_off_help_and_color()
    {
        var options = DiagnosticFormatOptions.ForConsole(terse: false, outputIsTerminal: true, noColorVariable: "1");
        Assert.False(options.ShowHelp);
        Assert.False(options.Color);
        Assert.True(DiagnosticFormatOptions.ForConsole(false, true, null).Color);
    }

    [Fact]
    public void Color_wraps_severity_in_ANSI_codes()
    {
        var (diagnostic, sources) = ReadFirstError(")");
        string text = new DiagnosticFormatter(sources, new DiagnosticFormatOptions { Color = true }).Format(diagnostic);
        Assert.Contains("\u001b[1;31merror:\u001b[0m", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_trace_and_missing_sources_are_rendered()
    {
        var span = new SourceSpan("gone.zl", 3, 5, 3, 9, 20, 24);
        var diagnostic = Diagnostic.Create("ZL5999", span, "boom") with
        {
            StackTrace = [new ZylispStackFrame("inner", span), new ZylispStackFrame("-main", null)],
        };
        string[] lines = new DiagnosticFormatter(new SourceRegistry()).Format(diagnostic).Split('\n');
        Assert.Equal("gone.zl:3:5: error: boom [ZL5999]", lines[0]);
        Assert.Equal("  at inner (gone.zl:3:5)", lines[1]);
        Assert.Equal("  at -main", lines[2]);
    }

    [Fact]
    public void Diagnostic_without_span_has_no_location()
    {
        var diagnostic = Diagnostic.Create("ZL5998", null, "host failure");
        Assert.Equal("error: host failure [ZL5998]\n", new DiagnosticFormatter(null).Format(diagnostic));
    }
}

public class DiagnosticCatalogTests
{
    [Fact]
    public void Ids_are_unique_and_in_their_phase_range()
    {
        var entries = DiagnosticCatalog.AllEntries().ToList();
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
        foreach (var entry in entries)
        {
            Assert.Matches("^ZL[1-6][0-9]{3}$", entry.Id); // ZL6xxx: lint (issue 14)
            Assert.Equal(DiagnosticCatalog.PhaseOf(entry.Id), entry.Phase);
        }
    }

    [Fact]
    public void Every_reader_id_has_help_and_a_message_that_formats()
    {
        var readIds = typeof(DiagnosticIds).GetFields()
            .Where(f => f.IsLiteral && ((string)f.GetRawConstantValue()!).StartsWith("ZL1", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(readIds);
        foreach (string id in readIds)
        {
            Assert.True(DiagnosticCatalog.TryGet(id, out var descriptor), id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Help), id);
            string message = DiagnosticCatalog.FormatMessage(id, ["a", "b", "c", 1, 2, "d"]);
            Assert.DoesNotContain("{", message.Replace("{:", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unknown_ids_still_format()
    {
        Assert.Equal(Phase.Analyze, DiagnosticCatalog.Get("ZL3999").Phase);
        Assert.Equal("x", DiagnosticCatalog.FormatMessage("ZL3999", ["x"]));
    }
}
