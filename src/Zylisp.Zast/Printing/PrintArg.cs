using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

/// <summary>Pending white space, as go/printer's whiteSpace values: written lazily so comments can be interspersed.</summary>
internal enum Whitespace : byte
{
    Ignore = 0,
    Blank = (byte)' ',
    Vtab = (byte)'\v',
    Newline = (byte)'\n',
    Formfeed = (byte)'\f',
    Indent = (byte)'>',
    Unindent = (byte)'<',
}

/// <summary>Toggles that suppress the blank or line break go/printer adds after a /*-style comment.</summary>
[Flags]
internal enum CommentMode
{
    None = 0,
    NoExtraBlank = 1,
    NoExtraLinebreak = 2,
}

/// <summary>
/// One item of a print sequence: a token, identifier, literal, raw string, white space, a source
/// position (which positions the next item) or a mode toggle. Implicit conversions let the node
/// printers write sequences the way go/printer's variadic print does.
/// </summary>
internal readonly struct PrintArg
{
    public enum ArgKind : byte { Token, Ident, Literal, Text, Whitespace, Position, Mode }

    private PrintArg(ArgKind kind, int value, object? payload)
    {
        Kind = kind;
        Value = value;
        Payload = payload;
    }

    public ArgKind Kind { get; }
    public int Value { get; }
    public object? Payload { get; }

    public static implicit operator PrintArg(Token token) => new(ArgKind.Token, (int)token, null);
    public static implicit operator PrintArg(Ident ident) => new(ArgKind.Ident, 0, ident);
    public static implicit operator PrintArg(BasicLit literal) => new(ArgKind.Literal, 0, literal);
    public static implicit operator PrintArg(string text) => new(ArgKind.Text, 0, text);
    public static implicit operator PrintArg(Whitespace whitespace) => new(ArgKind.Whitespace, (int)whitespace, null);
    public static implicit operator PrintArg(Pos pos) => new(ArgKind.Position, pos.Value, null);
    public static implicit operator PrintArg(CommentMode mode) => new(ArgKind.Mode, (int)mode, null);
}
