using Zylisp.Cli.Repl;

namespace Zylisp.Cli.Tests.Repl;

public class ReplTranscriptTests
{
    [Fact]
    public void Each_entry_starts_on_the_line_after_the_previous_one_whether_or_not_it_ends_with_a_line_break()
    {
        var transcript = new ReplTranscript();

        Assert.Equal(1, transcript.Append("(defn f [x]\n  x)"));
        Assert.Equal(3, transcript.Append("(f 1)\n"));
        Assert.Equal(4, transcript.Append("(+ 1\n2)\n"));
        Assert.Equal(6, transcript.Append(""));
        Assert.Equal(7, transcript.LineCount + 1);
        Assert.Equal("(defn f [x]\n  x)\n(f 1)\n(+ 1\n2)\n\n", transcript.ToString());
    }
}
