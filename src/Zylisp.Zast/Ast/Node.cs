namespace Zylisp.Zast.Ast;

// The Go AST, mirroring go/ast as of Go 1.22. Every node's properties are declared in go/ast's
// field order, which the canonical S-expression format follows. The deprecated Scope, Object
// and Unresolved parts are left out (see docs/design/zast.md).
//
// Nodes are mutable, like go/ast's, because parsers and builders fill them in stages; treat a
// finished tree as immutable. Slices are never null: an absent slice is an empty list, because
// the canonical format writes Go's nil and empty slices alike as ().

/// <summary>Every AST node: it spans <see cref="Pos"/> (first character) to <see cref="End"/> (just past the last).</summary>
public abstract class Node
{
    public abstract Pos Pos { get; }
    public abstract Pos End { get; }
}

/// <summary>An expression or type.</summary>
public abstract class Expr : Node;

/// <summary>A statement.</summary>
public abstract class Stmt : Node;

/// <summary>A top-level declaration.</summary>
public abstract class Decl : Node;

/// <summary>An import, constant/variable or type specification inside a <see cref="GenDecl"/>.</summary>
public abstract class Spec : Node;

/// <summary>A single <c>//</c> or <c>/* */</c> comment; <see cref="Text"/> includes the markers.</summary>
public sealed class Comment : Node
{
    public Pos Slash { get; set; }
    public string Text { get; set; } = "";

    public override Pos Pos => Slash;
    public override Pos End => Slash + System.Text.Encoding.UTF8.GetByteCount(Text);
}

/// <summary>A run of comments with no other tokens and no empty lines between them.</summary>
public sealed class CommentGroup : Node
{
    public List<Comment> List { get; set; } = [];

    public override Pos Pos => List[0].Pos;
    public override Pos End => List[^1].End;
}

/// <summary>A parameter, result, struct field, method or type parameter declaration.</summary>
public sealed class Field : Node
{
    public CommentGroup? Doc { get; set; }
    public List<Ident> Names { get; set; } = [];
    public Expr? Type { get; set; }
    public BasicLit? Tag { get; set; }
    public CommentGroup? Comment { get; set; }

    public override Pos Pos =>
        Names.Count > 0 ? Names[0].Pos : Type?.Pos ?? Pos.NoPos;

    public override Pos End =>
        Tag?.End ?? Type?.End ?? (Names.Count > 0 ? Names[^1].End : Pos.NoPos);
}

/// <summary>A list of fields in parentheses, braces or brackets.</summary>
public sealed class FieldList : Node
{
    public Pos Opening { get; set; }
    public List<Field> List { get; set; } = [];
    public Pos Closing { get; set; }

    public override Pos Pos =>
        Opening.IsValid ? Opening : List.Count > 0 ? List[0].Pos : Pos.NoPos;

    public override Pos End =>
        Closing.IsValid ? Closing + 1 : List.Count > 0 ? List[^1].End : Pos.NoPos;

    /// <summary>The number of parameters or struct fields: each name counts, an anonymous field counts once.</summary>
    public int NumFields()
    {
        // A loop, not Enumerable.Sum over ints (generic code compiled at run time).
        var count = 0;
        foreach (var field in List) count += Math.Max(1, field.Names.Count);
        return count;
    }
}

/// <summary>A channel type's direction, as go/ast.ChanDir (a bit set).</summary>
[Flags]
public enum ChanDir
{
    Send = 1,
    Recv = 2,
}
