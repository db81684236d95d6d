using Zylisp.Compiler.Native.Values;
using Zylisp.Lang.Data;
using Zylisp.Lang.Lowering;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The low-level primitives of the runtime library's typed subset (docs/design/native-typed.md):
/// memory loads and stores, allocation, byte copies, bit operations, a system call and the object
/// layout's constants. Only typed functions of the runtime library (Library/*.zl) may call them;
/// anywhere else a call is a compile-time error at the call (<see cref="IsLowLevel"/>).
/// A base of kind Value is an object: the offset is a field offset of <see cref="ObjectLayout"/>
/// and the pointer tag is taken off; a base of kind Long is a raw address.
/// </summary>
internal static class LowLevelOps
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "%load-word", "%load-byte", "%store-word!", "%store-byte!", "%copy-bytes!", "%alloc",
        "%word", "%as-value", "%layout", "%cell", "%syscall", "%routine",
        "%bit-and", "%bit-or", "%bit-xor", "%shift-left", "%shift-right", "%unsigned-shift-right", "%highest-bit",
    };

    /// <summary>True for the name of a low-level primitive.</summary>
    public static bool IsLowLevel(string name) => Names.Contains(name);

    /// <summary>The result kind of a low-level primitive on operands of these kinds, or null when the name is not one or the kinds do not fit.</summary>
    public static RawKind? ResultKind(string name, RawKind[] operands) => (name, operands) switch
    {
        ("%load-word" or "%load-byte", [RawKind.Long or RawKind.Value, RawKind.Long]) => RawKind.Long,
        ("%store-word!", [RawKind.Long or RawKind.Value, RawKind.Long, RawKind.Long or RawKind.Value]) => RawKind.Long,
        ("%store-byte!", [RawKind.Long or RawKind.Value, RawKind.Long, RawKind.Long]) => RawKind.Long,
        ("%copy-bytes!", [RawKind.Long, RawKind.Long, RawKind.Long]) => RawKind.Long,
        ("%alloc", [RawKind.Long]) => RawKind.Long,
        ("%word", [_]) => RawKind.Long,
        ("%as-value", [RawKind.Long]) => RawKind.Value,
        ("%layout", [RawKind.Value]) => RawKind.Long,
        ("%cell", [RawKind.Value]) => RawKind.Long,
        ("%routine", [RawKind.Value, .. var rest]) when rest.Length <= 5 => RawKind.Long,
        ("%syscall", [RawKind.Long, ..]) when operands.Length <= 5 && AllLong(operands) => RawKind.Long,
        ("%bit-and" or "%bit-or" or "%bit-xor" or "%shift-left" or "%shift-right" or "%unsigned-shift-right", [RawKind.Long, RawKind.Long]) => RawKind.Long,
        ("%highest-bit", [RawKind.Long]) => RawKind.Long,
        _ => null,
    };

    /// <summary>The constant `(%layout :name)` stands for, or null for an unknown name.</summary>
    public static long? Layout(object? key) => (key as Keyword)?.ToString() switch
    {
        ":pointer-tag" => ValueTags.PointerTag,
        ":nil" => ValueTags.Nil,
        ":true" => ValueTags.True,
        ":false" => ValueTags.False,
        ":string" => (long)ObjectType.String,
        ":string-length" => ObjectLayout.StringLength,
        ":string-bytes" => ObjectLayout.StringBytes,
        ":fixnum-shift" => ValueTags.FixnumShift,
        ":unbound" => ValueTags.Unbound,
        ":closure" => (long)ObjectType.Closure,
        ":vector" => (long)ObjectType.Vector,
        ":keyword" => (long)ObjectType.Keyword,
        ":list" => (long)ObjectType.List,
        ":error" => (long)ObjectType.Error,
        ":atom" => (long)ObjectType.Atom,
        ":map" => (long)ObjectType.Map,
        ":float" => (long)ObjectType.Float,
        ":symbol" => (long)ObjectType.Symbol,
        ":set" => (long)ObjectType.Set,
        ":boxed-integer" => (long)ObjectType.BoxedInteger,
        ":lazy-seq" => (long)ObjectType.LazySeq,
        ":cons" => (long)ObjectType.Cons,
        ":record" => (long)ObjectType.Record,
        ":regex" => (long)ObjectType.Regex,
        ":var" => (long)ObjectType.Var,
        // Bit t set for each type t the printer opens (Library/80-printer.zl): collections, lazy seqs, atoms, records.
        ":printer-opens" => (1L << (int)ObjectType.Vector) | (1L << (int)ObjectType.List) | (1L << (int)ObjectType.Map)
            | (1L << (int)ObjectType.Set) | (1L << (int)ObjectType.LazySeq) | (1L << (int)ObjectType.Cons)
            | (1L << (int)ObjectType.Atom) | (1L << (int)ObjectType.Record),
        // Bit t set for each type t that = compares by its items, in order (Library/37-equality.zl).
        ":by-items" => (1L << (int)ObjectType.Vector) | (1L << (int)ObjectType.List)
            | (1L << (int)ObjectType.LazySeq) | (1L << (int)ObjectType.Cons),
        // Vectors, lists, maps and sets keep their count, a fixnum, in the same word.
        ":count" => ObjectLayout.VectorCount,
        ":items" => ObjectLayout.VectorItems,
        ":list-first" => ObjectLayout.ListFirst,
        ":list-rest" => ObjectLayout.ListRest,
        ":closure-name" => ObjectLayout.ClosureName,
        ":error-message" => ObjectLayout.ErrorMessage,
        ":error-type" => ObjectLayout.ErrorType,
        ":atom-value" => ObjectLayout.AtomValue,
        ":reduced-flag" => ObjectLayout.ReducedFlag,
        ":sorted-flag" => RuntimeLibrary.SortedFlag,
        ":map-entries" => ObjectLayout.MapEntries,
        ":float-bits" => ObjectLayout.FloatBits,
        ":boxed-integer-value" => ObjectLayout.BoxedIntegerValue,
        ":record-type" => ObjectLayout.RecordType,
        ":record-fields" => ObjectLayout.RecordFields,
        ":var-name" => ObjectLayout.VarName,
        ":regex-source" => ObjectLayout.RegexSource,
        ":regex-readable" => ObjectLayout.RegexReadable,
        // The heap's shape (HeapLayout in Emit/RuntimeCollector.cs), for the allocator and collector (Library/05-heap.zl).
        ":chunk-next" => HeapLayout.ChunkNext,
        ":chunk-blocks" => HeapLayout.ChunkBlocks,
        ":chunk-end" => HeapLayout.ChunkEnd,
        ":chunk-bitmap" => HeapLayout.ChunkBitmap,
        ":block-header" => HeapLayout.BlockHeader,
        ":in-use" => HeapLayout.InUse,
        ":marked" => HeapLayout.Marked,
        ":free-next" => HeapLayout.FreeNext,
        ":free-chunk" => HeapLayout.FreeChunk,
        ":min-block" => HeapLayout.MinBlock,
        ":large-block" => HeapLayout.LargeBlock,
        // Bit t set for each type t whose payload is raw bytes: the mark does not scan those.
        ":raw-bytes" => ObjectTypes.RawBytesMask(),
        _ => null,
    };

    /// <summary>
    /// The allocator's and collector's cells `(%cell :name)` gives the address of (an offset from
    /// r15: <see cref="HeapCells"/>, and <see cref="RuntimeCells.FreeList"/>), or null for another name.
    /// </summary>
    public static int? Cell(HeapCells cells, object? key) => (key as Keyword)?.ToString() switch
    {
        ":chunks" => cells.Chunks,
        ":free-list" => RuntimeCells.FreeList,
        ":small-free" => cells.SmallFree,
        ":heap-bytes" => cells.HeapBytes,
        ":allocated-since-collection" => cells.AllocatedSinceCollection,
        ":heap-low" => cells.Low,
        ":heap-high" => cells.High,
        ":mark-stack-base" => cells.MarkStackBase,
        ":mark-stack-limit" => cells.MarkStackLimit,
        // The range of all the collector's cells, which the mark leaves out of the roots.
        ":collector-cells" => cells.Start,
        ":collector-cells-end" => cells.End,
        _ => null,
    };

    /// <summary>
    /// The cell a `(%cell :name)` call names, checked at compile time: only typed runtime routines
    /// (<see cref="TypedRoutines"/>) may reach the heap's cells, whose words are not roots.
    /// </summary>
    public static int CellOf(CallExpr call, HeapCells? cells, bool inRoutine) =>
        !inRoutine
            ? throw new NativeCompileException("`%cell` outside a typed runtime routine (see docs/design/native-typed.md)", call.Span)
            : call.Args is [ConstOperand c] && cells is not null && Cell(cells, c.Value) is { } offset
                ? offset
                : throw new NativeCompileException("`%cell` of an unknown name (see docs/design/native-typed.md)", call.Span);

    /// <summary>
    /// The assembly routines typed library code may call with `(%routine :name args…)` (System V
    /// arguments, the result in rax as a raw word): the few the runtime's typed routines need.
    /// </summary>
    private static readonly HashSet<string> CallableRoutines = new(StringComparer.Ordinal)
    {
        // to-list(seq, most items or -1) → a list: printing realizes a lazy seq or cons this way.
        "to-list",
        // float-text(bits, buffer) → length; float-text-length(bits) → length (Emit/RuntimeRendering.cs).
        "float-text", "float-text-length",
        // string-count(string) → its code-point count, cached in the header (Emit/RuntimeUtf8.cs).
        "string-count",
        // Typed routines the library reaches too (Library/35-text-edges.zl): decoding input, encoding output.
        "%decoded-utf8", "%encodable-text",
        // The heap's error when the mark stack cannot grow (Library/05-heap.zl); it never returns.
        "out-of-memory",
        // equals(a, b) → 1 or 0 (Emit/RuntimeTruth.cs): set membership compares items with it, and
        // equality (Library/37-equality.zl) a record's or regex's parts.
        "equals",
        // map-equals(a, b: maps of one count) → 1 or 0 (Emit/RuntimeMaps.cs): equality of maps.
        "map-equals",
        // sort-hook(sorted map or set) → it with its last entry in place (Emit/RuntimeSorted.cs): a set's conj.
        "sort-hook",
    };

    /// <summary>The routine a `(%routine :name …)` call names, checked at compile time.</summary>
    public static string RoutineOf(CallExpr call) =>
        call.Args is [ConstOperand { Value: Keyword k }, ..] && CallableRoutines.Contains(k.ToString()[1..])
            ? k.ToString()[1..]
            : throw new NativeCompileException("`%routine` of a routine typed code may not call (see docs/design/native-typed.md)", call.Span);

    /// <summary>The layout key of a `(%layout :name)` call, checked at compile time.</summary>
    public static long LayoutOf(CallExpr call) =>
        call.Args is [ConstOperand c] && Layout(c.Value) is { } value
            ? value
            : throw new NativeCompileException("`%layout` of an unknown name (see docs/design/native-typed.md)", call.Span);

    /// <summary>Whether every kind is Long (a loop: LINQ over a value type is JIT-compiled in every build).</summary>
    private static bool AllLong(RawKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (kind != RawKind.Long)
            {
                return false;
            }
        }

        return true;
    }
}
