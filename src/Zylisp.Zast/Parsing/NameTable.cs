using System.Text;

namespace Zylisp.Zast.Parsing;

/// <summary>
/// Interns identifier spellings so that each distinct name in a file is one string: a file
/// mentions <c>err</c> hundreds of times, and allocating it once keeps parsing cheap.
/// </summary>
/// <remarks>Not thread-safe: one table per parse (or per thread).</remarks>
internal sealed class NameTable
{
    private const int MaxInternedLength = 64;

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string for the UTF-8 name <paramref name="utf8"/>; ASCII names are interned.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxInternedLength || !Ascii.IsValid(utf8)) return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[utf8.Length];
        for (var i = 0; i < utf8.Length; i++) chars[i] = (char)utf8[i];
        if (_lookup.TryGetValue(chars, out var name)) return name;
        name = new string(chars);
        _names.Add(name);
        return name;
    }
}
