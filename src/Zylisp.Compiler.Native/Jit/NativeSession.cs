using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Iced.Intel;
using Zylisp.Compiler.Native.Emit;
using Zylisp.Compiler.Native.Values;
using Zylisp.Lang.Data;
using Zylisp.Lang.Lowering;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Jit;

/// <summary>
/// A native session's loaded code and data (docs/design/native-sessions.md). The runtime chunk is
/// placed once; each evaluation places a new form chunk in fresh executable pages and calls it.
/// Every chunk shares one read-only and one writable area, reserved large and filled at growing
/// offsets, so r14/r15 and every global cell stay where they are, and the collector's root scan
/// of the writable area covers every chunk's cells. The heap lives across evaluations.
/// </summary>
internal sealed unsafe partial class NativeSession : IDisposable
{
    private const int ProtNone = 0;
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int ProtExec = 4;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;
    private const int MapNoReserve = 0x4000;

    /// <summary>Address space reserved for each data area; pages cost memory only once touched.</summary>
    private const long AreaReserve = 1L << 30;

    /// <summary>Stack left below the limit for the runtime's error path and the host's write callback.</summary>
    private const long StackHeadroom = 4 << 20;

    private readonly DataSection data = new();
    private readonly NativeOptions options;
    private readonly nint readOnly;
    private readonly nint writable;
    private readonly Dictionary<string, ulong> routines = new(StringComparer.Ordinal);
    private readonly List<(nint Address, long Size)> codePages = [];
    private readonly HashSet<string> definedNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersistentMap> definitionMeta = new(StringComparer.Ordinal);
    private readonly SessionCells cells;
    private readonly object runGate = new();
    private IReadOnlyDictionary<string, int> globalCells = new Dictionary<string, int>(StringComparer.Ordinal);
    private GCHandle self;
    private int readOnlyPlaced;
    private bool running;
    private bool interrupted;
    private OutputSink? output;
    private TextWriter lastOut = TextWriter.Null;
    private TextWriter lastError = TextWriter.Null;
    private readonly ulong renderEntry;

    /// <summary>Counts the chunks run: a value can be rendered only while its chunk's outcome is the latest.</summary>
    private long generation;

    public NativeSession(NativeOptions options)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException("the native engine runs x86-64 code on Linux");
        }

        this.options = options;
        readOnly = Map(AreaReserve, ProtRead | ProtWrite, MapNoReserve);
        writable = Map(AreaReserve, ProtRead | ProtWrite, MapNoReserve);
        cells = new SessionCells(data);
        definedNames.UnionWith(SessionCells.History);
        var (asm, labels, render) = SessionChunks.CompileRuntime(data, options, cells);
        var (code, offsets) = Place(asm);
        renderEntry = (ulong)code + offsets[render.InstructionIndex];
        foreach (var (name, label) in labels)
        {
            if (label.InstructionIndex >= 0)
            {
                routines[name] = (ulong)code + offsets[label.InstructionIndex];
            }
        }

        PlaceData();
        Cell(RuntimeCells.CommandLineArgs) = ValueTags.Nil;
        self = GCHandle.Alloc(this);
        Cell(RuntimeCells.WriteHook) = (long)(delegate* unmanaged<nint, int, byte*, long, void>)&OnWrite;
        Cell(RuntimeCells.WriteHookContext) = GCHandle.ToIntPtr(self);
    }

    /// <summary>True once the runtime's exit ran (out of memory): the heap is gone and the session cannot go on.</summary>
    public bool Ended { get; private set; }

    /// <summary>The globals some chunk defines (so calls to them go through their cells, never to a host primitive).</summary>
    public IReadOnlySet<string> DefinedNames => definedNames;

    /// <summary>Compiles <paramref name="forms"/> into a new chunk, places it and runs it on the calling thread.</summary>
    /// <exception cref="NativeCompileException">A form uses something the native backend does not support.</exception>
    public ChunkOutcome Run(IReadOnlyList<LTopLevel> forms, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        ObjectDisposedException.ThrowIf(!self.IsAllocated, this);
        if (Ended)
        {
            throw new InvalidOperationException("this native session ended (its heap is gone); start a new session");
        }

        var names = new HashSet<string>(definedNames, StringComparer.Ordinal);
        var meta = new Dictionary<string, PersistentMap>(definitionMeta, StringComparer.Ordinal);
        foreach (var form in forms)
        {
            var defined = new HashSet<Lang.Runtime.Var>();
            DefinitionFinder.Collect(form.Body, defined);
            names.UnionWith(defined.Select(v => NativeLibrary.GlobalName(v.Name)));
            DefinitionFinder.Collect(form.Body, def => meta[NativeLibrary.GlobalName(def.Var.Name)] = def.Meta);
        }

        var chunk = SessionChunks.CompileForms(new FormChunkRequest(forms, data, options, cells, names, meta, globalCells, RoutineAddress));
        var (code, offsets) = Place(chunk.Asm);
        PlaceData();

        // The chunk is loaded: what it defines is now part of the session, whatever it does when run.
        definedNames.UnionWith(names);
        foreach (var (name, value) in meta)
        {
            definitionMeta[name] = value;
        }

        globalCells = chunk.GlobalCells;
        generation++;
        Cell(cells.Text) = 0;
        Cell(cells.ErrorData) = 0;
        lastOut = stdout;
        lastError = stderr;
        CallHost((ulong)code + offsets[chunk.Entry.InstructionIndex], cancellation);
        if (Cell(cells.Status) == SessionCells.Threw && !interrupted)
        {
            CallHost(renderEntry, CancellationToken.None);
        }

        return Outcome();
    }

    /// <summary>
    /// The readable text of the latest chunk's value, rendered now (printing realizes lazy
    /// sequences, so only a value the host prints is rendered); null when a later chunk ran since
    /// (the value may be gone) or the session ended. A failure while printing gives its message.
    /// </summary>
    public string? Render(long ofGeneration)
    {
        if (ofGeneration != generation || Ended || !self.IsAllocated)
        {
            return null;
        }

        if (Cell(cells.Text) == 0)
        {
            CallHost(renderEntry, CancellationToken.None);
        }

        if (Cell(cells.Status) == SessionCells.Threw)
        {
            var error = ErrorFields(Cell(cells.Value));
            return "#<error while printing: " + (error?.Message ?? StringAt(Cell(cells.Text))) + ">";
        }

        return StringAt(Cell(cells.Text));
    }

    /// <summary>The generation of the latest chunk's outcome (see <see cref="Render"/>).</summary>
    public long Generation => generation;

    /// <summary>Calls an entry (chunk or render) on this thread, with the output going to the latest evaluation's streams.</summary>
    private void CallHost(ulong address, CancellationToken cancellation)
    {
        var entry = (delegate* unmanaged<nint, nint, nint, void>)address;
        output = new OutputSink(lastOut, lastError);
        lock (runGate)
        {
            running = true;
            interrupted = false;
        }

        // Every entry starts writing to the session's streams: a capture an earlier chunk left
        // installed (its finally cut short by an interrupt) must not swallow this one's output.
        Cell(RuntimeCells.CaptureBuffer) = 0;
        try
        {
            using var registration = cancellation.Register(Interrupt);
            entry(writable, readOnly, StackLimit());
        }
        finally
        {
            lock (runGate)
            {
                running = false;
            }

            output.Flush();
            output = null;
        }
    }

    /// <summary>
    /// Stops the running chunk at its next function entry: the stack limit becomes the highest
    /// address, so the prologue's guard raises the stack-overflow error, reported as an interrupt.
    /// A loop that calls no function does not stop (the nREPL kills its worker after a grace period).
    /// </summary>
    public void Interrupt()
    {
        lock (runGate)
        {
            if (running)
            {
                interrupted = true;
                Cell(RuntimeCells.StackLimit) = -1;
            }
        }
    }

    /// <summary>
    /// Binds <c>*command-line-args*</c> (a session has none unless told): the runtime's argv-list
    /// makes the list from a block laid out as the kernel lays out a new process's arguments.
    /// </summary>
    public void SetCommandLineArguments(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            Cell(RuntimeCells.CommandLineArgs) = ValueTags.Nil;
            return;
        }

        var strings = new List<nint> { Marshal.StringToCoTaskMemUTF8("zylisp") };
        strings.AddRange(args.Select(a => Marshal.StringToCoTaskMemUTF8(a)));
        var block = Marshal.AllocHGlobal((strings.Count + 2) * sizeof(nint));
        try
        {
            Marshal.WriteInt64(block, strings.Count);
            for (var i = 0; i < strings.Count; i++)
            {
                Marshal.WriteIntPtr(block, (i + 1) * sizeof(nint), strings[i]);
            }

            Marshal.WriteIntPtr(block, (strings.Count + 1) * sizeof(nint), 0);
            var asm = new Assembler(64);
            var slot = asm.CreateLabel();
            asm.push(r15);
            asm.push(r14);
            asm.sub(rsp, 8);
            asm.mov(r15, rdi);
            asm.mov(r14, rsi);
            // The collector scans the stack up to the entry's stack pointer: this call's, not a stale one.
            asm.mov(__qword_ptr[r15 + RuntimeCells.EntryStack], rsp);
            asm.mov(rdi, rdx);
            asm.call(__qword_ptr[slot]);
            asm.mov(__qword_ptr[r15 + RuntimeCells.CommandLineArgs], rax);
            asm.add(rsp, 8);
            asm.pop(r14);
            asm.pop(r15);
            asm.ret();
            asm.Bind(ref slot);
            asm.dq((long)RoutineAddress("argv-list"));
            var (code, _) = Place(asm);
            ((delegate* unmanaged<nint, nint, nint, void>)code)(writable, readOnly, block);
        }
        finally
        {
            strings.ForEach(Marshal.FreeCoTaskMem);
            Marshal.FreeHGlobal(block);
        }
    }

    /// <summary>Runs generated code that writes to address 0: a crash in native code, for the nREPL's fault tests (NativeEngine's test hooks).</summary>
    public void CrashForTest()
    {
        var asm = new Assembler(64);
        asm.xor(eax, eax);
        asm.mov(__qword_ptr[rax], rax);
        asm.ret();
        var (code, _) = Place(asm);
        ((delegate* unmanaged<void>)code)();
    }

    public void Dispose()
    {
        if (!self.IsAllocated)
        {
            return;
        }

        // The heap's chunks and mark stack are the runtime's mappings: its gc-release unmaps them, as its exit does.
        if (!Ended)
        {
            var asm = new Assembler(64);
            var slot = asm.CreateLabel();
            asm.push(r15);
            asm.mov(r15, rdi);
            asm.call(__qword_ptr[slot]);
            asm.pop(r15);
            asm.ret();
            asm.Bind(ref slot);
            asm.dq((long)RoutineAddress("gc-release"));
            var (release, _) = Place(asm);
            ((delegate* unmanaged<nint, void>)release)(writable);
        }

        self.Free();
        foreach (var (address, size) in codePages)
        {
            _ = munmap(address, (nuint)size);
        }

        _ = munmap(readOnly, (nuint)AreaReserve);
        _ = munmap(writable, (nuint)AreaReserve);
    }

    private ChunkOutcome Outcome()
    {
        var status = Cell(cells.Status);
        if (status == 0)
        {
            // Only the runtime's exit returns without a status: out of memory, already reported on stderr.
            Ended = true;
            return new ChunkOutcome(ChunkStatus.Ended, null, null, null, interrupted);
        }

        var value = Cell(cells.Value);
        if (status == SessionCells.Returned)
        {
            return new ChunkOutcome(ChunkStatus.Returned, null, IsString(value) ? StringAt(value) : null, null, interrupted);
        }

        return new ChunkOutcome(ChunkStatus.Threw, StringAt(Cell(cells.Text)), null, ErrorFields(value), interrupted);
    }

    /// <summary>A thrown error object's fields, or null for any other thrown value.</summary>
    private NativeError? ErrorFields(long value)
    {
        if (!IsObject(value, ObjectType.Error))
        {
            return null;
        }

        var fields = value - ValueTags.PointerTag;
        var site = Word(fields + ObjectLayout.ErrorSite);
        return new NativeError(
            StringAt(Word(fields + ObjectLayout.ErrorMessage)) ?? "",
            StringAt(Word(fields + ObjectLayout.ErrorId)),
            StringAt(Word(fields + ObjectLayout.ErrorType)),
            site == 0 ? null : StringAt(readOnly + site + ValueTags.PointerTag),
            StringAt(Cell(cells.ErrorData)));
    }

    private static bool IsObject(long value, ObjectType type) =>
        (value & 7) == ValueTags.PointerTag && *(byte*)(value - ValueTags.PointerTag) == (byte)type;

    private static bool IsString(long value) => IsObject(value, ObjectType.String);

    /// <summary>The text of a string, keyword or symbol object ([type][length][bytes]), or null for anything else.</summary>
    private static string? StringAt(long value)
    {
        if ((value & 7) != ValueTags.PointerTag || value < 4096)
        {
            return null;
        }

        var type = (ObjectType)(*(byte*)(value - ValueTags.PointerTag));
        if (type is not (ObjectType.String or ObjectType.Keyword or ObjectType.Symbol))
        {
            return null;
        }

        var length = Word(value - ValueTags.PointerTag + ObjectLayout.StringLength);
        return Encoding.UTF8.GetString((byte*)(value - ValueTags.PointerTag + ObjectLayout.StringBytes), checked((int)length));
    }

    private static long Word(long address) => *(long*)address;

    private ref long Cell(int offset) => ref Unsafe.AsRef<long>((void*)(writable + offset));

    private ulong RoutineAddress(string name) =>
        routines.TryGetValue(name, out var address) ? address
        : throw new InvalidOperationException($"the native session's runtime has no routine `{name}`");

    /// <summary>Encodes the code for fresh pages, copies it there and makes them executable; returns the address and each instruction's offset.</summary>
    private (nint Address, uint[] Offsets) Place(Assembler asm)
    {
        var (probe, _) = Encode(asm, 0x10000000);
        var size = PageAlign(probe.Length);
        var address = Map(size, ProtRead | ProtWrite, 0);
        var (bytes, offsets) = Encode(asm, (ulong)address);
        Marshal.Copy(bytes, 0, address, bytes.Length);
        Protect(address, size, ProtRead | ProtExec);
        codePages.Add((address, size));
        return (address, offsets);
    }

    private static (byte[] Code, uint[] Offsets) Encode(Assembler asm, ulong address)
    {
        var stream = new MemoryStream();
        var block = new InstructionBlock(new StreamCodeWriter(stream), [.. asm.Instructions], address);
        if (!BlockEncoder.TryEncode(64, block, out var error, out var result, BlockEncoderOptions.ReturnNewInstructionOffsets))
        {
            throw new InvalidOperationException("encoding a native session chunk failed: " + error);
        }

        return (stream.ToArray(), result.NewInstructionOffsets);
    }

    /// <summary>Copies the read-only data the last chunk added and records the writable size the collector scans.</summary>
    private void PlaceData()
    {
        var bytes = data.ReadOnlyBytes();
        if (bytes.Length > AreaReserve || data.WritableSize > AreaReserve)
        {
            throw new InvalidOperationException("the native session's data areas are full; start a new session");
        }

        var changed = PageAlign(bytes.Length);
        Protect(readOnly, changed, ProtRead | ProtWrite);
        Marshal.Copy(bytes, readOnlyPlaced, readOnly + readOnlyPlaced, bytes.Length - readOnlyPlaced);
        *(long*)(readOnly + data.WritableSizeWord()) = data.WritableSize;
        Protect(readOnly, changed, ProtRead);
        readOnlyPlaced = bytes.Length;
    }

    /// <summary>
    /// The most stack one evaluation's native code may use. A worker's session thread has 512 MB,
    /// but touching all of it would cross the worker's memory limit (500 MB resident by default)
    /// and cost it a restart instead of the stack-overflow error; the collector also scans the
    /// stack in use conservatively.
    /// </summary>
    private const long MaxStack = 128L << 20;

    /// <summary>The lowest address this thread's native code may use: <see cref="MaxStack"/> below here, and never within the headroom of the thread's stack bottom.</summary>
    private static nint StackLimit()
    {
        var here = 0;
        var budgetEnd = (nint)(&here) - (nint)MaxStack;
        var attributes = stackalloc byte[256];
        if (pthread_getattr_np(pthread_self(), attributes) != 0)
        {
            throw new InvalidOperationException("pthread_getattr_np failed");
        }

        nint low;
        nuint size;
        var failed = pthread_attr_getstack(attributes, &low, &size);
        _ = pthread_attr_destroy(attributes);
        if (failed != 0)
        {
            throw new InvalidOperationException("pthread_attr_getstack failed");
        }

        return Math.Max(budgetEnd, low + (nint)Math.Min(StackHeadroom, (long)size / 4));
    }

    [UnmanagedCallersOnly]
    private static void OnWrite(nint context, int fd, byte* bytes, long length)
    {
        try
        {
            if (GCHandle.FromIntPtr(context).Target is NativeSession { output: { } sink })
            {
                sink.Write(fd, new ReadOnlySpan<byte>(bytes, checked((int)length)));
            }
        }
#pragma warning disable CA1031 // Nothing may unwind into native code; a failing writer loses the text.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static int PageAlign(long size) => checked((int)((Math.Max(size, 1) + 4095) & ~4095L));

    private static nint Map(long size, int protection, int flags)
    {
        var address = mmap(0, (nuint)size, protection, MapPrivate | MapAnonymous | flags, -1, 0);
        return address == -1 ? throw new InvalidOperationException("mmap failed: " + Marshal.GetLastPInvokeError()) : address;
    }

    private static void Protect(nint address, long size, int protection)
    {
        if (mprotect(address, (nuint)size, protection) != 0)
        {
            throw new InvalidOperationException("mprotect failed: " + Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>The streams of the running evaluation, decoding the UTF-8 the native code writes (a character may be split across writes).</summary>
    private sealed class OutputSink(TextWriter stdout, TextWriter stderr)
    {
        private readonly System.Text.Decoder outDecoder = Encoding.UTF8.GetDecoder();
        private readonly System.Text.Decoder errDecoder = Encoding.UTF8.GetDecoder();

        public void Write(int fd, ReadOnlySpan<byte> bytes)
        {
            var (writer, decoder) = fd == 2 ? (stderr, errDecoder) : (stdout, outDecoder);
            var chars = new char[decoder.GetCharCount(bytes, flush: false)];
            var count = decoder.GetChars(bytes, chars, flush: false);
            writer.Write(chars, 0, count);
        }

        public void Flush()
        {
            stdout.Flush();
            stderr.Flush();
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(nint addr, nuint length, int prot);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(nint addr, nuint length);

    [LibraryImport("libc")]
    private static partial nint pthread_self();

    [LibraryImport("libc")]
    private static partial int pthread_getattr_np(nint thread, byte* attributes);

    [LibraryImport("libc")]
    private static partial int pthread_attr_getstack(byte* attributes, nint* address, nuint* size);

    [LibraryImport("libc")]
    private static partial int pthread_attr_destroy(byte* attributes);
}

internal enum ChunkStatus
{
    Returned,
    Threw,

    /// <summary>The runtime's exit ran (out of memory): the session is over.</summary>
    Ended,
}

/// <summary>How a chunk ended: the characters of a string value (others render on demand, <see cref="NativeSession.Render"/>), or what it threw and its readable text.</summary>
internal sealed record ChunkOutcome(ChunkStatus Status, string? Text, string? StringValue, NativeError? Error, bool Interrupted);

/// <summary>A thrown native error object's fields, read from its memory.</summary>
internal sealed record NativeError(string Message, string? Id, string? Type, string? Site, string? DataText);
