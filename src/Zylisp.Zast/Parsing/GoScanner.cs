using System.Globalization;
using System.Text;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Parsing;

/// <summary>
/// Go's lexer, behaving as go/scanner (Go 1.22) in <c>ScanComments</c> mode: the same tokens,
/// automatic semicolons (a <c>//</c> comment keeps a pending semicolon, which then sits on the
/// newline; a multi-line <c>/* */</c> comment is followed by a semicolon at its first newline),
/// the same literal text (carriage returns stripped from raw strings and comments), the same
/// error messages, and the same line table, filled in as newlines are passed.
/// </summary>
/// <remarks>
/// It works on UTF-8 bytes. <c>_ch</c> is the current character (a rune, or -1 at the end) at
/// <c>_offset</c>; <c>_rdOffset</c> is where the next one starts, exactly as go/scanner keeps it,
/// so that errors for NUL bytes, bad UTF-8 and stray byte order marks come once per character,
/// in the same order as Go reports them. Hot loops (identifiers, whitespace, comments) read ASCII
/// bytes directly and fall back to <see cref="Next"/> for anything else.
/// </remarks>
internal sealed class GoScanner
{
    private const int Eof = -1;
    private const int Bom = 0xFEFF;

    private readonly byte[] _src;
    private readonly TokenFile _file;
    private readonly NameTable _names;
    private readonly Action<int, string> _error;

    private int _ch;
    private int _offset;
    private int _rdOffset;
    private int _lineOffset;
    private int _line = 1;
    private bool _insertSemi;
    private int _nlOffset = -1;
    private int _nlLine;

    public GoScanner(TokenFile file, byte[] src, NameTable names, Action<int, string> error)
    {
        _file = file;
        _src = src;
        _names = names;
        _error = error;
        _ch = ' ';
        Next();
        if (_ch == Bom) Next();
    }

    /// <summary>The number of errors reported so far.</summary>
    public int ErrorCount { get; private set; }

    // The token produced by the last Scan.
    public Token Tok;
    public int TokOffset;
    public int TokLine;
    /// <summary>Identifier and literal text, comment text, ";" or "\n" for semicolons, the character for ILLEGAL; else null.</summary>
    public string? Lit;

    private void Error(int offset, string message)
    {
        ErrorCount++;
        _error(offset, message);
    }

    /// <summary>Moves to the next character, adding a line when leaving a newline (go/scanner's next).</summary>
    private void Next()
    {
        if (_rdOffset < _src.Length)
        {
            _offset = _rdOffset;
            if (_ch == '\n') NewLine();
            int r = _src[_rdOffset], w = 1;
            if (r == 0)
            {
                Error(_offset, "illegal character NUL");
            }
            else if (r >= 0x80)
            {
                r = DecodeRune(_rdOffset, out w);
                if (r == 0xFFFD && w == 1) Error(_offset, "illegal UTF-8 encoding");
                else if (r == Bom && _offset > 0) Error(_offset, "illegal byte order mark");
            }
            _rdOffset += w;
            _ch = r;
        }
        else
        {
            _offset = _src.Length;
            if (_ch == '\n') NewLine();
            _ch = Eof;
        }
    }

    private void NewLine()
    {
        _lineOffset = _offset;
        if (_offset < _src.Length && _offset > 0)
        {
            _file.AddLine(_offset);
            _line++;
        }
    }

    /// <summary>Decodes one rune as Go's utf8.DecodeRune: invalid input gives U+FFFD with width 1.</summary>
    private int DecodeRune(int at, out int width)
    {
        var status = Rune.DecodeFromUtf8(_src.AsSpan(at), out var rune, out width);
        if (status != System.Buffers.OperationStatus.Done)
        {
            width = 1;
            return 0xFFFD;
        }
        return rune.Value;
    }

    private byte Peek() => _rdOffset < _src.Length ? _src[_rdOffset] : (byte)0;

    private static bool IsAsciiLetter(int ch) => (uint)((ch | 0x20) - 'a') <= 'z' - 'a' || ch == '_';

    private static bool IsDecimal(int ch) => (uint)(ch - '0') <= 9;

    private static bool IsHex(int ch) => IsDecimal(ch) || (uint)((ch | 0x20) - 'a') <= 'f' - 'a';

    private static bool IsLetter(int ch) =>
        IsAsciiLetter(ch) || ch >= 0x80 && Rune.IsValid(ch) && Rune.IsLetter(new Rune(ch));

    private static bool IsDigit(int ch) =>
        IsDecimal(ch) || ch >= 0x80 && Rune.IsValid(ch) && Rune.IsDigit(new Rune(ch));

    private static int Lower(int ch) => ch | 0x20;

    private static int DigitVal(int ch) => ch switch
    {
        >= '0' and <= '9' => ch - '0',
        >= 'a' and <= 'f' => ch - 'a' + 10,
        >= 'A' and <= 'F' => ch - 'A' + 10,
        _ => 16,
    };

    /// <summary>Scans the next token into <see cref="Tok"/>, <see cref="TokOffset"/>, <see cref="TokLine"/> and <see cref="Lit"/>.</summary>
    public void Scan()
    {
        if (_nlOffset >= 0)
        {
            // The artificial ';' after a /*...*/ comment containing a newline, at that newline.
            SetToken(Token.Semicolon, _nlOffset, _nlLine, "\n");
            _nlOffset = -1;
            return;
        }

        SkipWhitespace();
        var offset = _offset;
        var line = _line;
        var insertSemi = false;
        Token tok;
        string? lit = null;
        var ch = _ch;

        if (IsAsciiLetter(ch) || ch >= 0x80 && IsLetter(ch))
        {
            lit = ScanIdentifier(out tok);
            insertSemi = tok is Token.Ident or Token.Break or Token.Continue or Token.Fallthrough or Token.Return;
        }
        else if (IsDecimal(ch) || ch == '.' && IsDecimal(Peek()))
        {
            insertSemi = true;
            tok = ScanNumber(out lit);
        }
        else
        {
            Next(); // always make progress
            switch (ch)
            {
                case Eof:
                    if (_insertSemi)
                    {
                        _insertSemi = false; // EOF consumed
                        SetToken(Token.Semicolon, offset, line, "\n");
                        return;
                    }
                    tok = Token.Eof;
                    break;
                case '\n':
                    // only reached when a semicolon is pending: SkipWhitespace stopped here
                    _insertSemi = false;
                    SetToken(Token.Semicolon, offset, line, "\n");
                    return;
                case '"':
                    insertSemi = true;
                    tok = Token.String;
                    lit = ScanString();
                    break;
                case '\'':
                    insertSemi = true;
                    tok = Token.Char;
                    lit = ScanRune();
                    break;
                case '`':
                    insertSemi = true;
                    tok = Token.String;
                    lit = ScanRawString();
                    break;
                case ':':
                    tok = Switch2(Token.Colon, Token.Define);
                    break;
                case '.':
                    tok = Token.Period;
                    if (_ch == '.' && Peek() == '.')
                    {
                        Next();
                        Next();
                        tok = Token.Ellipsis;
                    }
                    break;
                case ',':
                    tok = Token.Comma;
                    break;
                case ';':
                    tok = Token.Semicolon;
                    lit = ";";
                    break;
                case '(':
                    tok = Token.LParen;
                    break;
                case ')':
                    insertSemi = true;
                    tok = Token.RParen;
                    break;
                case '[':
                    tok = Token.LBrack;
                    break;
                case ']':
                    insertSemi = true;
                    tok = Token.RBrack;
                    break;
                case '{':
                    tok = Token.LBrace;
                    break;
                case '}':
                    insertSemi = true;
                    tok = Token.RBrace;
                    break;
                case '+':
                    tok = Switch3(Token.Add, Token.AddAssign, '+', Token.Inc);
                    insertSemi = tok == Token.Inc;
                    break;
                case '-':
                    tok = Switch3(Token.Sub, Token.SubAssign, '-', Token.Dec);
                    insertSemi = tok == Token.Dec;
                    break;
                case '*':
                    tok = Switch2(Token.Mul, Token.MulAssign);
                    break;
                case '/':
                    if (_ch == '/' || _ch == '*')
                    {
                        lit = ScanComment(offset, out var nlOffset);
                        if (_insertSemi && nlOffset != 0)
                        {
                            _nlOffset = nlOffset;
                            _nlLine = line;
                            _insertSemi = false;
                        }
                        else
                        {
                            insertSemi = _insertSemi; // keep the pending semicolon
                        }
                        tok = Token.Comment;
                    }
                    else
                    {
                        tok = Switch2(Token.Quo, Token.QuoAssign);
                    }
                    break;
                case '%':
                    tok = Switch2(Token.Rem, Token.RemAssign);
                    break;
                case '^':
                    tok = Switch2(Token.Xor, Token.XorAssign);
                    break;
                case '<':
                    if (_ch == '-')
                    {
                        Next();
                        tok = Token.Arrow;
                    }
                    else
                    {
                        tok = Switch4(Token.Lss, Token.Leq, '<', Token.Shl, Token.ShlAssign);
                    }
                    break;
                case '>':
                    tok = Switch4(Token.Gtr, Token.Geq, '>', Token.Shr, Token.ShrAssign);
                    break;
                case '=':
                    tok = Switch2(Token.Assign, Token.Eql);
                    break;
                case '!':
                    tok = Switch2(Token.Not, Token.Neq);
                    break;
                case '&':
                    if (_ch == '^')
                    {
                        Next();
                        tok = Switch2(Token.AndNot, Token.AndNotAssign);
                    }
                    else
                    {
                        tok = Switch3(Token.And, Token.AndAssign, '&', Token.LAnd);
                    }
                    break;
                case '|':
                    tok = Switch3(Token.Or, Token.OrAssign, '|', Token.LOr);
                    break;
                case '~':
                    tok = Token.Tilde;
                    break;
                default:
                    // Next already reported byte order marks
                    if (ch != Bom)
                    {
                        if (ch is 0x201C or 0x201D)
                            Error(offset, $"curly quotation mark {GoQuoteRune(ch)} (use neutral '\"')");
                        else
                            Error(offset, $"illegal character {GoRuneU(ch)}");
                    }
                    insertSemi = _insertSemi;
                    tok = Token.Illegal;
                    lit = char.ConvertFromUtf32(Rune.IsValid(ch) ? ch : 0xFFFD);
                    break;
            }
        }
        _insertSemi = insertSemi;
        SetToken(tok, offset, line, lit);
    }

    private void SetToken(Token tok, int offset, int line, string? lit)
    {
        Tok = tok;
        TokOffset = offset;
        TokLine = line;
        Lit = lit;
    }

    private void SkipWhitespace()
    {
        while (true)
        {
            var ch = _ch;
            if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' && !_insertSemi)
            {
                // fast path: the following bytes are plain ASCII whitespace
                if (ch != '\n')
                {
                    var src = _src;
                    var i = _rdOffset;
                    while (i < src.Length && (src[i] == ' ' || src[i] == '\t'))
                        i++;
                    if (i > _rdOffset)
                    {
                        _offset = i - 1;
                        _rdOffset = i;
                    }
                }
                Next();
            }
            else
            {
                return;
            }
        }
    }

    private string ScanIdentifier(out Token tok)
    {
        var start = _offset;
        var src = _src;
        for (var i = _rdOffset; i < src.Length; i++)
        {
            var b = src[i];
            if ((uint)((b | 0x20) - 'a') <= 'z' - 'a' || b == '_' || (uint)(b - '0') <= 9) continue;
            if (b is > 0 and < 0x80)
            {
                // an ASCII non-identifier byte: it becomes the current character directly
                // (safe because the previous character was not a newline)
                _ch = b;
                _offset = i;
                _rdOffset = i + 1;
                return _names.Get(src.AsSpan(start, i - start), out tok);
            }
            _offset = i - 1;
            _rdOffset = i;
            _ch = 'a';
            Next();
            while (IsLetter(_ch) || IsDigit(_ch)) Next();
            return _names.Get(src.AsSpan(start, _offset - start), out tok);
        }
        _offset = src.Length;
        _rdOffset = src.Length;
        _ch = Eof;
        return _names.Get(src.AsSpan(start), out tok);
    }

    private Token Switch2(Token tok0, Token tok1)
    {
        if (_ch != '=') return tok0;
        Next();
        return tok1;
    }

    private Token Switch3(Token tok0, Token tok1, int ch2, Token tok2)
    {
        if (_ch == '=')
        {
            Next();
            return tok1;
        }
        if (_ch != ch2) return tok0;
        Next();
        return tok2;
    }

    private Token Switch4(Token tok0, Token tok1, int ch2, Token tok2, Token tok3)
    {
        if (_ch == '=')
        {
            Next();
            return tok1;
        }
        if (_ch != ch2) return tok0;
        Next();
        if (_ch != '=') return tok2;
        Next();
        return tok3;
    }

    /// <summary>Scans a comment whose '/' is at <paramref name="start"/>; returns its text and the offset of the first newline inside a /* */ comment (0 if none).</summary>
    private string ScanComment(int start, out int nlOffset)
    {
        var numCR = 0;
        nlOffset = 0;
        if (_ch == '/')
        {
            // //-style: the final '\n' is not part of the comment
            Next();
            var src = _src;
            while (true)
            {
                var i = _rdOffset;
                if (_ch is > 0 and < 0x80 and not '\n' and not '\r')
                {
                    while (i < src.Length && src[i] is > 0 and < 0x80 and not (byte)'\n' and not (byte)'\r') i++;
                    _offset = i - 1;
                    _rdOffset = i;
                }
                if (_ch == '\n' || _ch < 0) break;
                if (_ch == '\r') numCR++;
                Next();
            }
        }
        else
        {
            Next();
            var terminated = false;
            while (_ch >= 0)
            {
                var ch = _ch;
                if (ch == '\r') numCR++;
                else if (ch == '\n' && nlOffset == 0) nlOffset = _offset;
                Next();
                if (ch == '*' && _ch == '/')
                {
                    Next();
                    terminated = true;
                    break;
                }
            }
            if (!terminated) Error(start, "comment not terminated");
        }

        var length = _offset - start;
        var isLine = _src[start + 1] == '/';
        if (numCR > 0 && length >= 2 && isLine && _src[start + length - 1] == '\r')
        {
            length--;
            numCR--;
        }
        var text = _src.AsSpan(start, length);
        return numCR > 0 ? StripCR(text, !isLine) : Encoding.UTF8.GetString(text);
    }

    private static string StripCR(ReadOnlySpan<byte> text, bool comment)
    {
        var result = new byte[text.Length];
        var n = 0;
        for (var j = 0; j < text.Length; j++)
        {
            var ch = text[j];
            // In a /* comment keep the \r of *\r/, which would otherwise close the comment early.
            if (ch != '\r' || comment && n > 2 && result[n - 1] == '*' && j + 1 < text.Length && text[j + 1] == '/')
                result[n++] = ch;
        }
        return Encoding.UTF8.GetString(result, 0, n);
    }

    private string ScanString()
    {
        var start = _offset - 1;
        while (true)
        {
            var ch = _ch;
            if (ch == '\n' || ch < 0)
            {
                Error(start, "string literal not terminated");
                break;
            }
            Next();
            if (ch == '"') break;
            if (ch == '\\') ScanEscape('"');
        }
        return Encoding.UTF8.GetString(_src, start, _offset - start);
    }

    private string ScanRawString()
    {
        var start = _offset - 1;
        var hasCR = false;
        while (true)
        {
            var ch = _ch;
            if (ch < 0)
            {
                Error(start, "raw string literal not terminated");
                break;
            }
            Next();
            if (ch == '`') break;
            if (ch == '\r') hasCR = true;
        }
        var text = _src.AsSpan(start, _offset - start);
        return hasCR ? StripCR(text, false) : Encoding.UTF8.GetString(text);
    }

    private string ScanRune()
    {
        var start = _offset - 1;
        var valid = true;
        var n = 0;
        while (true)
        {
            var ch = _ch;
            if (ch == '\n' || ch < 0)
            {
                if (valid)
                {
                    Error(start, "rune literal not terminated");
                    valid = false;
                }
                break;
            }
            Next();
            if (ch == '\'') break;
            n++;
            if (ch == '\\' && !ScanEscape('\'')) valid = false;
        }
        if (valid && n != 1) Error(start, "illegal rune literal");
        return Encoding.UTF8.GetString(_src, start, _offset - start);
    }

    private bool ScanEscape(int quote)
    {
        var start = _offset;
        int n;
        uint radix, max;
        switch (_ch)
        {
            case 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v' or '\\':
                Next();
                return true;
            case >= '0' and <= '7':
                (n, radix, max) = (3, 8, 255);
                break;
            case 'x':
                Next();
                (n, radix, max) = (2, 16, 255);
                break;
            case 'u':
                Next();
                (n, radix, max) = (4, 16, 0x10FFFF);
                break;
            case 'U':
                Next();
                (n, radix, max) = (8, 16, 0x10FFFF);
                break;
            default:
                if (_ch == quote)
                {
                    Next();
                    return true;
                }
                Error(start, _ch < 0 ? "escape sequence not terminated" : "unknown escape sequence");
                return false;
        }

        uint x = 0;
        for (; n > 0; n--)
        {
            var d = (uint)DigitVal(_ch);
            if (d >= radix)
            {
                Error(_offset, _ch < 0 ? "escape sequence not terminated" : $"illegal character {GoRuneU(_ch)} in escape sequence");
                return false;
            }
            x = x * radix + d;
            Next();
        }
        if (x > max || x is >= 0xD800 and < 0xE000)
        {
            Error(start, "escape sequence is invalid Unicode code point");
            return false;
        }
        return true;
    }

    private int Digits(int radix, ref int invalid)
    {
        var digsep = 0;
        if (radix <= 10)
        {
            var max = '0' + radix;
            while (IsDecimal(_ch) || _ch == '_')
            {
                var ds = 1;
                if (_ch == '_') ds = 2;
                else if (_ch >= max && invalid < 0) invalid = _offset;
                digsep |= ds;
                Next();
            }
        }
        else
        {
            while (IsHex(_ch) || _ch == '_')
            {
                digsep |= _ch == '_' ? 2 : 1;
                Next();
            }
        }
        return digsep;
    }

    private Token ScanNumber(out string lit)
    {
        var start = _offset;
        var tok = Token.Illegal;
        var radix = 10;
        var prefix = 0; // 0 (decimal), '0' (0-octal), 'x', 'o' or 'b'
        var digsep = 0; // bit 0: digit present, bit 1: '_' present
        var invalid = -1;

        if (_ch != '.')
        {
            tok = Token.Int;
            if (_ch == '0')
            {
                Next();
                switch (Lower(_ch))
                {
                    case 'x':
                        Next();
                        (radix, prefix) = (16, 'x');
                        break;
                    case 'o':
                        Next();
                        (radix, prefix) = (8, 'o');
                        break;
                    case 'b':
                        Next();
                        (radix, prefix) = (2, 'b');
                        break;
                    default:
                        (radix, prefix) = (8, '0');
                        digsep = 1; // leading 0
                        break;
                }
            }
            digsep |= Digits(radix, ref invalid);
        }

        if (_ch == '.')
        {
            tok = Token.Float;
            if (prefix is 'o' or 'b') Error(_offset, "invalid radix point in " + LiteralName(prefix));
            Next();
            digsep |= Digits(radix, ref invalid);
        }

        if ((digsep & 1) == 0) Error(_offset, LiteralName(prefix) + " has no digits");

        var e = Lower(_ch);
        if (e is 'e' or 'p')
        {
            if (e == 'e' && prefix != 0 && prefix != '0')
                Error(_offset, $"'{(char)_ch}' exponent requires decimal mantissa");
            else if (e == 'p' && prefix != 'x')
                Error(_offset, $"'{(char)_ch}' exponent requires hexadecimal mantissa");
            Next();
            tok = Token.Float;
            if (_ch is '+' or '-') Next();
            var none = -1;
            var ds = Digits(10, ref none);
            digsep |= ds;
            if ((ds & 1) == 0) Error(_offset, "exponent has no digits");
        }
        else if (prefix == 'x' && tok == Token.Float)
        {
            Error(_offset, "hexadecimal mantissa requires a 'p' exponent");
        }

        if (_ch == 'i')
        {
            tok = Token.Imag;
            Next();
        }

        lit = Encoding.UTF8.GetString(_src, start, _offset - start);
        if (tok == Token.Int && invalid >= 0)
            Error(invalid, $"invalid digit {GoQuoteRune(lit[invalid - start])} in {LiteralName(prefix)}");
        if ((digsep & 2) != 0)
        {
            var i = InvalidSeparator(lit);
            if (i >= 0) Error(start + i, "'_' must separate successive digits");
        }
        return tok;
    }

    private static string LiteralName(int prefix) => prefix switch
    {
        'x' => "hexadecimal literal",
        'o' or '0' => "octal literal",
        'b' => "binary literal",
        _ => "decimal literal",
    };

    /// <summary>The index of the first misplaced '_' in a number literal, or -1.</summary>
    private static int InvalidSeparator(string x)
    {
        var x1 = ' ';
        var d = '.'; // '_', '0' (a digit) or '.' (anything else)
        var i = 0;
        if (x.Length >= 2 && x[0] == '0')
        {
            x1 = (char)Lower(x[1]);
            if (x1 is 'x' or 'o' or 'b')
            {
                d = '0';
                i = 2;
            }
        }
        for (; i < x.Length; i++)
        {
            var p = d;
            d = x[i];
            if (d == '_')
            {
                if (p != '0') return i;
            }
            else if (IsDecimal(d) || x1 == 'x' && IsHex(d))
            {
                d = '0';
            }
            else
            {
                if (p == '_') return i - 1;
                d = '.';
            }
        }
        return d == '_' ? x.Length - 1 : -1;
    }

    /// <summary>Go's <c>%#U</c>: <c>U+0040 '@'</c>, without the quoted form for unprintable runes.</summary>
    internal static string GoRuneU(int ch)
    {
        var code = "U+" + ch.ToString("X4", CultureInfo.InvariantCulture);
        return IsPrint(ch) ? $"{code} '{char.ConvertFromUtf32(ch)}'" : code;
    }

    /// <summary>Go's <c>%q</c> of a rune, for the printable case.</summary>
    internal static string GoQuoteRune(int ch) =>
        IsPrint(ch) && ch != '\'' && ch != '\\' ? $"'{char.ConvertFromUtf32(ch)}'" : "'\\u" + ch.ToString("x4", CultureInfo.InvariantCulture) + "'";

    private static bool IsPrint(int ch)
    {
        if (!Rune.IsValid(ch)) return false;
        var category = Rune.GetUnicodeCategory(new Rune(ch));
        return ch == ' ' || category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }
}
