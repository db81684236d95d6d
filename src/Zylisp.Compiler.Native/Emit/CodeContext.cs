using Iced.Intel;
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
    private readonly Queue<(LFunction Function, Label Entry)> pendingFunctions = new();
    private readonly Dictionary<LFunction, Label> functionLabels = new(ReferenceEqualityComparer.Instance);

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
    public List<(int Cell, Primitive Primitive)> PrimitiveCellInits { get; } = [];

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
                PrimitiveCellInits.Add((offset, primitive));
            }
        }

        return offset;
    }

    /// <summary>The host primitive a call to this global means, or null when it is user code.</summary>
    public Primitive? PrimitiveFor(Var var) => PrimitiveFor(NativeLibrary.GlobalName(var.Name));

    public Primitive? PrimitiveFor(string name) =>
        DefinedNames.Contains(name) ? null : Runtime.Find(name);

    /// <summary>Which functions run unboxed, and the globals typed code calls directly (set before any function is compiled).</summary>
    public TypedFunctions Typed { get; set; } = TypedFunctions.None;

    private readonly Queue<(LFunction Function, Label Entry)> pendingTypedBodies = new();
    private readonly Dictionary<LFunction, Label> typedBodyLabels = new(ReferenceEqualityComparer.Instance);

    /// <summary>The label of a typed function's raw body (compiled once, when first asked for).</summary>
    public Label TypedBodyLabel(LFunction function)
    {
        if (!typedBodyLabels.TryGetValue(function, out var label))
        {
            label = Asm.CreateLabel(function.Name + "$typed");
            typedBodyLabels[function] = label;
            pendingTypedBodies.Enqueue((function, label));
        }

        return label;
    }

    public bool TryDequeueTypedBody(out LFunction function, out Label label)
    {
        if (pendingTypedBodies.TryDequeue(out var next))
        {
            (function, label) = next;
            return true;
        }

        function = null!;
        label = default;
        return false;
    }

    public Label FunctionLabel(LFunction function)
    {
        if (!functionLabels.TryGetValue(function, out var label))
        {
            label = Asm.CreateLabel(function.Name);
            functionLabels[function] = label;
            pendingFunctions.Enqueue((function, label));
        }

        return label;
    }

    public IEnumerable<(LFunction Function, Label Label)> CompiledFunctions =>
        functionLabels.Select(pair => (pair.Key, pair.Value));

    public bool TryDequeueFunction(out LFunction function, out Label label)
    {
        if (pendingFunctions.TryDequeue(out var next))
        {
            (function, label) = next;
            return true;
        }

        function = null!;
        label = default;
        return false;
    }

    /// <summary>The read-only offset of a "file:line:col" string for error messages, or 0 without a span.</summary>
    /// <remarks>
    /// The library's own call sites record nothing, so an error inside a library function (sort,
    /// format...) names the program's call, as a host primitive's error does in the interpreter.
    /// </remarks>
    public int Site(SourceSpan? span) =>
        span is { Line: > 0 } s && s.File != NativeLibrary.FileName ? Data.Site($"{s.File}:{s.Line}:{s.Column}", () => excerpts.For(s)) : 0;

    private readonly SiteExcerpts excerpts = new();

    private readonly Dictionary<LFunction, int> staticClosures = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> primitiveClosures = new(StringComparer.Ordinal);
    private readonly List<(int Cell, object Value, SourceSpan? Span)> constants = [];

    /// <summary>Closures made once at start-up: (writable offset, code label, name).</summary>
    public List<(int Offset, Label Code, string Name)> StaticClosureInits { get; } = [];

    /// <summary>Constant collections built once at start-up into their cells.</summary>
    public IReadOnlyList<(int Cell, object Value, SourceSpan? Span)> Constants => constants;

    /// <summary>The writable offset of the one closure object of a function that captures nothing.</summary>
    public int StaticClosure(LFunction function, Label code)
    {
        if (!staticClosures.TryGetValue(function, out var offset))
        {
            offset = Data.ReserveWritable(3);
            staticClosures[function] = offset;
            StaticClosureInits.Add((offset, code, function.Name));
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
            StaticClosureInits.Add((offset, Runtime.Label(primitive.Routine), primitive.Name));
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
        constants.Add((offset, value, span));
        return offset;
    }
}
