using Zylisp.Tooling.Formatting;

namespace Zylisp.Tooling.Tests;

/// <summary>The layout rules of docs/design/formatting.md, one example each (input → expected output).</summary>
public class FormatterTests
{
    private static string Format(string text)
    {
        var result = SourceFormatter.Format(text, "test.zl");
        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        return result.Formatted!;
    }

    [Theory]
    // Bodies of defn, let, when and friends: two spaces.
    [InlineData("(defn f [x]\n(+ x 1))", "(defn f [x]\n  (+ x 1))\n")]
    [InlineData("(defn f\n\"doc\"\n[x]\nx)", "(defn f\n  \"doc\"\n  [x]\n  x)\n")]
    [InlineData("(let [a 1]\n      a)", "(let [a 1]\n  a)\n")]
    [InlineData("(when x\n(prn 1)\n(prn 2))", "(when x\n  (prn 1)\n  (prn 2))\n")]
    [InlineData("(if x\n1\n2)", "(if x\n  1\n  2)\n")]
    [InlineData("(do\n1\n2)", "(do\n  1\n  2)\n")]
    [InlineData("(fn [x]\nx)", "(fn [x]\n  x)\n")]
    [InlineData("(try\n(f)\n(catch e\n(g e)))", "(try\n  (f)\n  (catch e\n    (g e)))\n")]
    // Call arguments align with the first argument; with none on the head's line, one column in.
    [InlineData("(foo a\nb\nc)", "(foo a\n     b\n     c)\n")]
    [InlineData("(foo\na\nb)", "(foo\n a\n b)\n")]
    [InlineData("(str/join \", \"\n[1 2])", "(str/join \", \"\n          [1 2])\n")]
    // A block form's special argument on its own line is aligned as a call; the body still gets two spaces (as cljfmt).
    [InlineData("(let\n[a 1]\na)", "(let\n [a 1]\n  a)\n")]
    // Vectors, maps and sets align with their first element.
    [InlineData("[1\n2\n3]", "[1\n 2\n 3]\n")]
    [InlineData("{:a 1\n:b 2}", "{:a 1\n :b 2}\n")]
    [InlineData("#{1\n2}", "#{1\n  2}\n")]
    [InlineData("(let [a 1\nb 2]\n(+ a b))", "(let [a 1\n      b 2]\n  (+ a b))\n")]
    // No dangling closers; no space inside brackets; missing spaces between forms added.
    [InlineData("(foo\n  bar\n)", "(foo\n bar)\n")]
    [InlineData("( foo  bar )", "(foo  bar)\n")]
    [InlineData("(a)(b)", "(a) (b)\n")]
    [InlineData("(f\"s\"[1])", "(f \"s\" [1])\n")]
    // Function literals and quoted forms.
    [InlineData("#(foo %\n1)", "#(foo %\n      1)\n")]
    [InlineData("'(a\nb)", "'(a\n  b)\n")]
    // Lists that do not start with a name align like data.
    [InlineData("((f x)\ny)", "((f x)\n y)\n")]
    public void Layout(string input, string expected) => Assert.Equal(expected, Format(input));

    [Theory]
    // Comments stay where they are; an end-of-line comment keeps its spacing.
    [InlineData(";; header\n(defn f [x]\n  ;; why\n  x) ; trailing\n", ";; header\n(defn f [x]\n  ;; why\n  x) ; trailing\n")]
    [InlineData("(foo a   ; one\n     b) ; two", "(foo a   ; one\n     b) ; two\n")]
    // A comment before a closer keeps the closer on the next line.
    [InlineData("(foo a\n  ;; last\n  )", "(foo a\n     ;; last\n     )\n")]
    // #_ forms are kept.
    [InlineData("(foo #_(bar)\n baz)", "(foo #_(bar)\n     baz)\n")]
    [InlineData("#_ (old)\n(new)", "#_(old)\n(new)\n")]
    // Blank lines between top-level forms are kept, runs of them shrink to one.
    [InlineData("(a)\n\n\n\n(b)\n(c)", "(a)\n\n(b)\n(c)\n")]
    // Literal spellings are kept.
    [InlineData("[0x1F 1e3 \"a\\tb\\u0041\" ##Inf :k/w -0.5]", "[0x1F 1e3 \"a\\tb\\u0041\" ##Inf :k/w -0.5]\n")]
    // Multi-line strings are not re-indented.
    [InlineData("(foo \"a\n  b\"\n  c)", "(foo \"a\n  b\"\n     c)\n")]
    // Commas stay with the form before them.
    [InlineData("{:a 1, :b 2,\n :c 3}", "{:a 1, :b 2,\n :c 3}\n")]
    // Trailing whitespace goes; the file ends with one newline; CRLF becomes LF.
    [InlineData("(a)   \r\n(b)\r\n\r\n", "(a)\n(b)\n")]
    [InlineData("", "")]
    [InlineData("; only a comment", "; only a comment\n")]
    public void Trivia_is_kept(string input, string expected) => Assert.Equal(expected, Format(input));

    [Fact]
    public void Text_with_read_errors_is_not_formatted()
    {
        var result = SourceFormatter.Format("(foo\n  (bar", "bad.zl");
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == Lang.Diagnostics.DiagnosticIds.UnclosedForm && d.Span!.Line == 2);
    }

    [Fact]
    public void Slisp_set_literals_with_repeats_are_formatted() =>
        Assert.True(SourceFormatter.Format("#{1 2 2}", "t.slisp").Success);
}

/// <summary>cljfmt's block rule in detail, and Zylisp's catch.</summary>
public class FormatterBlockRuleTests
{
    [Theory]
    // A block form whose first body form shares the head's line is aligned like a call.
    [InlineData("(do a\nb)", "(do a\n    b)\n")]
    [InlineData("(cond ~@acc\n:else 1)", "(cond ~@acc\n      :else 1)\n")]
    [InlineData("(if test a\nb)", "(if test a\n    b)\n")]
    [InlineData("(let [a 1] a\nb)", "(let [a 1] a\n     b)\n")]
    // Zylisp's catch with and without a type keyword.
    [InlineData("(catch e\n(f e))", "(catch e\n  (f e))\n")]
    [InlineData("(catch :type-error e\n(f e))", "(catch :type-error e\n  (f e))\n")]
    public void Block_forms(string input, string expected) =>
        Assert.Equal(expected, SourceFormatter.Format(input, "t.zl").Formatted);

    [Fact]
    public void The_prelude_is_formatted()
    {
        string path = Path.Combine(RepositoryFiles.Root, "src", "Zylisp.Lang", "Prelude", "prelude.zl");
        string text = File.ReadAllText(path);
        Assert.Equal(text, SourceFormatter.Format(text, path).Formatted);
    }
}
