namespace Zylisp.Zast.Ast;

/// <summary>The lexical tokens of Go, in go/token's order.</summary>
/// <remarks>
/// C# names are PascalCase; <see cref="TokenInfo.GoName"/> gives go/token's constant name
/// (<c>AND_NOT</c>), which the canonical S-expression format writes, and
/// <see cref="TokenInfo.Text"/> gives the source spelling (<c>&amp;^</c>).
/// </remarks>
public enum Token
{
    Illegal, Eof, Comment,

    // Literals
    Ident, Int, Float, Imag, Char, String,

    // Operators and delimiters
    Add, Sub, Mul, Quo, Rem,
    And, Or, Xor, Shl, Shr, AndNot,
    AddAssign, SubAssign, MulAssign, QuoAssign, RemAssign,
    AndAssign, OrAssign, XorAssign, ShlAssign, ShrAssign, AndNotAssign,
    LAnd, LOr, Arrow, Inc, Dec,
    Eql, Lss, Gtr, Assign, Not,
    Neq, Leq, Geq, Define, Ellipsis,
    LParen, LBrack, LBrace, Comma, Period,
    RParen, RBrack, RBrace, Semicolon, Colon,

    // Keywords
    Break, Case, Chan, Const, Continue,
    Default, Defer, Else, Fallthrough, For,
    Func, Go, Goto, If, Import,
    Interface, Map, Package, Range, Return,
    Select, Struct, Switch, Type, Var,

    // Generics
    Tilde,
}

/// <summary>Names, spellings and precedence of <see cref="Token"/> values, as go/token defines them.</summary>
public static class TokenInfo
{
    private static readonly (Token Token, string GoName, string Text)[] Table =
    [
        (Token.Illegal, "ILLEGAL", "ILLEGAL"), (Token.Eof, "EOF", "EOF"), (Token.Comment, "COMMENT", "COMMENT"),
        (Token.Ident, "IDENT", "IDENT"), (Token.Int, "INT", "INT"), (Token.Float, "FLOAT", "FLOAT"),
        (Token.Imag, "IMAG", "IMAG"), (Token.Char, "CHAR", "CHAR"), (Token.String, "STRING", "STRING"),
        (Token.Add, "ADD", "+"), (Token.Sub, "SUB", "-"), (Token.Mul, "MUL", "*"), (Token.Quo, "QUO", "/"),
        (Token.Rem, "REM", "%"), (Token.And, "AND", "&"), (Token.Or, "OR", "|"), (Token.Xor, "XOR", "^"),
        (Token.Shl, "SHL", "<<"), (Token.Shr, "SHR", ">>"), (Token.AndNot, "AND_NOT", "&^"),
        (Token.AddAssign, "ADD_ASSIGN", "+="), (Token.SubAssign, "SUB_ASSIGN", "-="),
        (Token.MulAssign, "MUL_ASSIGN", "*="), (Token.QuoAssign, "QUO_ASSIGN", "/="),
        (Token.RemAssign, "REM_ASSIGN", "%="), (Token.AndAssign, "AND_ASSIGN", "&="),
        (Token.OrAssign, "OR_ASSIGN", "|="), (Token.XorAssign, "XOR_ASSIGN", "^="),
        (Token.ShlAssign, "SHL_ASSIGN", "<<="), (Token.ShrAssign, "SHR_ASSIGN", ">>="),
        (Token.AndNotAssign, "AND_NOT_ASSIGN", "&^="),
        (Token.LAnd, "LAND", "&&"), (Token.LOr, "LOR", "||"), (Token.Arrow, "ARROW", "<-"),
        (Token.Inc, "INC", "++"), (Token.Dec, "DEC", "--"),
        (Token.Eql, "EQL", "=="), (Token.Lss, "LSS", "<"), (Token.Gtr, "GTR", ">"),
        (Token.Assign, "ASSIGN", "="), (Token.Not, "NOT", "!"),
        (Token.Neq, "NEQ", "!="), (Token.Leq, "LEQ", "<="), (Token.Geq, "GEQ", ">="),
        (Token.Define, "DEFINE", ":="), (Token.Ellipsis, "ELLIPSIS", "..."),
        (Token.LParen, "LPAREN", "("), (Token.LBrack, "LBRACK", "["), (Token.LBrace, "LBRACE", "{"),
        (Token.Comma, "COMMA", ","), (Token.Period, "PERIOD", "."),
        (Token.RParen, "RPAREN", ")"), (Token.RBrack, "RBRACK", "]"), (Token.RBrace, "RBRACE", "}"),
        (Token.Semicolon, "SEMICOLON", ";"), (Token.Colon, "COLON", ":"),
        (Token.Break, "BREAK", "break"), (Token.Case, "CASE", "case"), (Token.Chan, "CHAN", "chan"),
        (Token.Const, "CONST", "const"), (Token.Continue, "CONTINUE", "continue"),
        (Token.Default, "DEFAULT", "default"), (Token.Defer, "DEFER", "defer"), (Token.Else, "ELSE", "else"),
        (Token.Fallthrough, "FALLTHROUGH", "fallthrough"), (Token.For, "FOR", "for"),
        (Token.Func, "FUNC", "func"), (Token.Go, "GO", "go"), (Token.Goto, "GOTO", "goto"),
        (Token.If, "IF", "if"), (Token.Import, "IMPORT", "import"),
        (Token.Interface, "INTERFACE", "interface"), (Token.Map, "MAP", "map"),
        (Token.Package, "PACKAGE", "package"), (Token.Range, "RANGE", "range"),
        (Token.Return, "RETURN", "return"), (Token.Select, "SELECT", "select"),
        (Token.Struct, "STRUCT", "struct"), (Token.Switch, "SWITCH", "switch"),
        (Token.Type, "TYPE", "type"), (Token.Var, "VAR", "var"),
        (Token.Tilde, "TILDE", "~"),
    ];

    private static readonly Dictionary<string, object> ByGoName = Index(row => true, row => row.GoName);

    private static readonly Dictionary<string, object> Keywords = Index(row => IsKeyword(row.Token), row => row.Text);

    // A loop, not LINQ over the table's value tuples, and boxed tokens as values: generic code
    // over value types (LINQ over the tuples, a Dictionary<string, Token>) is not precompiled
    // (ReadyToRun) and was JIT-compiled in every process that prints or parses Go.
    private static Dictionary<string, object> Index(Func<(Token Token, string GoName, string Text), bool> include, Func<(Token Token, string GoName, string Text), string> key)
    {
        var index = new Dictionary<string, object>(StringComparer.Ordinal);
        for (int i = 0; i < Table.Length; i++)
        {
            if (include(Table[i]))
            {
                index.Add(key(Table[i]), Table[i].Token);
            }
        }

        return index;
    }

    /// <summary>go/token's constant name, e.g. <c>AND_NOT</c>: the spelling in canonical S-expressions.</summary>
    public static string GoName(this Token token) => Table[(int)token].GoName;

    /// <summary>The token's source text (<c>&amp;^</c>, <c>func</c>); for literal classes, its go/token name.</summary>
    public static string Text(this Token token) => Table[(int)token].Text;

    public static bool TryParseGoName(string goName, out Token token)
    {
        var found = ByGoName.TryGetValue(goName, out var boxed);
        token = found ? (Token)boxed! : default;
        return found;
    }

    /// <summary>Maps an identifier to its keyword token, or <see cref="Token.Ident"/>.</summary>
    public static Token Lookup(string identifier) =>
        Keywords.TryGetValue(identifier, out var keyword) ? (Token)keyword : Token.Ident;

    public static bool IsLiteral(this Token token) => token is >= Token.Ident and <= Token.String;

    public static bool IsOperator(this Token token) => token is >= Token.Add and <= Token.Colon || token == Token.Tilde;

    public static bool IsKeyword(this Token token) => token is >= Token.Break and <= Token.Var;

    /// <summary>Binary operator precedence as in go/token: 5 (highest) down to 1, or 0 for non-operators.</summary>
    public static int Precedence(this Token token) => token switch
    {
        Token.LOr => 1,
        Token.LAnd => 2,
        Token.Eql or Token.Neq or Token.Lss or Token.Leq or Token.Gtr or Token.Geq => 3,
        Token.Add or Token.Sub or Token.Or or Token.Xor => 4,
        Token.Mul or Token.Quo or Token.Rem or Token.Shl or Token.Shr or Token.And or Token.AndNot => 5,
        _ => 0,
    };

    /// <summary>The highest precedence a unary operator binds with, as go/token.UnaryPrec.</summary>
    public const int UnaryPrecedence = 6;

    /// <summary>The precedence of a primary expression, as go/token.HighestPrec.</summary>
    public const int HighestPrecedence = 7;
}
