using Zylisp.Compiler.Native.Values;

namespace Zylisp.Compiler.Native.Tests;

// The type codes are passed as bytes: ObjectType is internal, a test method's parameters are public.

/// <summary>The collector's one rule about object types (Values/ValueTags.cs): which payloads are raw bytes.</summary>
public sealed class ObjectTypesTests
{
    [Theory]
    [InlineData((byte)ObjectType.String)]
    [InlineData((byte)ObjectType.Keyword)]
    public void Text_objects_hold_raw_bytes_and_are_not_scanned(byte code)
    {
        var type = (ObjectType)code;
        Assert.True(ObjectTypes.HoldsRawBytes(type));
        Assert.NotEqual(0L, ObjectTypes.RawBytesMask() & (1L << (int)type));
    }

    [Theory]
    [InlineData((byte)ObjectType.Closure)]
    [InlineData((byte)ObjectType.Vector)]
    [InlineData((byte)ObjectType.List)]
    [InlineData((byte)ObjectType.Error)]
    [InlineData((byte)ObjectType.Atom)]
    [InlineData((byte)ObjectType.Map)]
    public void Objects_holding_values_are_scanned(byte code)
    {
        var type = (ObjectType)code;
        Assert.False(ObjectTypes.HoldsRawBytes(type));
        Assert.Equal(0L, ObjectTypes.RawBytesMask() & (1L << (int)type));
    }

    [Fact]
    public void A_block_whose_header_is_not_written_yet_is_scanned() =>
        Assert.Equal(0L, ObjectTypes.RawBytesMask() & 1L);

    [Fact]
    public void Every_type_fits_the_collectors_64_bit_mask() =>
        Assert.All(Enum.GetValues<ObjectType>(), type => Assert.InRange((int)type, 1, 63));
}
