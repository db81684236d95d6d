using FsCheck;
using FsCheck.Fluent;
using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;

namespace Zylisp.Lang.Tests;

/// <summary>Properties of the core library checked through the interpreter (FsCheck 3, no xunit adapter).</summary>
public class CoreLibraryPropertyTests
{
    private readonly LangTestHost host = new();

    private object? Call(string fn, params object?[] args)
    {
        host.Engine.SetGlobal("%args", PersistentList.CreateRange(args));
        return host.Eval($"(apply {fn} %args)");
    }

    [Fact]
    public void Integer_addition_and_multiplication_wrap_like_int64() =>
        Prop.ForAll<long, long>((a, b) =>
            Equals(Call("+", a, b), unchecked(a + b)) && Equals(Call("*", a, b), unchecked(a * b)) && Equals(Call("-", a, b), unchecked(a - b)))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Addition_is_commutative_and_associative() =>
        Prop.ForAll<long, long, long>((a, b, c) =>
            Equals(Call("+", a, b), Call("+", b, a)) && Equals(Call("+", Call("+", a, b), c), Call("+", a, Call("+", b, c))))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Quot_and_rem_reconstruct_the_dividend() =>
        Prop.ForAll<long, long>((a, b) =>
        {
            if (b == 0)
            {
                return true;
            }

            var q = (long)Call("quot", a, b)!;
            var r = (long)Call("rem", a, b)!;
            var m = (long)Call("mod", a, b)!;
            return unchecked((q * b) + r) == a && (m == 0 || (m < 0) == (b < 0));
        })
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Reverse_of_reverse_is_identity() =>
        Prop.ForAll<long[]>(xs =>
        {
            var v = PersistentVector.Create(xs.Cast<object?>().ToArray());
            return ValueEquality.AreEqual(Call("reverse", Call("reverse", v)), v);
        })
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Sort_orders_and_keeps_every_element() =>
        Prop.ForAll<long[]>(xs =>
        {
            var sorted = ((PersistentList)Call("sort", PersistentVector.Create(xs.Cast<object?>().ToArray()))!).Cast<long>().ToArray();
            return sorted.SequenceEqual(xs.Order());
        })
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Read_string_of_pr_str_round_trips_through_eval() =>
        Prop.ForAll(Values().ToArbitrary(), value =>
        {
            host.Engine.SetGlobal("%x", value);
            return Equals(true, host.Eval("(= (read-string (pr-str %x)) %x)"));
        })
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Count_of_concat_is_the_sum_of_counts() =>
        Prop.ForAll<long[], long[]>((a, b) =>
            Equals(Call("count", Call("concat", PersistentVector.Create(a.Cast<object?>().ToArray()), PersistentList.CreateRange(b.Cast<object?>()))), (long)(a.Length + b.Length)))
        .QuickCheckThrowOnFailure();

    /// <summary>Nested readable data: numbers, strings, keywords, booleans, nil, vectors, lists and maps.</summary>
    private static Gen<object?> Values()
    {
        var atoms = Gen.OneOf(
            ArbMap.Default.GeneratorFor<long>().Select(x => (object?)x),
            ArbMap.Default.GeneratorFor<NormalFloat>().Select(x => (object?)x.Get),
            ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => (object?)s.Get),
            Gen.Elements<object?>(Keyword.Of("a"), Keyword.Of("bc"), true, false, null, Symbol.Of("sym")));
        return Gen.Sized(size => Tree(atoms, Math.Min(size, 3)));
    }

    private static Gen<object?> Tree(Gen<object?> atoms, int depth)
    {
        if (depth == 0)
        {
            return atoms;
        }

        var child = Tree(atoms, depth - 1);
        return Gen.OneOf(
            atoms,
            Gen.ListOf(child).Select(items => (object?)PersistentVector.Create(items.ToArray())),
            Gen.ListOf(child).Select(items => (object?)PersistentList.CreateRange(items)),
            Gen.ListOf(Gen.Zip(atoms, child)).Select(pairs => (object?)pairs.Aggregate(PersistentMap.Empty, (m, p) => m.Assoc(p.Item1, p.Item2))));
    }

    [Fact]
    public void Printed_values_are_readable_by_the_engine() =>
        Assert.Equal("[1 \"a\" :k]", Printer.PrStr(host.Eval("(read-string \"[1 \\\"a\\\" :k]\")")));
}
