using Iced.Intel;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;

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
    public static readonly string[] Entries = ["%render"];

    // The library text is fixed at build time, so its lowered forms are the same for every compile:
    // analyzed once per process (an immutable IR, only read afterwards), not once per program.
    private static readonly Lazy<IReadOnlyList<LTopLevel>> Forms =
        new(() => [.. NativeLibrary.RoutineForms(Entries).Select(Lowerer.Lower)]);

    /// <summary>The names of every typed routine (the entries and the functions they use).</summary>
    public static IReadOnlySet<string> Names => names.Value;

    private static readonly Lazy<IReadOnlySet<string>> names = new(() => DefinedNames(Forms.Value));

    /// <summary>Compiles every typed routine at the current end of the runtime's instruction stream.</summary>
    public static void Emit(Assembler asm, DataSection data, RuntimeLibrary runtime)
    {
        var forms = Forms.Value;
        var defined = Names;
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

        while (ctx.TryDequeueTypedBody(out var function, out var label))
        {
            new TypedBodyCompiler(ctx, routineNames[function], ctx.Typed.For(function)!, label).Compile(ref label);
            runtime.Bound(routineNames[function], label);
        }
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
