namespace Zylisp.Zast.Schema;

/// <summary>What a node field holds, which decides how the canonical format writes and reads it.</summary>
public enum FieldKind
{
    /// <summary>A <see cref="Ast.Pos"/>, written as an integer (0 = no position).</summary>
    Pos,

    /// <summary>A node that valid trees always have, of the field's <see cref="FieldSchema.NodeType"/>.</summary>
    Node,

    /// <summary>A node or <c>nil</c>.</summary>
    OptionalNode,

    /// <summary>A list of nodes of <see cref="FieldSchema.NodeType"/>; nil and empty slices are both <c>()</c>.</summary>
    NodeList,

    /// <summary>A <see cref="Ast.Token"/>, written as its bare go/token name (<c>ADD</c>).</summary>
    Token,

    /// <summary>A string, written Go-escaped in double quotes.</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>A <see cref="Ast.ChanDir"/>: <c>SEND</c>, <c>RECV</c> or <c>(SEND RECV)</c>.</summary>
    ChanDir,
}
