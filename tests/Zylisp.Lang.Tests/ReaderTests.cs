using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

public class ReaderTests
{
    private static object? ReadOne(string text)
    {
        var result = Reader.ReadAll(text, "t.zl");
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Forms);
    }

    private static Diagnostic ReadError(string text, string id)
    {
        var result = Reader.ReadAll(text, "t.zl");
        return Assert.Single(result.Diagnostics, d => d.Id == id);
    }

    private static Symbol Sym(string name) => Symbol.Of(name);

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("+7", 7L)]
    [InlineData("0x1F", 31L)]
    [InlineData("-0x10", -16L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    public void Reads_integers(string text, long expected) => Assert.Equal(expected, ReadOne(text));

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-2e10", -2e10)]
    [InlineData("1e-3", 1e-3)]
    [InlineData("1.", 1.0)]
    [InlineData("2.5E+3", 2500.0)]
    [InlineData("##Inf", double.PositiveInfinity)]
    [InlineData("##-Inf", double.NegativeInfinity)]
    public void Reads_floats(string text, double expected) => Assert.Equal(expected, ReadOne(text));

    [Fact]
    public void Reads_NaN() => Assert.True(double.IsNaN((double)ReadOne("##NaN")!));

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("0x10000000000000000")]
    [InlineData("1e999")]
    public void Out_of_range_numbers_are_errors(string text) => ReadError(text, DiagnosticIds.NumberOutOfRange);

    [Theory]
    [InlineData("1abc")]
    [InlineData("0x")]
    [InlineData("0xZZ")]
    [InlineData("1.2.3")]
    [InlineData("1e")]
    [InlineData("1/2")]
    [InlineData("-1x")]
    public void Malformed_numbers_are_errors(string text) => ReadError(text, DiagnosticIds.MalformedNumber);

    [Theory]
    [InlineData("\"a\\nb\"", "a\nb")]
    [InlineData("\"\\t\\r\\\"\\\\\"", "\t\r\"\\")]
    [InlineData("\"\\u00e9\\u0041\"", "éA")]
    [InlineData("\"multi\nline\"", "multi\nline")]
    [InlineData("\"\"", "")]
    [InlineData("\"😀\"", "😀")]
    public void Reads_strings(string text, string expected) => Assert.Equal(expected, ReadOne(text));

    [Fact]
    public void Reads_constants_and_keywords()
    {
        Assert.Null(ReadOne("nil"));
        Assert.Equal(true, ReadOne("true"));
        Assert.Equal(false, ReadOne("false"));
        Assert.Same(Keyword.Of("k"), ReadOne(":k"));
        Assert.Same(Keyword.Of("ns", "k"), ReadOne(":ns/k"));
    }

    [Theory]
    [InlineData("-main", null, "-main")]
    [InlineData("+", null, "+")]
    [InlineData("-", null, "-")]
    [InlineData("->>", null, "->>")]
    [InlineData("a.b", null, "a.b")]
    [InlineData("fmt/Println", "fmt", "Println")]
    [InlineData("x#", null, "x#")]
    [InlineData("*1", null, "*1")]
    [InlineData("&", null, "&")]
    [InlineData("/", null, "/")]
    [InlineData("ns//", "ns", "/")]
    [InlineData("nil?", null, "nil?")]
    [InlineData("a'", null, "a'")]
    public void Reads_symbols(string text, string? ns, string name)
    {
        var symbol = Assert.IsType<Symbol>(ReadOne(text));
        Assert.Equal(ns, symbol.Namespace);
        Assert.Equal(name, symbol.Name);
    }

    [Theory]
    [InlineData("#(* % 2)", "(fn [%1] (let [% %1] (* % 2)))")]
    [InlineData("#(+ %1 %3)", "(fn [%1 %2 %3] (+ %1 %3))")]
    [InlineData("#(apply f %&)", "(fn [& %&] (apply f %&))")]
    [InlineData("#(f % %2 %&)", "(fn [%1 %2 & %&] (let [% %1] (f % %2 %&)))")]
    [InlineData("#(vector)", "(fn [] (vector))")]
    [InlineData("#(f [%] {:k %2})", "(fn [%1 %2] (let [% %1] (f [%] {:k %2})))")]
    [InlineData("#(f %21 %0)", "(fn [] (f %21 %0))")]
    public void Reads_function_literals(string text, string expected) =>
        Assert.Equal(expected, Printing.Printer.PrStr(ReadOne(text)));

    [Fact]
    public void Function_literals_keep_the_spans_of_their_body_and_are_incomplete_until_closed()
    {
        var fn = (PersistentList)ReadOne("\n  #(inc %)")!;
        Assert.Equal(2, fn.Span!.Line);
        Assert.Equal(3, fn.Span.Column);
        var body = (PersistentList)fn.Rest.Rest.First!;
        Assert.Equal(3, body.Span!.Column); // the let wrapper shares the literal's span
        Assert.False(Reader.IsComplete("(map #(inc %"));
        Assert.True(Reader.IsComplete("(map #(inc %) xs)"));
    }

    [Fact]
    public void Nested_function_literals_are_an_error_at_the_inner_one()
    {
        var d = ReadError("#(map #(inc %) %)", DiagnosticIds.NestedFnLiteral);
        Assert.Equal(7, d.Span!.Column);
    }

    [Fact]
    public void Reads_collections()
    {
        Assert.Equal(PersistentList.Create(1L, 2L), ReadOne("(1 2)"));
        Assert.IsType<PersistentVector>(ReadOne("[1 [2]]"));
        Assert.Equal(PersistentVector.Create(1L, PersistentVector.Create(2L)), ReadOne("[1 [2]]"));
        Assert.Equal(PersistentMap.Create(Keyword.Of("a"), 1L, Keyword.Of("b"), 2L), ReadOne("{:a 1, :b 2}"));
        Assert.Equal(PersistentSet.Create(1L, 2L), ReadOne("#{1 2}"));
        Assert.Equal(PersistentList.Empty, ReadOne("()"));
        Assert.Equal(PersistentMap.Empty, ReadOne("{}"));
    }

    [Fact]
    public void Map_and_set_keep_source_order()
    {
        var map = Assert.IsType<PersistentMap>(ReadOne("{:z 1 :a 2 :m 3}"));
        Assert.Equal([Keyword.Of("z"), Keyword.Of("a"), Keyword.Of("m")], map.Keys);
        var set = Assert.IsType<PersistentSet>(ReadOne("#{3 1 2}"));
        Assert.Equal([3L, 1L, 2L], set);
    }

    [Theory]
    [InlineData("'x", "quote")]
    [InlineData("`x", "syntax-quote")]
    [InlineData("~x", "unquote")]
    [InlineData("~@x", "unquote-splicing")]
    [InlineData("@x", "deref")]
    public void Reader_macros_produce_plain_forms(string text, string head) =>
        Assert.Equal(PersistentList.Create(Sym(head), Sym("x")), ReadOne(text));

    [Fact]
    public void Reader_macros_nest()
    {
        Assert.Equal(
            PersistentList.Create(Sym("quote"), PersistentList.Create(Sym("quote"), Sym("x"))),
            ReadOne("''x"));
        Assert.Equal(
            PersistentList.Create(Sym("syntax-quote"), PersistentList.Create(Sym("a"), PersistentList.Create(Sym("unquote-splicing"), Sym("b")))),
            ReadOne("`(a ~@b)"));
    }

    [Fact]
    public void Comments_commas_discards_and_shebang_are_skipped()
    {
        var result = Reader.ReadAll("#!/usr/bin/env zylisp\n; comment\n(1,, #_ 2 3) #_#_ a b c ; end", "t.zl");
        Assert.Empty(result.Diagnostics);
        Assert.Equal([PersistentList.Create(1L, 3L), Sym("c")], result.Forms);
    }

    [Fact]
    public void Byte_order_mark_and_shebang_at_the_start_are_skipped()
    {
        var result = Reader.ReadAll("\uFEFF#!/usr/bin/env zylisp\n(a)", "t.zl");
        Assert.Empty(result.Diagnostics);
        Assert.Equal((2, 1), (result.FormSpans[0].Line, result.FormSpans[0].Column));
        Assert.Equal((1, 1), (Reader.ReadAll("\uFEFFx", "t.zl").FormSpans[0].Line, Reader.ReadAll("\uFEFFx", "t.zl").FormSpans[0].Column));
    }

    [Fact]
    public void Hash_before_a_newline_does_not_lose_the_line()
    {
        // Found by the span property test: the unknown-dispatch path swallowed the '\n' uncounted.
        var result = Reader.ReadAll("#\nx", "t.zl");
        Assert.Equal([DiagnosticIds.UnknownDispatch], result.Diagnostics.Select(d => d.Id));
        Assert.Equal(new SourceSpan("t.zl", 2, 1, 2, 2, 2, 3), ((Symbol)result.Forms[0]!).Span);
    }

    [Fact]
    public void Spans_cover_forms_with_one_based_lines_and_columns()
    {
        var result = Reader.ReadAll("(a\n  [b c])", "f.zl");
        var list = Assert.IsAssignableFrom<PersistentList>(Assert.Single(result.Forms));
        Assert.Equal(new SourceSpan("f.zl", 1, 1, 2, 9, 0, 11), list.Span);
        Assert.Equal(list.Span, result.FormSpans[0]);
        var a = Assert.IsType<Symbol>(list.First);
        Assert.Equal(new SourceSpan("f.zl", 1, 2, 1, 3, 1, 2), a.Span);
        var vector = Assert.IsType<PersistentVector>(list[1]);
        Assert.Equal(new SourceSpan("f.zl", 2, 3, 2, 8, 5, 10), vector.Span);
        Assert.Equal(2, ((Symbol)vector[1]!).Span!.Line);
    }

    [Fact]
    public void Spans_of_top_level_literals_are_in_the_side_table()
    {
        var result = Reader.ReadAll("1 \"two\"\n:three", "f.zl");
        Assert.Equal(3, result.FormSpans.Count);
        Assert.Equal((1, 3, 8), (result.FormSpans[1].Line, result.FormSpans[1].Column, result.FormSpans[1].EndColumn));
        Assert.Equal((2, 1), (result.FormSpans[2].Line, result.FormSpans[2].Column));
    }

    [Fact]
    public void Unexpected_closer_is_reported_and_skipped()
    {
        var result = Reader.ReadAll("(a)) b", "t.zl");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnexpectedCloser, d.Id);
        Assert.Equal((1, 4), (d.Span!.Line, d.Span.Column));
        Assert.Equal([PersistentList.Create(Sym("a")), Sym("b")], result.Forms);
    }

    [Fact]
    public void Unclosed_form_points_at_its_opener_and_keeps_its_contents()
    {
        var result = Reader.ReadAll("(def x\n  [1 2", "t.zl");
        Assert.True(result.EndedInsideForm);
        Assert.Equal([DiagnosticIds.UnclosedForm, DiagnosticIds.UnclosedForm], result.Diagnostics.Select(d => d.Id));
        Assert.Equal((1, 1), (result.Diagnostics[0].Span!.Line, result.Diagnostics[0].Span!.Column));
        Assert.Equal((2, 3), (result.Diagnostics[1].Span!.Line, result.Diagnostics[1].Span!.Column));
        Assert.Contains("line 2, column 3", result.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Equal(
            PersistentList.Create(Sym("def"), Sym("x"), PersistentVector.Create(1L, 2L)),
            Assert.Single(result.Forms));
    }

    [Fact]
    public void Mismatched_closer_closes_the_inner_form_and_points_at_both()
    {
        var result = Reader.ReadAll("(let [x 1) x", "t.zl");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.MismatchedCloser, d.Id);
        Assert.Equal(10, d.Span!.Column);
        Assert.Equal(6, Assert.Single(d.Related).Span.Column);
        Assert.Equal(2, result.Forms.Count);
    }

    [Fact]
    public void Unterminated_string_points_at_the_opening_quote()
    {
        var result = Reader.ReadAll("(println \"abc\n", "t.zl");
        Assert.True(result.EndedInsideForm);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UnterminatedString);
        Assert.Equal((1, 10), (d.Span!.Line, d.Span.Column));
    }

    [Theory]
    [InlineData("\"a\\qb\"", 3)]
    [InlineData("\"\\u12\"", 2)]
    public void Bad_escapes_are_reported_at_the_backslash(string text, int column)
    {
        var d = ReadError(text, DiagnosticIds.BadEscape);
        Assert.Equal(column, d.Span!.Column);
    }

    [Fact]
    public void Odd_map_and_duplicates_are_reported()
    {
        Assert.Equal(7, ReadError("{:a 1 :b}", DiagnosticIds.OddMapForms).Span!.Column);
        Assert.Equal(7, ReadError("{:a 1 :a 2}", DiagnosticIds.DuplicateMapKey).Span!.Column);
        Assert.Equal(7, ReadError("#{1 2 1}", DiagnosticIds.DuplicateSetElement).Span!.Column);
        Assert.Equal(8, ReadError("{[1] 1 (1) 2}", DiagnosticIds.DuplicateMapKey).Span!.Column);
    }

    [Fact]
    public void Every_error_in_a_file_is_reported()
    {
        var result = Reader.ReadAll("(a))\n\"x\\q\"\n1abc\n{:a}\n(b", "t.zl");
        Assert.Equal(
            [DiagnosticIds.UnexpectedCloser, DiagnosticIds.BadEscape, DiagnosticIds.MalformedNumber, DiagnosticIds.OddMapForms, DiagnosticIds.UnclosedForm],
            result.Diagnostics.Select(d => d.Id));
        Assert.Equal([1, 2, 3, 4, 5], result.Diagnostics.Select(d => d.Span!.Line));
    }

    [Theory]
    [InlineData("'", "'")]
    [InlineData("(a ')", "'")]
    [InlineData("[#_]", "#_")]
    [InlineData("~@", "~@")]
    public void Reader_macro_without_a_form_is_an_error(string text, string prefix)
    {
        var d = ReadError(text, DiagnosticIds.MissingFormAfterPrefix);
        Assert.Equal(prefix, d.Args[0]);
    }

    [Theory]
    [InlineData("#x")]
    [InlineData("#?(:clj 1)")]
    public void Unknown_dispatch_is_an_error(string text) => ReadError(text, DiagnosticIds.UnknownDispatch);

    [Theory]
    [InlineData(":")]
    [InlineData("::a")]
    [InlineData(":a/")]
    [InlineData("a/")]
    [InlineData("/a")]
    [InlineData("a/b/c")]
    [InlineData("a\\b")]
    [InlineData("##Foo")]
    public void Invalid_tokens_are_errors(string text) => ReadError(text, DiagnosticIds.InvalidToken);

    [Theory]
    [InlineData("\\a")]
    [InlineData("\\newline")]
    [InlineData("\\u0041")]
    public void Clojure_character_literals_are_named_as_such(string text) => ReadError(text, DiagnosticIds.CharacterLiteral);

    [Fact]
    public void Nesting_beyond_the_limit_is_an_error_not_a_crash()
    {
        string deep = new string('(', 100_000) + new string(')', 100_000);
        var result = Reader.ReadAll(deep, "t.zl", new ReaderOptions { MaxDepth = 1000 });
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.NestingTooDeep, d.Id);
        Assert.Equal(1001, d.Span!.Column);
        Assert.Single(result.Forms);
    }

    [Fact]
    public void Nesting_at_the_limit_is_fine()
    {
        string deep = new string('[', 50) + new string(']', 50);
        Assert.Empty(Reader.ReadAll(deep, "t.zl", new ReaderOptions { MaxDepth = 50 }).Diagnostics);
        Assert.Single(Reader.ReadAll(deep, "t.zl", new ReaderOptions { MaxDepth = 49 }).Diagnostics);
    }

    [Fact]
    public void Unclosed_deep_input_stops_after_the_error_limit()
    {
        var result = Reader.ReadAll(new string('(', 100_000), "t.zl", new ReaderOptions { MaxErrors = 20 });
        Assert.Equal(21, result.Diagnostics.Count);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.TooManyErrors);
        Assert.True(result.EndedInsideForm);
    }

    [Theory]
    [InlineData("(+ 1 2)", true)]
    [InlineData("(+ 1", false)]
    [InlineData("[1 {:a", false)]
    [InlineData("\"abc", false)]
    [InlineData("'", false)]
    [InlineData("(a))", true)]
    [InlineData("", true)]
    [InlineData("; (", true)]
    [InlineData("\"(\"", true)]
    public void IsComplete_detects_unfinished_input(string text, bool complete) =>
        Assert.Equal(complete, Reader.IsComplete(text));

    [Fact]
    public void Every_whitespace_character_separates_tokens()
    {
        for (char c = '\0'; c < '\uffff'; c++)
        {
            if (char.IsWhiteSpace(c))
            {
                var result = Reader.ReadAll("a" + c + "b" + c, "t.zl");
                Assert.Empty(result.Diagnostics);
                Assert.Equal([Symbol.Of("a"), Symbol.Of("b")], result.Forms);
            }
        }
    }
}
