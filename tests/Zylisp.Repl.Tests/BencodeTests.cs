using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Zylisp.Repl.Bencode;

namespace Zylisp.Repl.Tests;

/// <summary>The codec: round trips, and every way a peer can send too much or nonsense.</summary>
public class BencodeTests
{
    private static object? Decode(string text, BencodeLimits? limits = null) => Decode(Encoding.UTF8.GetBytes(text), limits);

    private static object? Decode(byte[] bytes, BencodeLimits? limits = null) =>
        new BencodeReader(new MemoryStream(bytes), limits).ReadAsync().AsTask().GetAwaiter().GetResult();

    private static BencodeError Refused(string text, BencodeLimits? limits = null) =>
        Assert.Throws<BencodeException>(() => Decode(text, limits)).Error;

    [Fact]
    public void Decodes_each_kind_of_value()
    {
        Assert.Equal(42L, Decode("i42e"));
        Assert.Equal(-7L, Decode("i-7e"));
        Assert.Equal("spam", Decode("4:spam"));
        Assert.Equal("", Decode("0:"));
        Assert.Equal(new List<object> { "a", 1L }, Decode("l1:ai1ee"));
        var dict = Assert.IsType<Dictionary<string, object>>(Decode("d2:op4:evale"));
        Assert.Equal("eval", dict["op"]);
        Assert.Equal("é", Decode([(byte)'2', (byte)':', 0xC3, 0xA9]));
    }

    [Fact]
    public void Encodes_dictionaries_with_sorted_keys_and_drops_nulls()
    {
        var bytes = BencodeWriter.Encode(new Dictionary<string, object?> { ["z"] = 1L, ["a"] = "x", ["n"] = null });
        Assert.Equal("d1:a1:x1:zi1ee", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void End_of_stream_between_messages_is_null_and_inside_one_is_truncated()
    {
        Assert.Null(Decode(""));
        Assert.Equal(BencodeError.Truncated, Refused("d2:op"));
        Assert.Equal(BencodeError.Truncated, Refused("10:abc"));
        Assert.Equal(BencodeError.Truncated, Refused("i12"));
    }

    [Fact]
    public void A_declared_gigabyte_is_refused_before_anything_is_read()
    {
        Assert.Equal(BencodeError.TooLarge, Refused("1073741824:abc"));
        Assert.Equal(BencodeError.TooLarge, Refused("d4:code1073741824:"));
    }

    [Fact]
    public void Deep_nesting_is_refused_without_recursing_into_it()
    {
        Assert.Equal(BencodeError.TooLarge, Refused(new string('l', 100_000) + new string('e', 100_000)));
        Assert.Equal(BencodeError.TooLarge, Refused(string.Concat(Enumerable.Repeat("d1:a", 100)) + "i1e" + new string('e', 100)));
    }

    [Fact]
    public void Message_size_counts_the_whole_message()
    {
        var limits = new BencodeLimits { MaxMessageBytes = 32 };
        Assert.Equal(BencodeError.TooLarge, Refused("l" + string.Concat(Enumerable.Repeat("5:abcde", 10)) + "e", limits));
        Assert.NotNull(Decode("l5:abcdee", limits));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("i-e")]
    [InlineData("i1x")]
    [InlineData("ie")]
    [InlineData("di1ei2ee")]
    [InlineData("-3:abc")]
    [InlineData("i12345678901234567890e")]
    public void Garbage_is_malformed(string text) => Assert.Equal(BencodeError.Malformed, Refused(text));

    [Fact]
    public async Task Several_messages_in_one_stream_are_read_in_order()
    {
        var reader = new BencodeReader(new MemoryStream(Encoding.UTF8.GetBytes("i1e3:abcd1:ai2ee")));
        Assert.Equal(1L, await reader.ReadAsync());
        Assert.Equal("abc", await reader.ReadAsync());
        Assert.IsType<Dictionary<string, object>>(await reader.ReadAsync());
        Assert.Null(await reader.ReadAsync());
    }

    [Fact]
    public void Values_round_trip() =>
        Prop.ForAll(Arb.From(ValueGen(3)), value =>
        {
            var bytes = BencodeWriter.Encode(value);
            return Same(value, Decode(bytes));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Random_bytes_never_crash_the_decoder() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Elements("ild:e0123456789-xa"u8.ToArray()))), bytes =>
        {
            try
            {
                Decode(bytes, new BencodeLimits { MaxStringBytes = 100, MaxDepth = 8 });
            }
            catch (BencodeException)
            {
            }
        }).QuickCheckThrowOnFailure();

    private static Gen<object> ValueGen(int depth)
    {
        var leaf = Gen.OneOf(
            ArbMap.Default.GeneratorFor<long>().Select(n => (object)n),
            ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => (object)s.Get.Replace('\uD800', 'x').Replace('\uDFFF', 'y')));
        if (depth == 0)
        {
            return leaf;
        }

        var inner = ValueGen(depth - 1);
        return Gen.OneOf(
            leaf,
            Gen.ListOf(inner).Select(items => (object)items.ToList()),
            Gen.ListOf(Gen.Zip(ArbMap.Default.GeneratorFor<NonNull<string>>(), inner))
                .Select(pairs => (object)pairs.GroupBy(p => Clean(p.Item1.Get)).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal)));
    }

    private static string Clean(string s) => new([.. s.Where(c => !char.IsSurrogate(c))]);

    private static bool Same(object expected, object? actual) => (expected, actual) switch
    {
        (string a, string b) => Clean(a) == b || a == b,
        (long a, long b) => a == b,
        (List<object> a, List<object> b) => a.Count == b.Count && a.Zip(b).All(p => Same(p.First, p.Second)),
        (Dictionary<string, object> a, Dictionary<string, object> b) => a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && Same(p.Value, v)),
        _ => false,
    };
}
