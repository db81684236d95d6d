using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests.Hardening;

/// <summary>Issue 15: reader regressions.</summary>
public class ReaderHardeningTests
{
    /// <summary>Issue 15 item 16: 1,001 quotes before x gave 99 false ZL1011 errors before the real ZL1010.</summary>
    [Theory]
    [InlineData("'")]
    [InlineData("`")]
    [InlineData("~")]
    [InlineData("@")]
    [InlineData("#_")]
    public void A_reader_macro_chain_past_the_depth_gives_one_nesting_error(string prefix)
    {
        var text = string.Concat(Enumerable.Repeat(prefix, 1001)) + "x 1";
        var result = Reader.ReadAll(text, "q.zl");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.NestingTooDeep, error.Id);
        Assert.Equal(1L, Assert.Single(result.Forms));
    }

    /// <summary>Issue 15 item 16: a quote whose form is a too-deep collection ends silently too.</summary>
    [Fact]
    public void A_quote_of_a_too_deep_collection_gives_one_error()
    {
        var text = "'" + new string('(', 1001) + new string(')', 1001) + " 2";
        var result = Reader.ReadAll(text, "q.zl");
        Assert.Equal(DiagnosticIds.NestingTooDeep, Assert.Single(result.Diagnostics).Id);
    }

    /// <summary>The missing-form error still fires when a reader macro really lacks its form.</summary>
    [Fact]
    public void A_quote_at_the_end_still_lacks_a_form() =>
        Assert.Equal(DiagnosticIds.MissingFormAfterPrefix, Assert.Single(Reader.ReadAll("'", "q.zl").Diagnostics).Id);
}

/// <summary>Issue 15 item 9: the REPL's one-pass bracket check agrees with the reader on when to ask it.</summary>
public class BalanceScannerTests
{
    [Theory]
    [InlineData("(+ 1 2)", true)]
    [InlineData("(+ 1\n  2", false)]
    [InlineData("\"a (\" ", true)]
    [InlineData("\"open", false)]
    [InlineData("\"esc \\\" (\"", true)]
    [InlineData("; (\n1", true)]
    [InlineData("#{1 #(inc %) [2]", false)]
    [InlineData("([)", true)]
    [InlineData("))", true)]
    [InlineData("##NaN (", false)]
    public void It_is_open_exactly_when_a_bracket_or_string_is(string text, bool mayBeComplete)
    {
        var scanner = new BalanceScanner();
        foreach (var line in text.Split('\n'))
        {
            scanner.Feed(line);
            scanner.Feed("\n");
        }

        Assert.Equal(mayBeComplete, scanner.MayBeComplete);
        if (!mayBeComplete)
        {
            Assert.False(Reader.IsComplete(text));
        }
    }
}
