using System.Text;
using Zylisp.Lang.Data;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// Anything Zylisp can call: host primitives (<see cref="Builtin"/>) and closures. The fixed
/// arity entry points let callers with 0-3 arguments avoid allocating an argument array.
/// </summary>
public abstract class ZFunction : IZylispPrintable
{
    public abstract string Name { get; }

    public abstract object? Invoke(RunContext ctx, object?[] args);

    public virtual object? Invoke0(RunContext ctx) => Invoke(ctx, []);

    public virtual object? Invoke1(RunContext ctx, object? a) => Invoke(ctx, [a]);

    public virtual object? Invoke2(RunContext ctx, object? a, object? b) => Invoke(ctx, [a, b]);

    public virtual object? Invoke3(RunContext ctx, object? a, object? b, object? c) => Invoke(ctx, [a, b, c]);

    /// <summary>
    /// Runs one step of a trampolined tail call: like <see cref="Invoke"/>, but without
    /// <see cref="RunContext.Enter"/> (the step runs at the depth of the call that returned the
    /// tail call), and the body may itself return <see cref="RunContext.TailCallMarker"/> instead
    /// of growing the host stack. Compiled functions override it.
    /// </summary>
    public virtual object? InvokeStep(RunContext ctx, object?[] args) => Invoke(ctx, args);

    /// <summary>
    /// Whether some arity of this function takes <paramref name="count"/> arguments; a -main that
    /// does not take the command-line arguments is called without them. True unless a function knows better.
    /// </summary>
    public virtual bool AcceptsArgumentCount(int count) => true;

    /// <summary>The argument counts this function declares, for the wrong-arity warning (ZL3010); null when not known.</summary>
    public virtual Analysis.Arity? DeclaredArity => null;

    public virtual void Print(StringBuilder sb, bool readably)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.Append("#<fn ").Append(Name).Append('>');
    }

    public override string ToString() => "#<fn " + Name + ">";
}

/// <summary>Sentinel results that flow up through tail positions only.</summary>
internal static class Markers
{
    /// <summary>"Call RunContext.TailFn with TailArgs next": returned by calls in tail position.</summary>
    public static readonly object TailCall = new MarkerObject("tail-call");

    /// <summary>"The loop's slots were rebound; run its body again": returned by recur.</summary>
    public static readonly object Recur = new MarkerObject("recur");

    private sealed class MarkerObject(string name)
    {
        public override string ToString() => "#<" + name + ">";
    }
}
