using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

public sealed class Utf8SourceTests
{
    [Fact]
    public void Ascii_is_widened_as_is()
    {
        Assert.Equal("(println \"hi\")\n", Utf8Source.Decode("(println \"hi\")\n"u8));
        Assert.Equal("", Utf8Source.Decode([]));
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_the_rest_decoded_as_utf8()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("(str \"é→\")")).ToArray();
        Assert.Equal("(str \"é→\")", Utf8Source.Decode(bytes));
    }

    [Fact]
    public void Decodes_like_the_framework() =>
        Prop.ForAll<NonNull<string>>(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text.Get);
            return Utf8Source.Decode(bytes) == Encoding.UTF8.GetString(bytes);
        })
        .QuickCheckThrowOnFailure();
}
