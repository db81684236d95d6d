using Zylisp.Cli.Commands;
using Zylisp.Lang.Data;

namespace Zylisp.Cli.Tests.Commands;

public class FormLayoutTests
{
    private static Symbol S(string name) => Symbol.Of(name);

    private static PersistentList L(params object?[] items) => PersistentList.CreateRange(items);

    private static PersistentVector V(params object?[] items) => PersistentVector.CreateRange(items);

    [Fact]
    public void A_form_that_fits_stays_on_one_line()
    {
        var form = L(S("def"), S("x"), L(S("+"), 1L, 2L));

        Assert.Equal("(def x (+ 1 2))", FormLayout.Pretty(form));
    }

    [Fact]
    public void A_long_form_breaks_after_the_head_and_a_short_first_argument_and_indents_by_two()
    {
        var body = L(S("if"), L(S("<"), S("n"), 2L), S("n"), L(S("+"), L(S("fib"), L(S("-"), S("n"), 1L)), L(S("fib"), L(S("-"), S("n"), 2L))));
        var form = L(S("def"), S("fib"), L(S("fn"), S("fib"), L(V(S("n")), body)));

        var pretty = FormLayout.Pretty(form, width: 40);

        Assert.Equal(
            "(def fib\n" +
            "  (fn fib\n" +
            "    ([n]\n" +
            "      (if (< n 2)\n" +
            "        n\n" +
            "        (+ (fib (- n 1)) (fib (- n 2)))))))",
            pretty);
    }

    [Fact]
    public void Every_line_fits_the_width_when_the_atoms_do_and_the_first_argument_shares_the_head_line()
    {
        var items = new List<object?> { S("do") };
        items.AddRange(Enumerable.Range(0, 30).Select(i => (object?)L(S("println"), $"line {i}")));

        var pretty = FormLayout.Pretty(PersistentList.CreateRange(items), width: 30);

        Assert.All(pretty.Split('\n'), line => Assert.True(line.Length <= 30, line));
        Assert.Equal(30, pretty.Split('\n').Length);
    }

    [Fact]
    public void Long_vectors_put_one_element_per_line_aligned_after_the_bracket()
    {
        var form = V("aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc");

        Assert.Equal("[\"aaaaaaaaaa\"\n \"bbbbbbbbbb\"\n \"cccccccccc\"]", FormLayout.Pretty(form, width: 20));
    }
}
