using Iced.Intel;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Runtime routines written in Zylisp's low-level typed subset (docs/design/native-typed.md,
/// "Runtime routines in the subset"): library typed functions that the assembly routines call by
/// name. Their raw bodies are compiled into the runtime part of the instruction stream, each under
/// its routine label, so an assembly routine calls one as it calls any routine (System V
/// arguments, raw result in rax, rbx/rbp/r12–r15 kept), the pruner keeps it only when reached, and
/// a native session's runtime chunk holds it like every other routine. Between themselves they
/// call each other directly, with no check that a def has run: they are never globals.
/// </summary>
internal static class TypedRoutines
{
    /// <summary>The library functions assembly routines call; the ones they call in turn come along.</summary>
    public static readonly string[] Entries =
    [
        "%render", "%count-code-points",
        // Text at the edges (Library/35-text-edges.zl): argv-list, write and str call them.
        "%decoded-utf8", "%encodable-text", "%joined-halves",
        // with-out-str's buffer (Library/85-capture.zl): write appends standard output to it.
        "%capture-append",
        // The heap (Library/05-heap.zl): gc-collect calls the mark and the sweep, alloc the free-list search.
        "%mark", "%sweep", "%take-block",
        // Sets (Library/40-sets.zl): membership, for contains? and =; conj and disj (the %set-conj
        // and %set-disj primitives).
        "%set-index", "%set-with", "%set-without",
        // Vectors (Library/38-vectors.zl): conj1 and assoc1 on a vector.
        "%vector-conj", "%vector-assoc",
        // Maps (Library/39-maps.zl): lookup for contains? and map-equals, get, assoc1 and dissoc1
        // on a map, %mark-sorted's copy, seq of a map.
        "%map-index", "%map-get", "%map-with", "%map-without", "%map-copy", "%map-seq",
        // Equality (Library/37-equality.zl): equals jumps to it for two distinct objects.
        "%equals",
    ];

    // The library text is fixed at build time, so its lowered forms are the same for every compile:
    // analyzed once per process (an immutable IR, only read afterwards), not once per program.
    private static readonly Lazy<IReadOnlyList<LTopLevel>> Analyzed =
        new(() => [.. NativeLibrary.RoutineForms(Entries).Select(Lowerer.Lower)]);

    /// <summary>The names of every typed routine (the entries and the functions they use).</summary>
    public static IReadOnlySet<string> Names => names.Value;

    private static readonly Lazy<IReadOnlySet<string>> names = new(() => DefinedNames(Analyzed.Value));

    /// <summary>
    /// The routines' lowered forms: from the library's forms in the zylisp cache folder when there is
    /// one (a fresh process would spend ~45 ms analyzing them; <see cref="Cache.LibraryFormsCache"/>),
    /// else analyzed.
    /// </summary>
    private static IReadOnlyList<LTopLevel> Forms(string? cacheDirectory) =>
        cacheDirectory is null ? Analyzed.Value : NativeLibrary.LoweredRoutines(Entries, cacheDirectory);

    /// <summary>Compiles every typed routine at the current end of the runtime's instruction stream.</summary>
    /// <param name="cacheDirectory">The zylisp cache folder to read the routines' forms from (<see cref="NativeOptions.CacheDirectory"/>), or null.</param>
    public static void Emit(Assembler asm, DataSection data, RuntimeLibrary runtime, string? cacheDirectory)
    {
        var forms = Forms(cacheDirectory);
        var defined = DefinedNames(forms);
        var ctx = new CodeContext(asm, data, runtime, defined) { RoutineBodies = true };
        ctx.Typed = TypedFunctions.Find(forms, g => ctx.PrimitiveFor(g.Var));
        var routineNames = new Dictionary<LFunction, string>(ReferenceEqualityComparer.Instance);
        foreach (var name in defined)
        {
            var function = ctx.Typed.GlobalFunction(name)
                ?? throw new InvalidOperationException($"the runtime routine `{name}` (Library/*.zl) is not in the low-level typed subset");
            routineNames[function] = name;
            ctx.SeedTypedBodyLabel(function, runtime.Label(name));
        }

        var recursive = Recursive(routineNames);
        while (ctx.TryDequeueTypedBody(out var function, out var label))
        {
            // Only a routine that can call itself again needs the stack guard: the others add a
            // bounded few frames to a guarded caller's (or to an assembly routine's, as before).
            new TypedBodyCompiler(ctx, routineNames[function], ctx.Typed.For(function)!, label) { ChecksStack = recursive.Contains(function) }
                .Compile(ref label);
            runtime.Bound(routineNames[function], label);
        }
    }

    /// <summary>The routines that can reach themselves through calls (the printer's %render and %pr-open).</summary>
    private static HashSet<LFunction> Recursive(Dictionary<LFunction, string> routines)
    {
        var byName = routines.ToDictionary(r => r.Value, r => r.Key, StringComparer.Ordinal);
        var callees = new Dictionary<LFunction, List<LFunction>>(ReferenceEqualityComparer.Instance);
        foreach (var function in routines.Keys)
        {
            callees[function] = Callees(function, byName);
        }

        var recursive = new HashSet<LFunction>(ReferenceEqualityComparer.Instance);
        foreach (var function in routines.Keys)
        {
            var seen = new HashSet<LFunction>(ReferenceEqualityComparer.Instance);
            var pending = new Stack<LFunction>(callees[function]);
            while (pending.TryPop(out var next))
            {
                if (next == function)
                {
                    recursive.Add(function);
                    break;
                }

                if (seen.Add(next))
                {
                    foreach (var callee in callees[next])
                    {
                        pending.Push(callee);
                    }
                }
            }
        }

        return recursive;
    }

    private static List<LFunction> Callees(LFunction function, Dictionary<string, LFunction> routines)
    {
        var found = new List<LFunction>();
        void Visit(LExpr expr)
        {
            if (expr is CallExpr call)
            {
                if (call.Fn is LocalOperand { Access: LocalAccess.Self })
                {
                    found.Add(function);
                }
                else if (call.Fn is GlobalOperand global && routines.TryGetValue(NativeLibrary.GlobalName(global.Var.Name), out var callee))
                {
                    found.Add(callee);
                }
            }
        }

        void Walk(IEnumerable<LStmt> statements)
        {
            foreach (var statement in statements)
            {
                if (LoweredChildren.Expression(statement) is { } expr)
                {
                    Visit(expr);
                }

                foreach (var block in LoweredChildren.Blocks(statement))
                {
                    Walk(block);
                }
            }
        }

        foreach (var arity in function.Arities)
        {
            Walk(arity.Body);
        }

        return found;
    }

    private static HashSet<string> DefinedNames(IReadOnlyList<LTopLevel> forms)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            DefinitionFinder.Collect(form.Body, def => defined.Add(NativeLibrary.GlobalName(def.Var.Name)));
        }

        return defined;
    }
}
