namespace Zylisp.Lang.Runtime;

/// <summary>Which primitive a builtin is, so the interpreter can inline it when a call site still sees it.</summary>
public enum PrimitiveOp
{
    None,
    Add,
    Subtract,
    Multiply,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    NumEquals,
    Equals,
    Inc,
    Dec,
}

/// <summary>
/// A host primitive of the core library. Arity is checked here, once, so each primitive's body
/// can index its arguments directly. Primitives with a fixed 1- or 2-argument shape also have
/// a delegate that takes the arguments directly and avoids the array.
/// </summary>
public sealed class Builtin : ZFunction
{
    private readonly Func<RunContext, object?[], object?> body;

    public Builtin(string name, int minArity, int maxArity, string arglists, string doc, Func<RunContext, object?[], object?> body)
    {
        Name = name;
        MinArity = minArity;
        MaxArity = maxArity;
        Arglists = arglists;
        Doc = doc;
        this.body = body;
    }

    public override string Name { get; }

    public int MinArity { get; }

    /// <summary>Largest accepted argument count, or -1 when variadic.</summary>
    public int MaxArity { get; }

    public string Arglists { get; }

    public string Doc { get; }

    public PrimitiveOp Op { get; init; }

    public Func<RunContext, object?, object?>? Body1 { get; init; }

    public Func<RunContext, object?, object?, object?>? Body2 { get; init; }

    public override object? Invoke(RunContext ctx, object?[] args)
    {
        if (args.Length < MinArity || (MaxArity >= 0 && args.Length > MaxArity))
        {
            throw RuntimeErrors.Arity(Name, args.Length);
        }

        return body(ctx, args);
    }

    public override object? Invoke1(RunContext ctx, object? a) =>
        Body1 is { } f ? f(ctx, a) : Invoke(ctx, [a]);

    public override object? Invoke2(RunContext ctx, object? a, object? b) =>
        Body2 is { } f ? f(ctx, a, b) : Invoke(ctx, [a, b]);
}
