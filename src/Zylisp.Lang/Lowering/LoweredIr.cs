using System.Collections.Immutable;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Lowering;

// The lowered IR: the analyzed IR with every value-position `if`, `let`, `do`, `loop` and `try`
// hoisted into statements, so IL, Go and machine code can emit it directly. Every operand is
// trivial (a constant, a local or a global); every expression is one operation on operands; a
// statement's context is its shape: an ExprStmt discards, an AssignStmt keeps the value in a local
// (often a temporary made by lowering), a ReturnStmt or TailCallStmt leaves the function.
// Immutable, behaviour-free; consumers are visitors (ILoweredExprVisitor, ILoweredStmtVisitor),
// so a new node kind that one consumer forgets is a build error.

/// <summary>Something computed by one operation on trivial operands: the right-hand side of a statement.</summary>
public abstract record LExpr(SourceSpan? Span)
{
    public abstract T Accept<T>(ILoweredExprVisitor<T> visitor);
}

/// <summary>A trivial expression: reading it has no effect and cannot fail (a global may be unbound, which is checked at the read).</summary>
public abstract record Operand(SourceSpan? Span) : LExpr(Span)
{
    public abstract T Accept<T>(IOperandVisitor<T> visitor);
}

public sealed record ConstOperand(object? Value, SourceSpan? Span) : Operand(Span)
{
    public override T Accept<T>(ILoweredExprVisitor<T> visitor) => visitor.VisitConst(this);

    public override T Accept<T>(IOperandVisitor<T> visitor) => visitor.VisitConst(this);
}

/// <summary>A local: a parameter, a let/loop/catch local, a temporary, a captured value or the running function itself.</summary>
public sealed record LocalOperand(LocalBinding Binding, LocalAccess Access, int Index, SourceSpan? Span) : Operand(Span)
{
    public override T Accept<T>(ILoweredExprVisitor<T> visitor) => visitor.VisitLocal(this);

    public override T Accept<T>(IOperandVisitor<T> visitor) => visitor.VisitLocal(this);
}

/// <summary>The value of a global; reading an unbound one raises the undefined-symbol error at <see cref="Operand.Span"/>.</summary>
public sealed record GlobalOperand(Var Var, SourceSpan? Span) : Operand(Span)
{
    public override T Accept<T>(ILoweredExprVisitor<T> visitor) => visitor.VisitGlobal(this);

    public override T Accept<T>(IOperandVisitor<T> visitor) => visitor.VisitGlobal(this);
}

/// <summary>A non-tail call. <see cref="Caller"/> names the enclosing function for stack traces.</summary>
public sealed record CallExpr(Operand Fn, ImmutableArray<Operand> Args, string Caller, SourceSpan? Span) : LExpr(Span)
{
    public override T Accept<T>(ILoweredExprVisitor<T> visitor) => visitor.VisitCall(this);
}

/// <summary>A vector, map (keys and values alternate) or set built from operands.</summary>
public sealed record CollectionExpr(CollectionKind Kind, ImmutableArray<Operand> Items, SourceSpan? Span) : LExpr(Span)
{
    public override T Accept<T>(ILoweredExprVisitor<T> visitor) => visitor.VisitCollection(this);
}

/// <summary>Creates a closure of <see cref="Function"/>, capturing its <see cref="LFunction.Captures"/> now.</summary>
public sealed record FnExpr(LFunction Function, SourceSpan? Span) : LExpr(Span)
{
    public override T Accept<T>(ILoweredExprVisitor<T> visitor) => visitor.VisitFn(this);
}

/// <summary>Defines (or redefines) a global; its value is the global's new value. <see cref="Init"/> is null for <c>(def name)</c>.</summary>
public sealed record DefExpr(Var Var, Operand? Init, PersistentMap Meta, SourceSpan? Span) : LExpr(Span)
{
    public override T Accept<T>(ILoweredExprVisitor<T> visitor) => visitor.VisitDef(this);
}

public abstract record LStmt(SourceSpan? Span)
{
    public abstract T Accept<T>(ILoweredStmtVisitor<T> visitor);
}

/// <summary>Evaluates an expression for its effect (statement context).</summary>
public sealed record ExprStmt(LExpr Value, SourceSpan? Span) : LStmt(Span)
{
    public override T Accept<T>(ILoweredStmtVisitor<T> visitor) => visitor.VisitExpr(this);
}

/// <summary>Stores an expression's value in a local: a let/loop binding or a lowering temporary (value context).</summary>
public sealed record AssignStmt(LocalBinding Target, LExpr Value, SourceSpan? Span) : LStmt(Span)
{
    public override T Accept<T>(ILoweredStmtVisitor<T> visitor) => visitor.VisitAssign(this);
}

/// <summary>Leaves the function (or top-level form) with a value (tail context).</summary>
public sealed record ReturnStmt(LExpr Value, SourceSpan? Span) : LStmt(Span)
{
    public override T Accept<T>(ILoweredStmtVisitor<T> visitor) => visitor.VisitReturn(this);
}

/// <summary>A call in tail position: the function returns whatever the callee returns, without growing the stack.</summary>
public sealed record TailCallStmt(CallExpr Call, SourceSpan? Span) : LStmt(Span)
{
    public override T Accept<T>(ILoweredStmtVisitor<T> visitor) => visitor.VisitTailCall(this);
}

/// <summary>Branches on an operand's truth (Clojure: nil and false are false; SLisp adds 0, "" and empty collections).</summary>
public sealed record IfStmt(Operand Test, ImmutableArray<LStmt> Then, ImmutableArray<LStmt> Else, Truthiness Truthiness, SourceSpan? Span) : LStmt(Span)
{
    public override T Accept<T>(ILoweredStmtVisitor<T> visitor) => visitor.VisitIf(this);
}

/// <summary>
/// Runs <see cref="Body"/> once; a <see cref="RecurStmt"/> in it starts it again, and reaching its
/// end leaves the loop. The loop's bindings were assigned by the statements before it.
/// </summary>
public sealed record LoopStmt(ImmutableArray<LocalBinding> Bindings, ImmutableArray<LStmt> Body, SourceSpan? Span) : LStmt(Span)
{
    public override T Accept<T>(ILoweredStmtVisitor<T> visitor) => visitor.VisitLoop(this);
}

/// <summary>
/// Assigns the operands to the targets all at once, then jumps to the start of the innermost
/// enclosing <see cref="LoopStmt"/>, or of the function arity when there is none.
/// </summary>
public sealed record RecurStmt(ImmutableArray<LocalBinding> Targets, ImmutableArray<Operand> Args, SourceSpan? Span) : LStmt(Span)
{
    public override T Accept<T>(ILoweredStmtVisitor<T> visitor) => visitor.VisitRecur(this);
}

/// <summary>
/// Runs the body; an error thrown in it (any value, runtime errors included, never an interrupt)
/// is stored in <see cref="CatchLocal"/> and the handler runs; the finally block always runs.
/// Neither tail calls nor recur leave a try, so both blocks end by falling through.
/// </summary>
public sealed record TryStmt(ImmutableArray<LStmt> Body, LocalBinding? CatchLocal, ImmutableArray<LStmt>? Handler, ImmutableArray<LStmt>? Finally, SourceSpan? Span) : LStmt(Span)
{
    public override T Accept<T>(ILoweredStmtVisitor<T> visitor) => visitor.VisitTry(this);
}

/// <summary>Throws any value; the statement never completes.</summary>
public sealed record ThrowStmt(Operand Value, string Caller, SourceSpan? Span) : LStmt(Span)
{
    public override T Accept<T>(ILoweredStmtVisitor<T> visitor) => visitor.VisitThrow(this);
}

/// <summary>One arity of a lowered function. <see cref="FrameSize"/> counts the analyzer's slots plus lowering's temporaries.</summary>
public sealed record LArity(
    ImmutableArray<LocalBinding> Params,
    LocalBinding? Rest,
    int FrameSize,
    ImmutableArray<LStmt> Body,
    bool HasRecur,
    ImmutableArray<TypeAnnotation?> ParamTypes,
    TypeAnnotation? ReturnType)
{
    public int RequiredCount => Params.Length;
}

public sealed record LFunction(string Name, ImmutableArray<LArity> Arities, ImmutableArray<Capture> Captures, SourceSpan? Span);

/// <summary>One lowered top-level form: statements that end by returning the form's value.</summary>
public sealed record LTopLevel(ImmutableArray<LStmt> Body, int FrameSize);

/// <summary>Every consumer of operands implements every kind, so the compiler checks coverage.</summary>
public interface IOperandVisitor<out T>
{
    T VisitConst(ConstOperand node);

    T VisitLocal(LocalOperand node);

    T VisitGlobal(GlobalOperand node);
}

/// <summary>Every consumer of lowered expressions implements every kind (operands included), so the compiler checks coverage.</summary>
public interface ILoweredExprVisitor<out T> : IOperandVisitor<T>
{
    T VisitCall(CallExpr node);

    T VisitCollection(CollectionExpr node);

    T VisitFn(FnExpr node);

    T VisitDef(DefExpr node);
}

/// <summary>Every consumer of lowered statements implements every kind, so the compiler checks coverage.</summary>
public interface ILoweredStmtVisitor<out T>
{
    T VisitExpr(ExprStmt node);

    T VisitAssign(AssignStmt node);

    T VisitReturn(ReturnStmt node);

    T VisitTailCall(TailCallStmt node);

    T VisitIf(IfStmt node);

    T VisitLoop(LoopStmt node);

    T VisitRecur(RecurStmt node);

    T VisitTry(TryStmt node);

    T VisitThrow(ThrowStmt node);
}
