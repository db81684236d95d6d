using Zylisp.Zast.Diagnostics;

namespace Zylisp.Zast.SExpressions;

/// <summary>A form read from zast text, with where it starts. This is the reader's own tiny data model:
/// Zylisp.Zast depends on nothing else in Zylisp.</summary>
public abstract record SExpr(SourceLocation Location)
{
    /// <summary>A short description for diagnostics: <c>the symbol foo</c>, <c>a list</c>.</summary>
    public abstract string Describe();
}

public sealed record SList(IReadOnlyList<SExpr> Items, SourceLocation Location) : SExpr(Location)
{
    public override string Describe() =>
        Items.Count == 0 ? "an empty list" : Items[0] is SSymbol head ? $"a ({head.Name} ...) form" : "a list";
}

public sealed record SSymbol(string Name, SourceLocation Location) : SExpr(Location)
{
    public override string Describe() => $"the symbol {Name}";
}

/// <summary>A <c>:name</c> keyword; <see cref="Name"/> excludes the colon.</summary>
public sealed record SKeyword(string Name, SourceLocation Location) : SExpr(Location)
{
    public override string Describe() => $"the keyword :{Name}";
}

public sealed record SString(string Value, SourceLocation Location) : SExpr(Location)
{
    public override string Describe() => "a string";
}

public sealed record SInteger(long Value, SourceLocation Location) : SExpr(Location)
{
    public override string Describe() => $"the integer {Value}";
}
