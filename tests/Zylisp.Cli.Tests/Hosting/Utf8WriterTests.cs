using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Zylisp.Cli.Hosting;

namespace Zylisp.Cli.Tests.Hosting;

/// <summary>Utf8Writer must write exactly what a StreamWriter with UTF8Encoding(false) writes.</summary>
public sealed class Utf8WriterTests
{
    // ASCII, two- and three-byte characters, and both surrogate halves, so pairs, lone halves and
    // pairs split across writes all occur.
    private static readonly char[] Alphabet = ['a', 'Z', '\n', ' ', 'é', 'ß', '→', '中', '\uD83D', '\uDE00', '\uDBFF', '\uDC00'];

    [Fact]
    public void Writes_the_same_bytes_as_a_StreamWriter_for_any_text_split_into_any_writes()
    {
        var pieces = Gen.ListOf(Gen.ListOf(Gen.Elements(Alphabet)).Select(cs => new string([.. cs])));
        var plan =
            from texts in pieces
            from autoFlush in Gen.Elements(true, false)
            from bufferSize in Gen.Elements(1, 5, 64)
            select (Texts: texts, AutoFlush: autoFlush, BufferSize: bufferSize);
        Prop.ForAll(plan.ToArbitrary(), t =>
            Written(t.Texts, t.AutoFlush, t.BufferSize, ours: true).SequenceEqual(Written(t.Texts, t.AutoFlush, t.BufferSize, ours: false)))
        .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_pair_split_across_writes_stays_one_character_and_a_lone_half_becomes_the_replacement()
    {
        // The third write is a WriteLine (see Written); the last high half dangles until the flush.
        Assert.Equal("😀\uFFFD\n\uFFFD", Encoding.UTF8.GetString(Written(["\uD83D", "\uDE00", "\uDE00", "\uD83D"], autoFlush: true, 16, ours: true)));
    }

    [Fact]
    public void With_auto_flush_every_write_reaches_the_stream_and_without_it_only_a_flush_does()
    {
        var stream = new MemoryStream();
        var writer = new Utf8Writer(stream, 1024) { AutoFlush = false };
        writer.WriteLine("hello");
        Assert.Equal(0, stream.Length);
        writer.Flush();
        Assert.Equal("hello\n"u8.ToArray(), stream.ToArray());

        var terminal = new MemoryStream();
        var autoFlushing = new Utf8Writer(terminal, 1024) { AutoFlush = true };
        autoFlushing.Write("x");
        Assert.Equal("x"u8.ToArray(), terminal.ToArray());
    }

    private static byte[] Written(IReadOnlyList<string> texts, bool autoFlush, int bufferSize, bool ours)
    {
        var stream = new MemoryStream();
        TextWriter writer = ours
            ? new Utf8Writer(stream, bufferSize) { AutoFlush = autoFlush }
            : new StreamWriter(stream, new UTF8Encoding(false), bufferSize) { AutoFlush = autoFlush };
        for (var i = 0; i < texts.Count; i++)
        {
            if (i % 3 == 2)
            {
                writer.WriteLine(texts[i]);
            }
            else
            {
                writer.Write(texts[i]);
            }
        }

        writer.Flush();
        return stream.ToArray();
    }
}
