using System.Reflection;
using System.Reflection.Emit;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>
/// Where the emitters put the methods they write, so one emitter serves three jobs
/// (docs/design/il-backend.md, "Persisted code"): collectible DynamicMethods run in-process
/// (<see cref="InProcessSink"/>), static methods of a persisted assembly being built
/// (<see cref="Persist.PersistingSink"/>), and the binding of an already persisted assembly's
/// methods to the constant pools the emitter rebuilds at load (<see cref="Persist.BindingSink"/>).
/// </summary>
internal abstract class CodeSink
{
    /// <summary>Whether the compiler may keep compiled fns in its in-memory cache (only in-process code: persisted methods are numbered in emission order).</summary>
    public virtual bool Caches => false;

    /// <summary>Whether the JIT optimizes these methods, so the emitter's inline fast paths pay (false in the quick tier: there they only cost JIT time).</summary>
    public virtual bool Optimizes => true;

    /// <summary>
    /// A new static method (its first parameter is the constant pool) and the generator of its body.
    /// <paramref name="optimizeAtOnce"/> marks a hot kernel (a typed method): where the runtime would
    /// tier the method (persisted code), it is compiled fully optimized at its first call instead of
    /// running Tier-0 code until call counting promotes it, as a DynamicMethod always is.
    /// </summary>
    public abstract (MethodInfo Method, ILGenerator Il) Define(string name, Type returnType, Type[] parameters, bool optimizeAtOnce = false);

    /// <summary>The runnable delegate of a finished method, closed over its constant pool (null while building an assembly: nothing runs then).</summary>
    public abstract Delegate? Bind(MethodInfo method, Type delegateType, object[] pool);

    /// <summary>Maps the IL emitted next to a source position, for the PDB of a persisted assembly; nothing elsewhere.</summary>
    public virtual void MarkSource(ILGenerator il, SourceSpan? span)
    {
    }
}

/// <summary>Today's in-process code: one collectible DynamicMethod per method.</summary>
internal sealed class InProcessSink : CodeSink
{
    public static readonly InProcessSink Instance = new();

    public override bool Caches => true;

    public override (MethodInfo Method, ILGenerator Il) Define(string name, Type returnType, Type[] parameters, bool optimizeAtOnce = false)
    {
        // A DynamicMethod is never tiered: it is always compiled fully optimized.
        var method = new DynamicMethod(name, returnType, parameters, typeof(InProcessSink).Module, skipVisibility: false);
        return (method, method.GetILGenerator());
    }

    public override Delegate? Bind(MethodInfo method, Type delegateType, object[] pool) =>
        ((DynamicMethod)method).CreateDelegate(delegateType, pool);
}
