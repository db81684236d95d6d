using System.Collections.Immutable;
using Zylisp.Lang.Data;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Analysis;

// The analyzed IR: the one tree every backend consumes. It is immutable, resolved (locals are
// frame slots or closure captures, globals are Vars) and each node says in which context it
// is evaluated. It holds no behaviour: the interpreter and the compilers are separate visitors.

/// <summary>How a node's value is used: discarded, needed, or returned from the enclosing function.</summary>
public enum NodeContext
{
    Statement,
    Value,
    Tail,
}

/// <summary>Where a local lives at run time, seen from the function that reads it.</summary>
public enum LocalAccess
{
    /// <summary>A slot of the current function's frame (parameters first, then let/loop/catch locals).</summary>
    Slot,

    /// <summary>An entry of the current closure's captured values.</summary>
    Captured,

    /// <summary>The running function itself (the name of a named <c>fn</c>).</summary>
    Self,
}

/// <summary>A local variable introduced by a parameter, let, loop or catch. Identity matters, not the name.</summary>
public sealed class LocalBinding(string name, int slot, SourceSpan? span)
{
    public string Name { get; } = name;

    /// <summary>The slot in the frame of the function that owns this binding.</summary>
    public int Slot { get; } = slot;

    public SourceSpan? Span { get; } = span;

    public override string ToString() => Name + "@" + Slot;
}

public abstract record Node(NodeContext Context, SourceSpan? Span)
{
    /// <summary>Double dispatch to the visitor method of this node's kind (see <see cref="IIrVisitor{T}"/>).</summary>
    public abstract T Accept<T>(IIrVisitor<T> visitor);
}

public sealed record ConstNode(object? Value, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitConst(this);
}

public sealed record LocalRefNode(LocalBinding Binding, LocalAccess Access, int Index, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitLocalRef(this);
}

public sealed record GlobalRefNode(Var Var, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitGlobalRef(this);
}

/// <summary>A collection literal with at least one non-constant element (keys and values alternate for maps).</summary>
public sealed record CollectionNode(CollectionKind Kind, ImmutableArray<Node> Items, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitCollection(this);
}

public sealed record IfNode(Node Test, Node Then, Node Else, Truthiness Truthiness, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitIf(this);
}

public sealed record DoNode(ImmutableArray<Node> Statements, Node Result, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitDo(this);
}

public sealed record LetBinding(LocalBinding Local, Node Init);

public sealed record LetNode(ImmutableArray<LetBinding> Bindings, Node Body, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitLet(this);
}

/// <summary>A loop: its bindings are the slots that <see cref="RecurNode"/> rebinds.</summary>
public sealed record LoopNode(ImmutableArray<LetBinding> Bindings, Node Body, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitLoop(this);
}

/// <summary>Jumps back to the nearest loop or function arity, assigning its slots from the arguments.</summary>
public sealed record RecurNode(ImmutableArray<Node> Args, ImmutableArray<LocalBinding> Targets, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitRecur(this);
}

/// <summary>How to load one captured value when the closure is created, from the creating function's view.</summary>
public sealed record Capture(LocalBinding Binding, LocalAccess SourceAccess, int SourceIndex);

public sealed record FnArity(
    ImmutableArray<LocalBinding> Params,
    LocalBinding? Rest,
    int FrameSize,
    Node Body,
    bool HasRecur,
    ImmutableArray<TypeAnnotation?> ParamTypes,
    TypeAnnotation? ReturnType)
{
    public int RequiredCount => Params.Length;
}

public sealed record FnNode(string Name, ImmutableArray<FnArity> Arities, ImmutableArray<Capture> Captures, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitFn(this);
}

/// <summary>Defines a global; <see cref="Init"/> is null for <c>(def name)</c>. Meta is literal data (:doc :macro ...).</summary>
public sealed record DefNode(Var Var, Node? Init, PersistentMap Meta, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitDef(this);
}

/// <summary>A call. In <see cref="NodeContext.Tail"/> context it is a tail call. <see cref="Caller"/> names the enclosing function for stack traces.</summary>
public sealed record InvokeNode(Node Fn, ImmutableArray<Node> Args, string Caller, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitInvoke(this);
}

public sealed record TryNode(Node Body, LocalBinding? CatchLocal, Node? Handler, Node? Finally, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitTry(this);
}

public sealed record ThrowNode(Node Value, string Caller, NodeContext Context, SourceSpan? Span) : Node(Context, Span)
{
    public override T Accept<T>(IIrVisitor<T> visitor) => visitor.VisitThrow(this);
}

/// <summary>One analyzed top-level form: its code runs in a frame of <see cref="FrameSize"/> slots.</summary>
public sealed record TopLevel(Node Body, int FrameSize);

/// <summary>
/// A consumer of the analyzed IR: the interpreter's builder, the IR printer, lowering and every
/// backend implement it, so a node kind one of them forgets is a build error, not a run-time throw.
/// </summary>
public interface IIrVisitor<out T>
{
    T VisitConst(ConstNode node);

    T VisitLocalRef(LocalRefNode node);

    T VisitGlobalRef(GlobalRefNode node);

    T VisitCollection(CollectionNode node);

    T VisitIf(IfNode node);

    T VisitDo(DoNode node);

    T VisitLet(LetNode node);

    T VisitLoop(LoopNode node);

    T VisitRecur(RecurNode node);

    T VisitFn(FnNode node);

    T VisitDef(DefNode node);

    T VisitInvoke(InvokeNode node);

    T VisitTry(TryNode node);

    T VisitThrow(ThrowNode node);
}
