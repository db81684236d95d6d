using Iced.Intel;
using Zylisp.Lang.Compilation;
using Zylisp.Lang.Data;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Everything one compilation shares: the assembler, the data areas, the runtime's entry points,
/// the global cells and the functions still to compile. Passed explicitly; nothing is static.
/// </summary>
internal sealed class CodeContext(Assembler asm, DataSection data, RuntimeLibrary runtime, IReadOnlySet<string> definedNames)
{
    private readonly Dictionary<string, int> globalCells = new(StringComparer.Ordinal);
    // Records and LabelCell rather than value tuples and Label: collections over another assembly's
    // structs have no ReadyToRun code and were JIT-compiled in every build (docs/design/native-compile-latency.md).
    private readonly Queue<PendingFunction> pendingFunctions = new();
    private readonly Dictionary<LFunction, LabelCell> functionLabels = new(ReferenceEqualityComparer.Instance);

    public Assembler Asm { get; } = asm;

    public DataSection Data { get; } = data;

    public RuntimeLibrary Runtime { get; } = runtime;

    /// <summary>
    /// Names of the globals some DefExpr of the program sets: never treated as host primitives.
    /// Globals are keyed by name, not by Var, because the Zylisp-written runtime (NativeLibrary) is
    /// analyzed by an engine of its own: its `sort` and the program's `sort` are two Vars, one global.
    /// </summary>
    public IReadOnlySet<string> DefinedNames { get; } = definedNames;

    /// <summary>The metadata map of each global's def (the last one), by global name: what (meta #'x) starts from.</summary>
    public IReadOnlyDictionary<string, PersistentMap> DefinitionMeta { get; init; } = new Dictionary<string, PersistentMap>();

    /// <summary>The static var objects (var x) refers to.</summary>
    public StaticVars Vars => vars ??= new StaticVars(this);

    private StaticVars? vars;



    /// <summary>Names of code labels, for the assembly listing.</summary>
    public Dictionary<ulong, string> LabelNames { get; } = [];

    public IReadOnlyDictionary<string, int> GlobalCells => globalCells;

    /// <summary>Cells of host primitives used as values: set to the primitive's closure at start-up.</summary>
    public List<PrimitiveCellInit> PrimitiveCellInits { get; } = [];

    /// <summary>The writable offset of a global's cell (created unbound on first use).</summary>
    public int GlobalCell(Var var) => GlobalCell(NativeLibrary.GlobalName(var.Name));

    /// <summary>The writable offset of the global cell of this name (created unbound on first use).</summary>
    public int GlobalCell(string name)
    {
        if (!globalCells.TryGetValue(name, out var offset))
        {
            offset = Data.ReserveWritable(1);
            globalCells[name] = offset;
            if (PrimitiveFor(name) is { } primitive)
            {
                PrimitiveCellInits.Add(new PrimitiveCellInit(offset, primitive));
            }
        }

        return offset;
    }

    /// <summary>
    /// Takes over the global cells an earlier chunk of a native session made (Jit/NativeSession.cs):
    /// this chunk's code reads and writes the same cells, which are already initialized.
    /// </summary>
    public void AdoptGlobalCells(IReadOnlyDictionary<string, int> cells)
    {
        foreach (var (name, offset) in cells)
        {
            globalCells[name] = offset;
        }
    }

    /// <summary>The host primitive a call to this global means, or null when it is user code.</summary>
    public Primitive? PrimitiveFor(Var var) => PrimitiveFor(NativeLibrary.GlobalName(var.Name));

    public Primitive? PrimitiveFor(string name) =>
        DefinedNames.Contains(name) ? null : Runtime.Find(name);

    /// <summary>Which functions run unboxed, and the globals typed code calls directly (set before any function is compiled).</summary>
    public TypedFunctions Typed { get; set; } = TypedFunctions.None;

    private readonly Queue<PendingFunction> pendingTypedBodies = new();
    private readonly Dictionary<LFunction, LabelCell> typedBodyLabels = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// True while compiling the runtime's typed routines (<see cref="TypedRoutines"/>): each is a
    /// routine under its own name, always there, so a direct call needs no check that a def ran.
    /// </summary>
    public bool RoutineBodies { get; init; }

    /// <summary>True once compiled code reads *command-line-args*: the program's start-up then decodes them.</summary>
    public bool ArgumentsRead { get; set; }

    /// <summary>Gives a typed function's raw body a label made elsewhere (a runtime routine's) and queues it.</summary>
    public void SeedTypedBodyLabel(LFunction function, Label label)
    {
        typedBodyLabels[function] = new LabelCell(label);
        pendingTypedBodies.Enqueue(new PendingFunction(function, label));
    }

    /// <summary>The label of a typed function's raw body (compiled once, when first asked for).</summary>
    public Label TypedBodyLabel(LFunction function)
    {
        if (!typedBodyLabels.TryGetValue(function, out var cell))
        {
            cell = new LabelCell(Asm.CreateLabel(function.Name + "$typed"));
            typedBodyLabels[function] = cell;
            pendingTypedBodies.Enqueue(new PendingFunction(function, cell.Label));
        }

        return cell.Label;
    }

    public bool TryDequeueTypedBody(out LFunction function, out Label label)
    {
        if (pendingTypedBodies.TryDequeue(out var next))
        {
            (function, label) = (next.Function, next.Entry);
            return true;
        }

        function = null!;
        label = default;
        return false;
    }

    public Label FunctionLabel(LFunction function)
    {
        if (!functionLabels.TryGetValue(function, out var cell))
        {
            cell = new LabelCell(Asm.CreateLabel(function.Name));
            functionLabels[function] = cell;
            pendingFunctions.Enqueue(new PendingFunction(function, cell.Label));
        }

        return cell.Label;
    }

    public IEnumerable<(LFunction Function, Label Label)> CompiledFunctions =>
        functionLabels.Select(pair => (pair.Key, pair.Value.Label));

    public bool TryDequeueFunction(out LFunction function, out Label label)
    {
        if (pendingFunctions.TryDequeue(out var next))
        {
            (function, label) = (next.Function, next.Entry);
            return true;
        }

        function = null!;
        label = default;
        return false;
    }

    /// <summary>The read-only offset of a "file:line:col" string for error messages, or 0 without a span.</summary>
    /// <remarks>
    /// The library's and the prelude's own call sites record nothing, so an error inside a library
    /// or prelude function (sort, format, a protocol method with no implementation...) names the
    /// program's call, as the interpreter reports it.
    /// </remarks>
    public int Site(SourceSpan? span) =>
        span is { Line: > 0 } s && s.File != NativeLibrary.FileName && !CoreSource.IsPrelude(s) ? Data.Site($"{s.File}:{s.Line}:{s.Column}", () => excerpts.For(s)) : 0;

    private readonly SiteExcerpts excerpts = new();

    private readonly Dictionary<LFunction, int> staticClosures = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> primitiveClosures = new(StringComparer.Ordinal);
    private readonly List<ConstantInit> constants = [];

    /// <summary>Closures made once at start-up: (writable offset, code label, name).</summary>
    public List<StaticClosureInit> StaticClosureInits { get; } = [];

    /// <summary>Constant collections built once at start-up into their cells.</summary>
    public IReadOnlyList<ConstantInit> Constants => constants;

    /// <summary>The writable offset of the one closure object of a function that captures nothing.</summary>
    public int StaticClosure(LFunction function, Label code)
    {
        if (!staticClosures.TryGetValue(function, out var offset))
        {
            offset = Data.ReserveWritable(3);
            staticClosures[function] = offset;
            // The library's %%x is the program's x: its arity errors and printed form say x.
            StaticClosureInits.Add(new StaticClosureInit(offset, code, NativeLibrary.GlobalName(function.Name)));
        }

        return offset;
    }

    /// <summary>The writable offset of the closure object that makes a host primitive a value.</summary>
    public int PrimitiveClosure(Primitive primitive)
    {
        if (!primitiveClosures.TryGetValue(primitive.Name, out var offset))
        {
            offset = Data.ReserveWritable(3);
            primitiveClosures[primitive.Name] = offset;
            StaticClosureInits.Add(new StaticClosureInit(offset, Runtime.Label(primitive.Routine), primitive.Name));
        }

        return offset;
    }

    /// <summary>The writable cell holding a constant vector or list, built at start-up.</summary>
    public int ConstantCell(object value, SourceSpan? span)
    {
        foreach (var (cell, existing, _) in constants)
        {
            if (ReferenceEquals(existing, value))
            {
                return cell;
            }
        }

        var offset = Data.ReserveWritable(1);
        constants.Add(new ConstantInit(offset, value, span));
        return offset;
    }
}

/// <summary>A function whose label exists and whose code is still to be compiled.</summary>
internal sealed record PendingFunction(LFunction Function, Label Entry);

/// <summary>A host primitive's global cell, set to its closure at start-up.</summary>
internal sealed record PrimitiveCellInit(int Cell, Primitive Primitive);

/// <summary>A closure made once at start-up: its writable offset, code label and name.</summary>
internal sealed record StaticClosureInit(int Offset, Label Code, string Name);

/// <summary>A constant collection built once at start-up into its cell.</summary>
internal sealed record ConstantInit(int Cell, object Value, SourceSpan? Span);
