using FsCheck;
using FsCheck.Fluent;
using Zylisp.Lang.Data;

namespace Zylisp.Lang.Tests;

/// <summary>FsCheck generators for arbitrary nested Zylisp data (everything the reader can produce).</summary>
internal static class DataGenerators
{
    private const string SymbolStart = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ*!_?<>=&$%|";
    private const string SymbolRest = SymbolStart + "0123456789+-.#'";

    public static Gen<long> Longs { get; } = Gen.OneOf(
        Gen.Choose(-1000, 1000).Select(i => (long)i),
        Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L),
        Gen.Two(Gen.Choose(int.MinValue, int.MaxValue)).Select(t => ((long)t.Item1 << 32) ^ (uint)t.Item2));

    /// <summary>Every bit pattern: subnormals, NaN, infinities, -0.0 and ordinary values.</summary>
    public static Gen<double> Doubles { get; } = Gen.OneOf(
        Gen.Two(Gen.Choose(int.MinValue, int.MaxValue)).Select(t => BitConverter.Int64BitsToDouble(((long)t.Item1 << 32) ^ (uint)t.Item2)),
        Gen.Choose(-100000, 100000).Select(i => i / 64.0),
        Gen.Elements(0.1, 1e21, 1e-7, 1e-6, 1e20, -0.0, double.Epsilon, double.MaxValue, double.NaN));

    public static Gen<string> Strings { get; } = Gen.ListOf(
            Gen.Frequency(
                (6, Gen.Choose(' ', '~').Select(i => ((char)i).ToString())),
                (2, Gen.Elements("\n", "\t", "\r", "\"", "\\", "\u0001", "\u007f", "é", "😀", "\u2028")),
                (1, Gen.Choose(0, 0xFFFF).Select(i => ((char)i).ToString()))))
        .Select(parts => string.Concat(parts));

    public static Gen<string> Names { get; } =
        from first in Gen.Elements(SymbolStart.ToCharArray())
        from rest in Gen.ListOf(Gen.Elements(SymbolRest.ToCharArray()))
        let name = first + new string([.. rest])
        where name is not ("nil" or "true" or "false")
        select name;

    public static Gen<Symbol> Symbols { get; } = Gen.OneOf(
        Names.Select(n => Symbol.Of(null, n)),
        Gen.Two(Names).Select(t => Symbol.Of(t.Item1, t.Item2)),
        Gen.Elements(Symbol.Of("/"), Symbol.Of("-main"), Symbol.Of("->>"), Symbol.Of("+"), Symbol.Of("x#")));

    public static Gen<Keyword> Keywords { get; } = Gen.OneOf(
        Names.Select(n => Keyword.Of(null, n)),
        Gen.Two(Names).Select(t => Keyword.Of(t.Item1, t.Item2)));

    public static Gen<object?> Scalars { get; } = Gen.OneOf(
        Gen.Constant<object?>(null),
        Gen.Elements<object?>(true, false),
        Longs.Select(l => (object?)l),
        Doubles.Select(d => (object?)d),
        Strings.Select(s => (object?)s),
        Symbols.Select(s => (object?)s),
        Keywords.Select(k => (object?)k));

    public static Gen<object?> Values { get; } = Gen.Sized(size => ValueOfSize(Math.Min(size, 30)));

    public static Arbitrary<object?> Arbitrary { get; } = Arb.From(Values);

    private static Gen<object?> ValueOfSize(int size)
    {
        if (size <= 1)
        {
            return Scalars;
        }

        Gen<object?> child = Gen.Sized(s => ValueOfSize(s)).Resize(size / 3);
        Gen<List<object?>> children = Gen.ListOf(child).Resize(Math.Min(size, 6)).Select(items => items.ToList());
        return Gen.Frequency<object?>(
            (3, Scalars),
            (1, children.Select(items => (object?)PersistentList.CreateRange(items))),
            (1, children.Select(items => (object?)PersistentVector.CreateRange(items))),
            (1, children.Select(items => (object?)PersistentSet.CreateRange(items))),
            (1, children.Zip(children).Select(pair => (object?)PersistentMap.CreateRange(
                pair.Item1.Zip(pair.Item2, (k, v) => new KeyValuePair<object?, object?>(k, v))))));
    }
}
