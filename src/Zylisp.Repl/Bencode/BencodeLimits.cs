namespace Zylisp.Repl.Bencode;

/// <summary>
/// What one peer may make the decoder hold: a message larger, a string longer or a nesting deeper
/// than these is refused before it is read, so a declared 1 GB string costs nothing.
/// </summary>
public sealed record BencodeLimits
{
    public static BencodeLimits Default { get; } = new();

    /// <summary>Bytes in one top-level message.</summary>
    public long MaxMessageBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Bytes in one string.</summary>
    public long MaxStringBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Lists and dictionaries inside each other.</summary>
    public int MaxDepth { get; init; } = 64;
}
