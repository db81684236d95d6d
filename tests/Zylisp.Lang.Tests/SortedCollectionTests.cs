using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>sorted-map, sorted-set (issue 13) and assert.</summary>
public class SortedCollectionTests
{
    private readonly LangTestHost host = new();

    [Theory]
    [InlineData("(sorted-map :c 3 :a 1 :b 2)", "{:a 1, :b 2, :c 3}")]
    [InlineData("(keys (assoc (sorted-map 3 :c 1 :a) 2 :b))", "(1 2 3)")]
    [InlineData("(dissoc (sorted-map :b 2 :a 1) :a)", "{:b 2}")]
    [InlineData("(sorted? (dissoc (sorted-map :a 1) :a))", "true")]
    [InlineData("(= (sorted-map :b 2 :a 1) {:a 1 :b 2})", "true")]
    [InlineData("(into (sorted-map) [[2 :b] [1 :a]])", "{1 :a, 2 :b}")]
    [InlineData("(sorted-set 3 1 2 1)", "#{1 2 3}")]
    [InlineData("(disj (conj (sorted-set 5 1) 3) 5)", "#{1 3}")]
    [InlineData("(= (sorted-set 2 1) #{1 2})", "true")]
    [InlineData("(seq (sorted-set \"b\" \"a\"))", "(\"a\" \"b\")")]
    [InlineData("(sorted? (merge (sorted-map :b 1) {:a 2}))", "true")]
    [InlineData("(sorted? (empty (sorted-set 1)))", "true")]
    public void Sorted_collections_list_in_compare_order_and_behave_as_maps_and_sets(string source, string printed) =>
        Assert.Equal(printed, host.Show(source));

    [Fact]
    public void A_key_compare_cannot_order_is_an_error_when_added() =>
        host.Fails("(sorted-map :a 1 \"b\" 2)", DiagnosticIds.WrongType);

    [Fact]
    public void Assert_passes_quietly_and_fails_with_the_expression()
    {
        Assert.Equal("nil", host.Show("(assert (= 1 1))"));
        Assert.Equal("\"Assert failed: (= 1 2)\"", host.Show("(try (assert (= 1 2)) (catch :assertion-error e (ex-message e)))"));
        Assert.Equal("\"Assert failed: bad\\n(pos? -1)\"", host.Show("(try (assert (pos? -1) \"bad\") (catch :assertion-error e (ex-message e)))"));
    }
}
