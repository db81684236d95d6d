using System.Buffers;
using System.Collections;
using FsCheck;
using FsCheck.Fluent;
using Zylisp.Repl.Bencode;
using Zylisp.Repl.Tests.Reference;

namespace Zylisp.Repl.Tests;

/// <summary>
/// The encoder that writes into one buffer produces exactly the bytes of the encoder it replaced
/// (<see cref="ReferenceBencodeWriter"/>), for every kind of value either accepts, and refuses what
/// the old one refused; and the reader's whole-message fast path decodes exactly as its byte-by-byte
/// path does, values and errors alike.
/// </summary>
public class BencodeWriterProperties
{
    // ASCII, two-byte UTF-8, a private-use character (above the surrogates in UTF-16, below a
    // surrogate pair's code point in UTF-8), U+FFFD and a surrogate pair: the key orders of
    // UTF-16 and UTF-8 differ among these.
    private static readonly string[] Pieces = ["a", "b", "op", "id", "Z", "0", " ", "é", "\uE000", "\uFFFD", "😀", "ns", ""];

    [Fact]
    public void Encodes_every_value_exactly_as_the_old_encoder() =>
        Prop.ForAll(Arb.From(ValueGen(3)), value =>
            ReferenceBencodeWriter.Encode(value).AsSpan().SequenceEqual(BencodeWriter.Encode(value))).QuickCheckThrowOnFailure();

    [Fact]
    public void Several_values_written_into_one_buffer_are_their_encodings_one_after_another() =>
        Prop.ForAll(Arb.From(Gen.ListOf(DictionaryGen(ValueGen(2)))), messages =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            foreach (var message in messages)
            {
                BencodeWriter.Write(buffer, message);
            }

            return buffer.WrittenSpan.SequenceEqual(messages.SelectMany(ReferenceBencodeWriter.Encode).ToArray());
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Refuses_what_the_old_encoder_refused()
    {
        object deep = "x";
        for (var i = 0; i < 300; i++)
        {
            deep = new List<object> { deep };
        }

        foreach (var value in new object[] { deep, 1.5, 'c', new Hashtable { [1] = "x" }, new List<object> { 2UL } })
        {
            var old = Assert.ThrowsAny<ArgumentException>(() => ReferenceBencodeWriter.Encode(value));
            var now = Assert.ThrowsAny<ArgumentException>(() => BencodeWriter.Encode(value));
            Assert.Equal(old.Message, now.Message);
        }

        // A non-string key whose value is null is dropped before its key is looked at, by both.
        var skipped = new Hashtable { [1] = null, ["a"] = 1L };
        Assert.Equal(ReferenceBencodeWriter.Encode(skipped), BencodeWriter.Encode(skipped));
    }

    [Fact]
    public void The_fast_path_decodes_valid_messages_as_the_byte_by_byte_path_does() =>
        Prop.ForAll(Arb.From(ValueGen(3)), value =>
        {
            var bytes = BencodeWriter.Encode(value);
            return Equal(Outcome(bytes, oneByteAtATime: true), Outcome(bytes, oneByteAtATime: false));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_fast_path_refuses_or_accepts_arbitrary_bytes_as_the_byte_by_byte_path_does() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Elements("ild:e0123456789-xa"u8.ToArray()))), bytes =>
        {
            var limits = new BencodeLimits { MaxStringBytes = 20, MaxDepth = 4, MaxMessageBytes = 40 };
            return Equal(Outcome(bytes, oneByteAtATime: true, limits), Outcome(bytes, oneByteAtATime: false, limits));
        }).QuickCheckThrowOnFailure();

    /// <summary>Every value the reader returns for <paramref name="bytes"/>, then its error (kind and position) if one ends it.</summary>
    private static List<object?> Outcome(byte[] bytes, bool oneByteAtATime, BencodeLimits? limits = null)
    {
        Stream stream = new MemoryStream(bytes);
        if (oneByteAtATime)
        {
            stream = new OneByteAtATime(stream);
        }

        var reader = new BencodeReader(stream, limits);
        var results = new List<object?>();
        try
        {
            while (reader.ReadAsync().AsTask().GetAwaiter().GetResult() is { } value)
            {
                results.Add(value);
            }
        }
        catch (BencodeException e)
        {
            results.Add((e.Error, e.Message));
        }

        return results;
    }

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (string x, string y) => x == y,
        (long x, long y) => x == y,
        (IDictionary<string, object> x, IDictionary<string, object> y) => x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var v) && Equal(p.Value, v)),
        (IList x, IList y) => x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => Equal(x[i], y[i])),
        _ => Equals(a, b),
    };

    private static Gen<string> TextGen() => Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts));

    private static Gen<object> ValueGen(int depth)
    {
        var leaf = Gen.OneOf(
            ArbMap.Default.GeneratorFor<long>().Select(n => (object)n),
            ArbMap.Default.GeneratorFor<int>().Select(n => (object)n),
            ArbMap.Default.GeneratorFor<short>().Select(n => (object)n),
            ArbMap.Default.GeneratorFor<byte>().Select(n => (object)n),
            ArbMap.Default.GeneratorFor<uint>().Select(n => (object)n),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (object)b),
            Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>()).Select(b => (object)b),
            TextGen().Select(s => (object)s),
            ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => (object)s.Get));
        if (depth == 0)
        {
            return leaf;
        }

        var inner = ValueGen(depth - 1);
        var nullable = Gen.Frequency((5, inner.Select(v => (object?)v)), (1, Gen.Constant((object?)null)));
        return Gen.OneOf(
            leaf,
            Gen.ListOf(nullable).Select(items => (object)items.ToList()),
            DictionaryGen(inner).Select(d => (object)d));
    }

    /// <summary>Dictionaries with keys in any order (the encoder sorts them) and some null values (it drops them).</summary>
    private static Gen<Dictionary<string, object?>> DictionaryGen(Gen<object> values) =>
        Gen.ListOf(Gen.Zip(TextGen(), Gen.Frequency((5, values.Select(v => (object?)v)), (1, Gen.Constant((object?)null)))))
            .Select(pairs =>
            {
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, value) in pairs)
                {
                    dict[key] = value;
                }

                return dict;
            });

    /// <summary>A stream that hands out one byte per read, so no message is ever whole in the reader's buffer.</summary>
    private sealed class OneByteAtATime(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
