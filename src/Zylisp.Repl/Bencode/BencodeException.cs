namespace Zylisp.Repl.Bencode;

/// <summary>Why a byte stream is not a bencoded message we accept; stable tags for tests and replies.</summary>
public enum BencodeError
{
    /// <summary>The stream ended inside a value.</summary>
    Truncated,
    /// <summary>A byte that cannot start or continue a value here.</summary>
    Malformed,
    /// <summary>The message, a string or the nesting is beyond <see cref="BencodeLimits"/>.</summary>
    TooLarge,
}

/// <summary>A decoding failure at a byte offset of the message.</summary>
public sealed class BencodeException(BencodeError error, long offset, string message)
    : Exception($"bencode: {message} at byte {offset}")
{
    public BencodeError Error { get; } = error;

    public long Offset { get; } = offset;
}
