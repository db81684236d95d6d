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

    /// <summary>
    /// Calls plus loop back edges after which a fn's quick-tier code is replaced by optimized code
    /// (docs/design/il-backend.md, "The quick tier", says how it was chosen).
    /// </summary>
    public const int DefaultPromotionThreshold = 10_000;

    private readonly Dictionary<string, CompiledTemplate> cache = new(StringComparer.Ordinal);

    /// <summary>Where fresh code goes first when there is a quick tier; null: straight to <see cref="Sink"/>.</summary>
    private readonly QuickSink? quickSink;
    private readonly int promotionThreshold;

    /// <summary>
    /// A compiler of in-process code. With a positive <paramref name="promotionThreshold"/> it
    /// compiles fresh code into the quick tier (unoptimized by the JIT, so several times faster
    /// to compile) and promotes a fn to fully optimized DynamicMethods once its calls and loop
    /// back edges reach the threshold; with 0, everything is optimized DynamicMethods at once
    /// (what the tiered engine wants: it compiles only fns that are already hot).
    /// </summary>
    public IlCompiler(int promotionThreshold = 0)
        : this(InProcessSink.Instance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promotionThreshold);
        this.promotionThreshold = promotionThreshold;
        quickSink = promotionThreshold > 0 ? new QuickSink() : null;
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
        if (Sink.Caches && (DirectDefinition.TryCompile(this, top) ?? DirectCall.TryCompile(top)) is { } direct)
        {
            return direct;
        }

        // A top-level form runs once, so quick code is all it ever needs, unless it loops (no
        // on-stack replacement would ever promote a long top-level loop).
        var sink = quickSink is not null && !LoopFinder.HasLoop(top.Body) ? quickSink : Sink;
        return MethodEmitter.CompileTopLevel(this, sink, top, "toplevel")
            ?? throw new InvalidOperationException("this compiler builds an assembly; its code does not run in-process");
    }

    /// <summary>Compiles a top-level form through the sink; null while building an assembly.</summary>
    internal ArityBody0? CompileTopLevelInto(TopLevel top)
    {
        ArgumentNullException.ThrowIfNull(top);
        return MethodEmitter.CompileTopLevel(this, Sink, top, "toplevel");
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
        var typed = TypedEmitter.TryCompile(fn, Sink);
        // A fn with a typed method is a kernel (it loops or calls itself), and its boxed entry
        // calls the typed method directly, which only an optimized DynamicMethod can: optimized at once.
        if (quickSink is null || typed is not null)
        {
            return new CompiledTemplate(fn.Name, CompileArities(fn, Sink, typed, null));
        }

        CompiledTemplate? template = null;
        var counter = new TierCounter(promotionThreshold, () => Promote(fn, template!));
        template = new CompiledTemplate(fn.Name, CompileArities(fn, quickSink, null, counter), counter);
        return template;
    }

    private ImmutableArray<CompiledArity> CompileArities(FnNode fn, CodeSink sink, TypedMethod? typed, TierCounter? counter)
    {
        var arities = ImmutableArray.CreateBuilder<CompiledArity>(fn.Arities.Length);
        foreach (var arity in fn.Arities)
        {
            arities.Add(MethodEmitter.CompileArity(this, sink, fn.Name, arity, typed, counter));
        }

        return arities.MoveToImmutable();
    }

    /// <summary>Compiles the fn's arities fully optimized and installs them in its template (see <see cref="TierCounter"/>).</summary>
    private void Promote(FnNode fn, CompiledTemplate template)
    {
        ImmutableArray<CompiledArity> optimized;
        try
        {
            optimized = CompileArities(fn, Sink, null, null);
        }
#pragma warning disable CA1031 // The quick code is correct: a failed promotion only leaves it in place, as the tiered engine leaves a fn it cannot compile interpreted.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        template.Promote(optimized);
    }
}
