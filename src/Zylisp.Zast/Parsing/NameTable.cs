using System.Text;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Parsing;

/// <summary>
/// Interns identifier spellings so that each distinct name in a file is one string (a file
/// mentions <c>err</c> hundreds of times), and classifies keywords in the same lookup.
/// </summary>
/// <remarks>Not thread-safe: one table per parse (or per thread).</remarks>
internal sealed class NameTable
{
    private const int MaxInternedLength = 64;

    private readonly Dictionary<string, Token> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Token>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable()
    {
        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in Enum.GetValues<Token>())
        {
            if (token.IsKeyword()) _names.Add(token.Text(), token);
        }
    }

    /// <summary>The string for the UTF-8 name <paramref name="utf8"/> (ASCII names interned) and its keyword token or IDENT.</summary>
    public string Get(ReadOnlySpan<byte> utf8, out Token token)
    {
        if (utf8.Length > MaxInternedLength || !Ascii.IsValid(utf8))
        {
            token = Token.Ident;
            return Encoding.UTF8.GetString(utf8);
        }
        Span<char> chars = stackalloc char[utf8.Length];
        Ascii.ToUtf16(utf8, chars, out _);
        if (_lookup.TryGetValue(chars, out var name, out token)) return name;
        name = new string(chars);
        token = Token.Ident;
        _names.Add(name, token);
        return name;
    }
}
