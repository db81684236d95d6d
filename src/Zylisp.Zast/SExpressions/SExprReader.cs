using System.Globalization;
using System.Text;
using Zylisp.Zast.Diagnostics;

namespace Zylisp.Zast.SExpressions;

/// <summary>The result of reading: every complete form, and what went wrong on the way.</summary>
public sealed record ReadResult(IReadOnlyList<SExpr> Forms, IReadOnlyList<ZastDiagnostic> Diagnostics)
{
    public bool Success => Diagnostics.All(d => d.Severity != ZastSeverity.Error);
}

/// <summary>
/// Reads zast text into <see cref="SExpr"/> forms. It never throws: an unclosed list is closed at
/// the end of input with a diagnostic naming where it opened, a stray <c>)</c> is skipped, and
/// nesting is tracked on an explicit stack so deep input cannot overflow the call stack.
/// Syntax: lists <c>( … )</c>, Go-escaped strings, decimal integers, <c>:keywords</c>, symbols
/// (any other run of characters up to whitespace, a parenthesis, a quote or <c>;</c>), and
/// <c>;</c> comments to the end of the line.
/// </summary>
public sealed class SExprReader
{
    private readonly string _text;
    private readonly string _file;
    private readonly ZastOptions _options;
    private readonly List<ZastDiagnostic> _diagnostics = [];

    // Zast text repeats a few hundred names (node types, field keywords, tokens, nil) millions of
    // times; interning them avoids one string allocation per atom.
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
    private int _offset;
    private int _line = 1;
    private int _column = 1;

    private SExprReader(string text, string file, ZastOptions options)
    {
        _text = text;
        _file = file;
        _options = options;
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static ReadResult Read(string text, string file = "<zast>", ZastOptions? options = null) =>
        new SExprReader(text, file, options ?? ZastOptions.Default).ReadAll();

    private ReadResult ReadAll()
    {
        var topLevel = new List<SExpr>();
        var open = new Stack<(List<SExpr> Items, SourceLocation Opener)>();
        List<SExpr> Current() => open.Count > 0 ? open.Peek().Items : topLevel;

        while (true)
        {
            SkipWhitespaceAndComments();
            if (_offset >= _text.Length) break;
            var location = Here();
            var c = _text[_offset];
            switch (c)
            {
                case '(':
                    Advance();
                    if (open.Count >= _options.MaxDepth)
                    {
                        Report(ZastDiagnosticCatalog.TooDeep, location, _options.MaxDepth.ToString(CultureInfo.InvariantCulture));
                        return new ReadResult(topLevel, _diagnostics);
                    }
                    open.Push(([], location));
                    break;
                case ')':
                    Advance();
                    if (open.Count == 0)
                    {
                        Report(ZastDiagnosticCatalog.UnexpectedCloser, location);
                        break;
                    }
                    var (items, opener) = open.Pop();
                    Current().Add(new SList(items, opener));
                    break;
                case '"':
                    Current().Add(ReadString(location));
                    break;
                default:
                    Current().Add(ReadAtom(location));
                    break;
            }
        }

        while (open.Count > 0)
        {
            var (items, opener) = open.Pop();
            Report(ZastDiagnosticCatalog.UnclosedList, opener, opener.ToString());
            Current().Add(new SList(items, opener));
        }
        return new ReadResult(topLevel, _diagnostics);
    }

    private SExpr ReadString(SourceLocation start)
    {
        Advance(); // opening quote
        // Fast path: most strings hold no escape and no newline, so they are one slice of the text.
        var length = _text.AsSpan(_offset).IndexOfAny('"', '\\', '\n');
        if (length >= 0 && _text[_offset + length] == '"')
        {
            var value = _text.Substring(_offset, length);
            _offset += length + 1;
            _column += length + 1;
            return new SString(value, start);
        }
        var sb = new StringBuilder();
        while (_offset < _text.Length)
        {
            var c = _text[_offset];
            if (c == '"')
            {
                Advance();
                return new SString(sb.ToString(), start);
            }
            if (c != '\\')
            {
                sb.Append(c);
                Advance();
                continue;
            }
            ReadEscape(sb);
        }
        Report(ZastDiagnosticCatalog.UnterminatedString, start, start.ToString());
        return new SString(sb.ToString(), start);
    }

    /// <summary>Reads one Go escape sequence. Byte escapes (\x, octal) must denote ASCII, since a
    /// .NET string holds characters, not bytes; the writer never produces any other.</summary>
    private void ReadEscape(StringBuilder sb)
    {
        var location = Here();
        Advance(); // backslash
        if (_offset >= _text.Length)
        {
            Report(ZastDiagnosticCatalog.InvalidEscape, location, "\\");
            return;
        }
        var c = _text[_offset];
        Advance();
        switch (c)
        {
            case 'a': sb.Append('\a'); return;
            case 'b': sb.Append('\b'); return;
            case 'f': sb.Append('\f'); return;
            case 'n': sb.Append('\n'); return;
            case 'r': sb.Append('\r'); return;
            case 't': sb.Append('\t'); return;
            case 'v': sb.Append('\v'); return;
            case '\\': sb.Append('\\'); return;
            case '"': sb.Append('"'); return;
            case 'x': AppendCodePoint(sb, ReadDigits(2, 16), 0x7F, location, "\\x"); return;
            case 'u': AppendCodePoint(sb, ReadDigits(4, 16), 0x10FFFF, location, "\\u"); return;
            case 'U': AppendCodePoint(sb, ReadDigits(8, 16), 0x10FFFF, location, "\\U"); return;
            case >= '0' and <= '7':
                _offset--; _column--; // the first octal digit is part of the number
                AppendCodePoint(sb, ReadDigits(3, 8), 0x7F, location, "\\" + c);
                return;
            default:
                Report(ZastDiagnosticCatalog.InvalidEscape, location, "\\" + c);
                return;
        }
    }

    private int ReadDigits(int count, int radix)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            if (_offset >= _text.Length) return -1;
            var digit = HexValue(_text[_offset]);
            if (digit < 0 || digit >= radix) return -1;
            value = value * radix + digit;
            Advance();
        }
        return value;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private void AppendCodePoint(StringBuilder sb, int value, int max, SourceLocation location, string escape)
    {
        if (value < 0 || value > max || value is >= 0xD800 and <= 0xDFFF)
        {
            Report(ZastDiagnosticCatalog.InvalidEscape, location, escape + "…");
            return;
        }
        sb.Append(char.ConvertFromUtf32(value));
    }

    private SExpr ReadAtom(SourceLocation start)
    {
        var begin = _offset;
        // Atoms never contain a newline, so only the column moves.
        while (_offset < _text.Length && !IsDelimiter(_text[_offset])) _offset++;
        _column += _offset - begin;
        var text = _text.AsSpan(begin, _offset - begin);

        if (text[0] == ':')
        {
            if (text.Length == 1) Report(ZastDiagnosticCatalog.EmptyKeyword, start);
            return new SKeyword(Intern(text[1..]), start);
        }
        if (LooksLikeInteger(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                return new SInteger(value, start);
            Report(ZastDiagnosticCatalog.IntegerOutOfRange, start, text.ToString());
            return new SInteger(0, start);
        }
        return new SSymbol(Intern(text), start);
    }

    private string Intern(ReadOnlySpan<char> name)
    {
        if (_nameLookup.TryGetValue(name, out var interned)) return interned;
        var text = name.ToString();
        _names[text] = text;
        return text;
    }

    private static bool LooksLikeInteger(ReadOnlySpan<char> text)
    {
        var digits = text[0] == '-' ? text[1..] : text;
        if (digits.IsEmpty) return false;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return false;
        }
        return true;
    }

    private static bool IsDelimiter(char c) => c is '(' or ')' or '"' or ';' or ' ' or '\n' || char.IsWhiteSpace(c);

    private void SkipWhitespaceAndComments()
    {
        while (_offset < _text.Length)
        {
            var c = _text[_offset];
            if (c == ' ')
            {
                _offset++;
                _column++;
            }
            else if (char.IsWhiteSpace(c))
            {
                Advance();
            }
            else if (c == ';')
            {
                while (_offset < _text.Length && _text[_offset] != '\n') Advance();
            }
            else
            {
                return;
            }
        }
    }

    private void Advance()
    {
        if (_text[_offset] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }
        _offset++;
    }

    private SourceLocation Here() => new(_file, _line, _column);

    private void Report(string id, SourceLocation location, params string[] args) =>
        _diagnostics.Add(new ZastDiagnostic(id, ZastSeverity.Error, location, "", args));
}
