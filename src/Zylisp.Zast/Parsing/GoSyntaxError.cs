using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Parsing;

/// <summary>
/// A scanner or parser error, as go/scanner.Error: where it happened and go/parser's message
/// (<c>expected ';', found 'EOF'</c>). <see cref="ToString"/> gives <c>file:line:col: message</c>.
/// </summary>
public sealed record GoSyntaxError(Position Position, string Message) : IComparable<GoSyntaxError>
{
    public override string ToString() =>
        Position.Filename.Length > 0 || Position.IsValid ? $"{Position}: {Message}" : Message;

    /// <summary>Orders like go/scanner.ErrorList: by file, line, column, then message.</summary>
    public int CompareTo(GoSyntaxError? other)
    {
        if (other is null) return 1;
        var byName = string.CompareOrdinal(Position.Filename, other.Position.Filename);
        if (byName != 0) return byName;
        if (Position.Line != other.Position.Line) return Position.Line.CompareTo(other.Position.Line);
        if (Position.Column != other.Position.Column) return Position.Column.CompareTo(other.Position.Column);
        return string.CompareOrdinal(Message, other.Message);
    }
}
