using Zylisp.Compiler.Native.Values;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The program's two data areas. Read-only data (string literals, keywords, the empty list, error
/// sites) is addressed from r14; writable data (run-time state, global cells, closures of functions
/// that capture nothing) from r15. Both are laid out here, byte for byte, before any code runs.
/// </summary>
internal sealed class DataSection
{
    private readonly List<byte> rodata = [];
    private readonly Dictionary<string, int> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> keywords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> floats = [];
    private readonly Dictionary<long, int> boxedIntegers = [];
    private readonly List<DataItem> items = [];
    private int writableSize = RuntimeCells.FirstFree;
    private int emptyList = -1;

    public DataSection()
    {
        // Offset 0 is never a valid object, so a zero field can mean "none".
        rodata.AddRange(new byte[8]);
        items.Add(new DataItem(0, 8, Pinned: true));
    }

    /// <summary>
    /// Every object, table and word of read-only data, in address order (8-aligned, padding
    /// included), so that <see cref="DataPruner"/> can keep only those the kept code refers to.
    /// </summary>
    public IReadOnlyList<DataItem> Items => items;

    public int ReadOnlySize => rodata.Count;

    public int WritableSize => writableSize;

    public byte[] ReadOnlyBytes()
    {
        byte[] bytes = [.. rodata];
        if (writableSizeWord >= 0)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(writableSizeWord), (long)writableSize);
        }

        return bytes;
    }

    private int writableSizeWord = -1;

    /// <summary>
    /// The read-only offset of a word holding the final size of writable data, filled in by
    /// <see cref="ReadOnlyBytes"/> once every cell is reserved: the collector scans that much as
    /// roots, whatever is emitted after it.
    /// </summary>
    public int WritableSizeWord()
    {
        if (writableSizeWord < 0)
        {
            Align8();
            writableSizeWord = rodata.Count;
            rodata.AddRange(new byte[8]);
            items.Add(new DataItem(writableSizeWord, rodata.Count, Pinned: false));
        }

        return writableSizeWord;
    }

    /// <summary>True once a literal holds a lone surrogate (RuntimeLibrary.LoneSurrogatesPossible).</summary>
    public bool HoldsLoneSurrogate { get; private set; }

    /// <summary>The read-only offset of an interned string object with this text.</summary>
    public int String(string text)
    {
        if (strings.TryGetValue(text, out var existing))
        {
            return existing;
        }

        HoldsLoneSurrogate |= NativeText.HasLoneSurrogate(text);

        // Literals sit in read-only memory, so their code-point count is written now, never cached later.
        var bytes = NativeText.Encode(text);
        var offset = Object(ObjectType.String, [bytes.LongLength], bytes, NativeText.StringHeader(NativeText.CodePointCount(text)));
        strings[text] = offset;
        return offset;
    }

    /// <summary>The read-only offset of the interned keyword object (its name without the colon).</summary>
    public int Keyword(string name)
    {
        if (keywords.TryGetValue(name, out var existing))
        {
            return existing;
        }

        // A keyword has a string's layout (length, then the name's bytes) under its own type.
        var bytes = NativeText.Encode(name);
        var offset = Object(ObjectType.Keyword, [bytes.LongLength], bytes);
        keywords[name] = offset;
        return offset;
    }

    /// <summary>The read-only offset of the interned symbol object (its full name, "ns/name" when qualified).</summary>
    public int Symbol(string name)
    {
        if (symbols.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var bytes = NativeText.Encode(name);
        var offset = Object(ObjectType.Symbol, [bytes.LongLength], bytes);
        symbols[name] = offset;
        return offset;
    }

    /// <summary>The read-only offset of a float object with exactly these bits (so -0.0 and 0.0 differ).</summary>
    public int Float(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        if (!floats.TryGetValue(bits, out var offset))
        {
            offset = Object(ObjectType.Float, [bits], []);
            floats[bits] = offset;
        }

        return offset;
    }

    /// <summary>The read-only offset of a boxed integer (for literals outside the fixnum range).</summary>
    public int BoxedInteger(long value)
    {
        if (!boxedIntegers.TryGetValue(value, out var offset))
        {
            offset = Object(ObjectType.BoxedInteger, [value], []);
            boxedIntegers[value] = offset;
        }

        return offset;
    }

    /// <summary>The read-only offset of a table of 64-bit words (8-aligned), such as the float printer's powers of ten.</summary>
    public int Table(IEnumerable<long> words)
    {
        Align8();
        var offset = rodata.Count;
        foreach (var word in words)
        {
            rodata.AddRange(BitConverter.GetBytes(word));
        }

        items.Add(new DataItem(offset, rodata.Count, Pinned: false));
        return offset;
    }

    /// <summary>
    /// The read-only offset of an error site: the string "file:line:col", followed at the next
    /// 8-byte boundary by the string of its source excerpt (uncaught errors print both).
    /// </summary>
    public int Site(string location, Func<string> excerpt)
    {
        if (sites.TryGetValue(location, out var existing))
        {
            return existing;
        }

        var text = excerpt();
        var bytes = NativeText.Encode(location);
        var offset = ObjectBytes(ObjectType.String, [bytes.LongLength], bytes, NativeText.StringHeader(NativeText.CodePointCount(location)));
        var excerptBytes = NativeText.Encode(text);
        var excerptOffset = ObjectBytes(ObjectType.String, [excerptBytes.LongLength], excerptBytes, NativeText.StringHeader(NativeText.CodePointCount(text)));
        if (excerptOffset != offset + ObjectLayout.StringBytes + ((bytes.Length + 7) & ~7))
        {
            throw new InvalidOperationException("an error site's excerpt must follow its location");
        }

        // One item, so the two stay together; pinned, since code refers to a site by an immediate
        // (the CurrentSite store), not through r14, and the error printer finds the excerpt after it.
        items.Add(new DataItem(offset, rodata.Count, Pinned: true));
        sites[location] = offset;
        return offset;
    }

    private readonly Dictionary<string, int> sites = new(StringComparer.Ordinal);

    /// <summary>The read-only offset of the one empty list.</summary>
    public int EmptyList()
    {
        if (emptyList < 0)
        {
            emptyList = Object(ObjectType.List, [ValueTags.Fixnum(0), ValueTags.Nil, ValueTags.Nil], []);
        }

        return emptyList;
    }

    /// <summary>The read-only offset of the one empty map.</summary>
    public int EmptyMap()
    {
        if (emptyMap < 0)
        {
            emptyMap = Object(ObjectType.Map, [ValueTags.Fixnum(0)], []);
        }

        return emptyMap;
    }

    private int emptyMap = -1;

    /// <summary>Reserves writable words and returns the offset of the first one.</summary>
    public int ReserveWritable(int words)
    {
        var offset = writableSize;
        writableSize += words * 8;
        return offset;
    }

    private int Object(ObjectType type, long[] words, byte[] tail, long? header = null)
    {
        var offset = ObjectBytes(type, words, tail, header);
        items.Add(new DataItem(offset, rodata.Count, Pinned: false));
        return offset;
    }

    private int ObjectBytes(ObjectType type, long[] words, byte[] tail, long? header)
    {
        Align8();
        var offset = rodata.Count;
        rodata.AddRange(BitConverter.GetBytes(header ?? (long)type));
        foreach (var word in words)
        {
            rodata.AddRange(BitConverter.GetBytes(word));
        }

        rodata.AddRange(tail);
        Align8();
        return offset;
    }

    private void Align8()
    {
        while (rodata.Count % 8 != 0)
        {
            rodata.Add(0);
        }
    }
}

/// <summary>
/// One object, table or word of read-only data: bytes [Start, End). A pinned item is kept whatever
/// code is left out (the null word at offset 0, error sites).
/// </summary>
internal sealed record DataItem(int Start, int End, bool Pinned);

/// <summary>Fixed writable cells of the run-time state, as byte offsets from r15.</summary>
internal static class RuntimeCells
{
    /// <summary>
    /// 0, or a host function write goes through instead of the write system call:
    /// hook(context, fd, bytes, length), System V. A native session (Jit/NativeSession.cs) sets
    /// it so output reaches the REPL's or nREPL's streams; executables leave it 0.
    /// </summary>
    public const int WriteHook = 0;

    /// <summary>The first argument <see cref="WriteHook"/> is called with.</summary>
    public const int WriteHookContext = 8;

    /// <summary>The lowest stack address compiled code may use; below it is Zylisp's stack-overflow error.</summary>
    public const int StackLimit = 16;

    /// <summary>The innermost try's handler record on the stack, or 0.</summary>
    public const int HandlerTop = 24;

    /// <summary>The stack pointer at entry, so exit can return to an in-process caller.</summary>
    public const int EntryStack = 32;

    /// <summary>Non-zero when running in-process: exit returns to the host instead of ending the process.</summary>
    public const int InProcess = 40;

    /// <summary>The read-only offset of the source location of the operation running now (for error messages).</summary>
    public const int CurrentSite = 48;

    /// <summary>The list of command-line arguments (nil when there are none).</summary>
    public const int CommandLineArgs = 56;

    /// <summary>Head of the allocator's free list (address-ordered within each chunk after a sweep).</summary>
    public const int FreeList = 64;

    /// <summary>
    /// 0, or the innermost running with-out-str's buffer (Library/85-capture.zl): write appends
    /// what goes to standard output there instead (Emit/RuntimeCapture.cs). A root like every cell.
    /// </summary>
    public const int CaptureBuffer = 72;

    /// <summary>The library's function that puts a sorted map's entries in key order (Library/50-sorted.zl), or 0.</summary>
    public const int SortedHook = 120;

    public const int FirstFree = 128;
}
