namespace Zylisp.Zast.Ast;

/// <summary>A placeholder for an expression containing syntax errors.</summary>
public sealed class BadExpr : Expr
{
    public Pos From { get; set; }
    public Pos To { get; set; }

    public override Pos Pos => From;
    public override Pos End => To;
}

public sealed class Ident : Expr
{
    public Pos NamePos { get; set; }
    public string Name { get; set; } = "";

    public override Pos Pos => NamePos;
    public override Pos End => NamePos + System.Text.Encoding.UTF8.GetByteCount(Name);

    public bool IsExported => Name.Length > 0 && char.IsUpper(Name, 0);

    public override string ToString() => Name;
}

/// <summary><c>...</c> in a parameter list (<c>...T</c>) or an array type (<c>[...]T</c>).</summary>
public sealed class Ellipsis : Expr
{
    public Pos EllipsisPos { get; set; }
    public Expr? Elt { get; set; }

    public override Pos Pos => EllipsisPos;
    public override Pos End => Elt?.End ?? EllipsisPos + 3;
}

/// <summary>A literal of basic type; <see cref="Value"/> is the source text (<c>"\"a\""</c>, <c>0x1F</c>).</summary>
public sealed class BasicLit : Expr
{
    public Pos ValuePos { get; set; }
    public Token Kind { get; set; }
    public string Value { get; set; } = "";

    public override Pos Pos => ValuePos;
    public override Pos End => ValuePos + System.Text.Encoding.UTF8.GetByteCount(Value);
}

public sealed class FuncLit : Expr
{
    public FuncType Type { get; set; } = new();
    public BlockStmt Body { get; set; } = new();

    public override Pos Pos => Type.Pos;
    public override Pos End => Body.End;
}

public sealed class CompositeLit : Expr
{
    public Expr? Type { get; set; }
    public Pos Lbrace { get; set; }
    public List<Expr> Elts { get; set; } = [];
    public Pos Rbrace { get; set; }
    public bool Incomplete { get; set; }

    public override Pos Pos => Type?.Pos ?? Lbrace;
    public override Pos End => Rbrace + 1;
}

public sealed class ParenExpr : Expr
{
    public Pos Lparen { get; set; }
    public Expr X { get; set; } = null!;
    public Pos Rparen { get; set; }

    public override Pos Pos => Lparen;
    public override Pos End => Rparen + 1;
}

public sealed class SelectorExpr : Expr
{
    public Expr X { get; set; } = null!;
    public Ident Sel { get; set; } = new();

    public override Pos Pos => X.Pos;
    public override Pos End => Sel.End;
}

public sealed class IndexExpr : Expr
{
    public Expr X { get; set; } = null!;
    public Pos Lbrack { get; set; }
    public Expr Index { get; set; } = null!;
    public Pos Rbrack { get; set; }

    public override Pos Pos => X.Pos;
    public override Pos End => Rbrack + 1;
}

/// <summary>An instantiation with several type arguments, <c>X[A, B]</c>.</summary>
public sealed class IndexListExpr : Expr
{
    public Expr X { get; set; } = null!;
    public Pos Lbrack { get; set; }
    public List<Expr> Indices { get; set; } = [];
    public Pos Rbrack { get; set; }

    public override Pos Pos => X.Pos;
    public override Pos End => Rbrack + 1;
}

public sealed class SliceExpr : Expr
{
    public Expr X { get; set; } = null!;
    public Pos Lbrack { get; set; }
    public Expr? Low { get; set; }
    public Expr? High { get; set; }
    public Expr? Max { get; set; }
    public bool Slice3 { get; set; }
    public Pos Rbrack { get; set; }

    public override Pos Pos => X.Pos;
    public override Pos End => Rbrack + 1;
}

/// <summary><c>X.(Type)</c>; <see cref="Type"/> is null for <c>X.(type)</c> in a type switch.</summary>
public sealed class TypeAssertExpr : Expr
{
    public Expr X { get; set; } = null!;
    public Pos Lparen { get; set; }
    public Expr? Type { get; set; }
    public Pos Rparen { get; set; }

    public override Pos Pos => X.Pos;
    public override Pos End => Rparen + 1;
}

public sealed class CallExpr : Expr
{
    public Expr Fun { get; set; } = null!;
    public Pos Lparen { get; set; }
    public List<Expr> Args { get; set; } = [];
    /// <summary>Position of a trailing <c>...</c>, or <see cref="Pos.NoPos"/>.</summary>
    public Pos Ellipsis { get; set; }
    public Pos Rparen { get; set; }

    public override Pos Pos => Fun.Pos;
    public override Pos End => Rparen + 1;
}

/// <summary><c>*X</c>: a pointer type or a dereference.</summary>
public sealed class StarExpr : Expr
{
    public Pos Star { get; set; }
    public Expr X { get; set; } = null!;

    public override Pos Pos => Star;
    public override Pos End => X.End;
}

public sealed class UnaryExpr : Expr
{
    public Pos OpPos { get; set; }
    public Token Op { get; set; }
    public Expr X { get; set; } = null!;

    public override Pos Pos => OpPos;
    public override Pos End => X.End;
}

public sealed class BinaryExpr : Expr
{
    public Expr X { get; set; } = null!;
    public Pos OpPos { get; set; }
    public Token Op { get; set; }
    public Expr Y { get; set; } = null!;

    public override Pos Pos => X.Pos;
    public override Pos End => Y.End;
}

/// <summary><c>Key: Value</c> inside a composite literal.</summary>
public sealed class KeyValueExpr : Expr
{
    public Expr Key { get; set; } = null!;
    public Pos Colon { get; set; }
    public Expr Value { get; set; } = null!;

    public override Pos Pos => Key.Pos;
    public override Pos End => Value.End;
}

/// <summary><c>[Len]Elt</c>; <see cref="Len"/> is null for slices and an <see cref="Ellipsis"/> for <c>[...]T</c>.</summary>
public sealed class ArrayType : Expr
{
    public Pos Lbrack { get; set; }
    public Expr? Len { get; set; }
    public Expr Elt { get; set; } = null!;

    public override Pos Pos => Lbrack;
    public override Pos End => Elt.End;
}

public sealed class StructType : Expr
{
    public Pos Struct { get; set; }
    public FieldList Fields { get; set; } = new();
    public bool Incomplete { get; set; }

    public override Pos Pos => Struct;
    public override Pos End => Fields.End;
}

/// <summary>A function signature; <see cref="Func"/> is NoPos when the <c>func</c> keyword is absent (methods in interfaces, FuncDecl has it).</summary>
public sealed class FuncType : Expr
{
    public Pos Func { get; set; }
    public FieldList? TypeParams { get; set; }
    public FieldList Params { get; set; } = new();
    public FieldList? Results { get; set; }

    public override Pos Pos => Func.IsValid || Params is null ? Func : Params.Pos;
    public override Pos End => Results?.End ?? Params.End;
}

public sealed class InterfaceType : Expr
{
    public Pos Interface { get; set; }
    public FieldList Methods { get; set; } = new();
    public bool Incomplete { get; set; }

    public override Pos Pos => Interface;
    public override Pos End => Methods.End;
}

public sealed class MapType : Expr
{
    public Pos Map { get; set; }
    public Expr Key { get; set; } = null!;
    public Expr Value { get; set; } = null!;

    public override Pos Pos => Map;
    public override Pos End => Value.End;
}

/// <summary><c>chan T</c>, <c>chan&lt;- T</c> or <c>&lt;-chan T</c>.</summary>
public sealed class ChanType : Expr
{
    public Pos Begin { get; set; }
    /// <summary>Position of <c>&lt;-</c>, or NoPos for a bidirectional channel.</summary>
    public Pos Arrow { get; set; }
    public ChanDir Dir { get; set; } = ChanDir.Send | ChanDir.Recv;
    public Expr Value { get; set; } = null!;

    public override Pos Pos => Begin;
    public override Pos End => Value.End;
}
