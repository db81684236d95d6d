namespace Zylisp.Compiler.Native.Values;

// The run-time representation of a Zylisp value in native code: one tagged 64-bit word
// (Ghuloum, "An Incremental Approach to Compiler Construction"). docs/design/native-backend.md
// explains the choice; every emitter and runtime routine reads the constants from here.

/// <summary>Tags and immediate encodings of native values.</summary>
internal static class ValueTags
{
    /// <summary>A fixnum has its low bit clear and holds the integer shifted left by one.</summary>
    public const int FixnumShift = 1;

    /// <summary>Low three bits of a pointer to a heap or static object (objects are 8-byte aligned).</summary>
    public const int PointerTag = 0b001;

    /// <summary>Low three bits shared by the immediates below.</summary>
    public const int ImmediateTag = 0b011;

    public const long False = 0x03;

    /// <summary>nil differs from false only in bit 3, so "nil or false" is one OR and one compare.</summary>
    public const long Nil = 0x0B;

    public const long True = 0x13;

    /// <summary>The content of a global cell that no <c>def</c> has set yet.</summary>
    public const long Unbound = 0x1B;

    public const long MinFixnum = long.MinValue >> FixnumShift;

    public const long MaxFixnum = long.MaxValue >> FixnumShift;

    public static long Fixnum(long value) => value << FixnumShift;

    public static bool FitsFixnum(long value) => value is >= MinFixnum and <= MaxFixnum;
}

/// <summary>The type byte in the first word of every object (the rest of the word is type-specific).</summary>
internal enum ObjectType : byte
{
    /// <summary>[header][length][UTF-8 bytes, zero-padded to 8].</summary>
    String = 1,

    /// <summary>[header: captures &lt;&lt; 8][code address][name string][captured values...].</summary>
    Closure = 2,

    /// <summary>[header][count][elements...]: immutable, copied on conj.</summary>
    Vector = 3,

    /// <summary>[header][length][name bytes], like a string: interned at compile time, so equality is identity.</summary>
    Keyword = 4,

    /// <summary>[header][count][first][rest]: the empty list has count 0.</summary>
    List = 5,

    /// <summary>[header][message string][diagnostic id string][type keyword][site: read-only offset of "file:line:col", or 0].</summary>
    Error = 6,

    /// <summary>[header][value]: the one mutable object.</summary>
    Atom = 7,

    /// <summary>[header][count][key0][value0][key1][value1]...: insertion-ordered, copied on assoc.</summary>
    Map = 8,

    /// <summary>[header][IEEE 754 bits]: a float64; raw (the second word is never a pointer).</summary>
    Float = 9,

    /// <summary>[header][length][name bytes, "ns/name" when qualified]: a string's layout; raw. Literals are interned.</summary>
    Symbol = 10,

    /// <summary>[header][count][items...]: insertion-ordered, copied on conj and disj (Emit/RuntimeSets.cs).</summary>
    Set = 11,

    /// <summary>[header][int64]: an integer outside the 63-bit fixnum range; raw. Every integer that fits is a fixnum.</summary>
    BoxedInteger = 16,

    /// <summary>[header][thunk closure, nil once realized][the realized seq: nil or a seq node]. Issue 13.</summary>
    LazySeq = 20,

    /// <summary>[header][0][first][rest: a lazy seq or cons]: a seq node without a count, first and rest where a list has them.</summary>
    Cons = 21,

    /// <summary>[header][type keyword][declared field keys: a vector][fields: a map, declared keys first]. Issue 13.</summary>
    Record = 22,

    /// <summary>
    /// [header][name string][metadata cell offset, a fixnum][global cell offset, a fixnum][source string or nil]:
    /// what (var x) is. Static, in writable data, one per var; the offsets are fixnums so no word is a raw address.
    /// </summary>
    Var = 23,

    /// <summary>
    /// [header][source string][readable form string][pattern tree][capturing group count]: a
    /// compiled regular expression (Emit/RuntimeRegex.cs, Library/70-regex.zl); holds values.
    /// </summary>
    Regex = 25,
}

/// <summary>What the garbage collector needs to know about each object type.</summary>
internal static class ObjectTypes
{
    /// <summary>
    /// True for types whose words after the header are raw bytes, never values, so the collector
    /// does not scan them. Every other type (and a block whose header is not written yet, type 0)
    /// is scanned word by word, conservatively: a type that holds values must never be listed here;
    /// a raw type left out only keeps some garbage alive. The one place that decides it.
    /// </summary>
    public static bool HoldsRawBytes(ObjectType type) =>
        type is ObjectType.String or ObjectType.Keyword or ObjectType.Symbol or ObjectType.Float or ObjectType.BoxedInteger;

    /// <summary>Bit t set when type t holds raw bytes (types are below 64), for one bt instruction.</summary>
    public static long RawBytesMask()
    {
        // A loop over the 64 possible types: Enum.GetValues and LINQ over this byte enum would be JIT-compiled in every build.
        var mask = 0L;
        for (var type = 0; type < 64; type++)
        {
            if (HoldsRawBytes((ObjectType)type))
            {
                mask |= 1L << type;
            }
        }

        return mask;
    }
}

/// <summary>Word offsets inside objects, in bytes from the untagged address.</summary>
internal static class ObjectLayout
{
    public const int Header = 0;
    public const int StringLength = 8;
    public const int StringBytes = 16;
    public const int ClosureCode = 8;
    public const int ClosureName = 16;
    public const int ClosureCaptures = 24;
    public const int VectorCount = 8;
    public const int VectorItems = 16;
    public const int ListCount = 8;
    public const int ListFirst = 16;
    public const int ListRest = 24;
    public const int ErrorMessage = 8;
    public const int ErrorId = 16;
    public const int ErrorType = 24;
    public const int ErrorSite = 32;
    public const int ErrorData = 40;
    public const int AtomValue = 8;

    /// <summary>
    /// The header bit of an atom that is a reduced value, (reduced x): deref reads it and the
    /// collector scans it as any atom, but reduce stops at it and atom? is false for it.
    /// </summary>
    public const int ReducedFlag = 0x100;
    public const int MapCount = 8;
    public const int MapEntries = 16;
    public const int FloatBits = 8;
    public const int BoxedIntegerValue = 8;
    public const int SetCount = 8;
    public const int SetItems = 16;
    public const int LazyThunk = 8;
    public const int LazySeqValue = 16;
    public const int RecordType = 8;
    public const int RecordDeclared = 16;
    public const int RecordFields = 24;
    public const int VarName = 8;
    public const int VarMetaCell = 16;
    public const int VarCell = 24;
    public const int VarSource = 32;
    public const int VarWords = 5;
    public const int RegexSource = 8;
    public const int RegexReadable = 16;
}
