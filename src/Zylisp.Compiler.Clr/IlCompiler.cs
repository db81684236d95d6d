using System.Collections.Immutable;
using Zylisp.Compiler.Clr.Emit;
using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Clr;

/// <summary>
/// Compiles analyzed IR to IL in-process: each top-level form and each fn arity becomes one
/// collectible DynamicMethod (docs/design/il-backend.md). Compiled fns are kept in an
/// in-memory cache keyed by their content, so evaluating an unchanged definition again (a REPL
/// reload) reuses its code; the cache belongs to this compiler, so to one engine.
/// </summary>
public sealed class IlCompiler
{
    /// <summary>Beyond this many cached fns the cache starts over, so a process that keeps defining new code stays bounded.</summary>
    private const int CacheCapacity = 1024;

    private readonly Dictionary<string, CompiledTemplate> cache = new(StringComparer.Ordinal);

    /// <summary>A compiler of in-process code (collectible DynamicMethods).</summary>
    public IlCompiler()
        : this(InProcessSink.Instance)
    {
    }

    internal IlCompiler(CodeSink sink) => Sink = sink;

    /// <summary>Where emitted methods go: in-process, into an assembly being built, or bound to a persisted one.</summary>
    internal CodeSink Sink { get; }

    /// <summary>How many fn compilations the cache answered (for tests and diagnostics).</summary>
    public int CacheHits { get; private set; }

    /// <summary>Compiles a top-level form; the delegate runs it once in a context (its function argument is unused).</summary>
    public ArityBody0 CompileTopLevel(TopLevel top)
    {
        ArgumentNullException.ThrowIfNull(top);
        return MethodEmitter.CompileTopLevel(this, top, "toplevel")
            ?? throw new InvalidOperationException("this compiler builds an assembly; its code does not run in-process");
    }

    /// <summary>Compiles a top-level form through the sink; null while building an assembly.</summary>
    internal ArityBody0? CompileTopLevelInto(TopLevel top)
    {
        ArgumentNullException.ThrowIfNull(top);
        return MethodEmitter.CompileTopLevel(this, top, "toplevel");
    }

    /// <summary>Compiles every arity of a fn expression into the template its function values share.</summary>
    public CompiledTemplate CompileFunction(FnNode fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        if (!Sink.Caches)
        {
            return Compile(fn);
        }

        var key = FunctionFingerprint.Of(fn);
        if (cache.TryGetValue(key, out var cached))
        {
            CacheHits++;
            return cached;
        }

        if (cache.Count >= CacheCapacity)
        {
            cache.Clear();
        }

        var template = Compile(fn);
        cache[key] = template;
        return template;
    }

    private CompiledTemplate Compile(FnNode fn)
    {
        var arities = ImmutableArray.CreateBuilder<CompiledArity>(fn.Arities.Length);
        var typed = TypedEmitter.TryCompile(fn, Sink);
        foreach (var arity in fn.Arities)
        {
            arities.Add(MethodEmitter.CompileArity(this, fn.Name, arity, typed));
        }

        return new CompiledTemplate(fn.Name, arities.MoveToImmutable());
    }
}
