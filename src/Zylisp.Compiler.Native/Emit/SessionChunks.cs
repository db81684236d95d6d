using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using Zylisp.Lang.Data;
using Zylisp.Lang.Lowering;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The writable cells through which a native session's chunk reports how it ended
/// (docs/design/native-sessions.md). Reserved once, when the runtime chunk is compiled.
/// </summary>
internal sealed class SessionCells(DataSection data)
{
    /// <summary>0 while a chunk runs (still 0 after it returned: the runtime's exit ended it), 1 returned a value, 2 threw (the render entry turns 1 into 2 when printing throws).</summary>
    public int Status { get; } = data.ReserveWritable(1);

    /// <summary>The last form's value, or the thrown value.</summary>
    public int Value { get; } = data.ReserveWritable(1);

    /// <summary>The value rendered readably (a string object) by the render entry, or 0 when rendering failed.</summary>
    public int Text { get; } = data.ReserveWritable(1);

    /// <summary>A thrown error's data map rendered readably, or 0.</summary>
    public int ErrorData { get; } = data.ReserveWritable(1);

    public const long Returned = 1;

    public const long Threw = 2;

    /// <summary>The REPL's value history, kept by each chunk in native globals (Clojure's *1 *2 *3 *e).</summary>
    public static readonly string[] History = ["*1", "*2", "*3", "*e"];
}

/// <summary>
/// Compiles the chunks of a native session. The runtime chunk holds every runtime routine (no
/// pruning: later chunks may call any of them). A form chunk holds top-level forms, the functions
/// they reach and an entry routine; it calls runtime routines through trampolines to their
/// loaded addresses and reads and writes the globals' existing cells, since every chunk shares
/// the session's read-only and writable areas (r14, r15) at growing offsets.
/// </summary>
internal static class SessionChunks
{
    /// <summary>The runtime chunk: every routine, including the groups a whole program gets only when it uses them.</summary>
    public static (Assembler Asm, IReadOnlyList<KeyValuePair<string, Label>> Routines, Label Render) CompileRuntime(DataSection data, NativeOptions options, SessionCells cells)
    {
        var asm = new Assembler(64);
        var runtime = new RuntimeLibrary(asm, data, options);
        foreach (var name in PrimitiveGroups.NumberFunctions.Concat(PrimitiveGroups.SymbolFunctions).Concat(PrimitiveGroups.MathFunctions).Concat(PrimitiveGroups.UnicodeTables))
        {
            runtime.Label(name);
        }

        runtime.FloatsUsed = true;
        var render = EmitRender(asm, runtime, cells);
        runtime.EmitAll();
        var routines = new List<KeyValuePair<string, Label>>();
        foreach (var (name, label) in runtime.Labels)
        {
            routines.Add(new KeyValuePair<string, Label>(name, label));
        }

        return (asm, routines, render);
    }

    /// <summary>
    /// A form chunk. Its entry, chunk(rdi = writable base, rsi = read-only base, rdx = stack limit),
    /// saves the registers as zl_main does (so the runtime's exit returns to the host), runs the
    /// chunk's start-up and its forms under a handler, and records the outcome in the session cells.
    /// </summary>
    public static FormChunk CompileForms(FormChunkRequest request)
    {
        var asm = new Assembler(64);
        var runtime = new RuntimeLibrary(asm, request.Data, request.Options);
        var ctx = new CodeContext(asm, request.Data, runtime, request.DefinedNames) { DefinitionMeta = request.DefinitionMeta };
        ctx.AdoptGlobalCells(request.GlobalCells);
        ctx.Typed = request.Options.TypedFunctions
            ? TypedFunctions.Find(request.Forms, g => ctx.PrimitiveFor(g.Var), libraryOnly: true)
            : TypedFunctions.None;
        var cells = request.Cells;

        var entry = asm.CreateLabel("chunk_entry");
        var startup = asm.CreateLabel("chunk_startup");
        var formLabels = request.Forms.Select((_, i) => asm.CreateLabel($"toplevel_{i}")).ToArray();
        var handler = asm.CreateLabel();
        var done = asm.CreateLabel();

        asm.Bind(ref entry);
        EnterFromHost(asm);
        asm.mov(__qword_ptr[r15 + cells.Status], 0);
        PushHandler(asm, handler);
        asm.call(startup);
        asm.mov(eax, (int)ValueTags.Nil);
        foreach (var label in formLabels)
        {
            asm.xor(r10d, r10d);
            asm.call(label);
        }

        PopHandler(asm);
        asm.mov(__qword_ptr[r15 + cells.Value], rax);
        asm.mov(__qword_ptr[r15 + cells.Status], (int)SessionCells.Returned);
        KeepHistory(asm, ctx, rax);
        asm.jmp(done);

        asm.Bind(ref handler);
        asm.mov(__qword_ptr[r15 + cells.Value], rax);
        asm.mov(__qword_ptr[r15 + cells.Status], (int)SessionCells.Threw);
        asm.mov(__qword_ptr[r15 + ctx.GlobalCell("*e")], rax);

        asm.Bind(ref done);
        ReturnToHost(asm);

        for (var i = 0; i < request.Forms.Count; i++)
        {
            new FunctionCompiler(ctx, $"toplevel_{i}").CompileTopLevel(request.Forms[i], ref formLabels[i]);
        }

        var more = true;
        while (more)
        {
            more = false;
            while (ctx.TryDequeueFunction(out var function, out var label))
            {
                new FunctionCompiler(ctx, function.Name).CompileFunction(function, ref label);
                more = true;
            }

            while (ctx.TryDequeueTypedBody(out var function, out var label))
            {
                new TypedBodyCompiler(ctx, function.Name, ctx.Typed.For(function)!, label).Compile(ref label);
                more = true;
            }
        }

        asm.Bind(ref startup);
        EmitStartup(asm, ctx, request.GlobalCells);
        EmitTrampolines(asm, runtime, request.RoutineAddress);
        return new FormChunk(asm, entry, ctx.GlobalCells.ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// The render entry, render(rdi = writable base, rsi = read-only base, rdx = stack limit), in the
    /// runtime chunk: renders the outcome's value readably into <see cref="SessionCells.Text"/> (and
    /// a thrown error's data into <see cref="SessionCells.ErrorData"/>) when the host prints it, not
    /// before: printing realizes lazy sequences, which must not happen for a value nobody prints.
    /// Rendering can throw too (a lazy sequence realized for printing): the error is then the
    /// outcome, rendered in turn; a failure while rendering an error gives up (Text 0).
    /// </summary>
    private static Label EmitRender(Assembler asm, RuntimeLibrary runtime, SessionCells cells)
    {
        var entry = asm.CreateLabel("session_render");
        var render = asm.CreateLabel();
        var renderFailed = asm.CreateLabel();
        var done = asm.CreateLabel();
        asm.Bind(ref entry);
        EnterFromHost(asm);
        asm.mov(__qword_ptr[r15 + cells.Text], 0);
        asm.mov(__qword_ptr[r15 + cells.ErrorData], 0);
        asm.Bind(ref render);
        PushHandler(asm, renderFailed);
        asm.mov(rsi, __qword_ptr[r15 + cells.Value]);
        asm.mov(edi, 2);
        asm.call(runtime.Label("pr-str1"));
        asm.mov(__qword_ptr[r15 + cells.Text], rax);
        var notError = asm.CreateLabel();
        asm.mov(rdi, __qword_ptr[r15 + cells.Value]);
        asm.mov(eax, edi);
        asm.and(eax, 7);
        asm.cmp(eax, ValueTags.PointerTag);
        asm.jne(notError);
        asm.cmp(__byte_ptr[rdi - ValueTags.PointerTag], (int)ObjectType.Error);
        asm.jne(notError);
        asm.mov(rsi, __qword_ptr[rdi + (ObjectLayout.ErrorData - ValueTags.PointerTag)]);
        asm.mov(edi, 2);
        asm.call(runtime.Label("pr-str1"));
        asm.mov(__qword_ptr[r15 + cells.ErrorData], rax);
        asm.Bind(ref notError);
        PopHandler(asm);
        asm.jmp(done);

        asm.Bind(ref renderFailed);
        var giveUp = asm.CreateLabel();
        asm.cmp(__qword_ptr[r15 + cells.Status], (int)SessionCells.Returned);
        asm.jne(giveUp);
        asm.mov(__qword_ptr[r15 + cells.Value], rax);
        asm.mov(__qword_ptr[r15 + cells.Status], (int)SessionCells.Threw);
        asm.jmp(render);
        asm.Bind(ref giveUp);
        asm.mov(__qword_ptr[r15 + cells.Text], 0);
        asm.mov(__qword_ptr[r15 + cells.ErrorData], 0);

        asm.Bind(ref done);
        ReturnToHost(asm);
        return entry;
    }

    /// <summary>
    /// Entry from the host (rdi = writable base, rsi = read-only base, rdx = stack limit): saves the
    /// registers as zl_main does, so the runtime's exit returns to the host, and records the stack
    /// pointer the collector's stack scan ends at.
    /// </summary>
    private static void EnterFromHost(Assembler asm)
    {
        ProgramCompiler.EnterFromHost(asm);
        asm.mov(__qword_ptr[r15 + RuntimeCells.HandlerTop], 0);
        asm.mov(__qword_ptr[r15 + RuntimeCells.CurrentSite], 0);
        asm.sub(rsp, 8);
        asm.xor(ebp, ebp);
    }

    private static void ReturnToHost(Assembler asm)
    {
        asm.add(rsp, 8);
        asm.pop(r15);
        asm.pop(r14);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.pop(rbp);
        asm.ret();
    }

    /// <summary>A handler record as FunctionCompiler's try pushes it: [prev][rbp][handler][pad].</summary>
    private static void PushHandler(Assembler asm, Label handler)
    {
        asm.push(0);
        asm.lea(rax, __[handler]);
        asm.push(rax);
        asm.push(rbp);
        asm.push(__qword_ptr[r15 + RuntimeCells.HandlerTop]);
        asm.mov(__qword_ptr[r15 + RuntimeCells.HandlerTop], rsp);
    }

    private static void PopHandler(Assembler asm)
    {
        asm.pop(rcx);
        asm.mov(__qword_ptr[r15 + RuntimeCells.HandlerTop], rcx);
        asm.add(rsp, 24);
    }

    /// <summary>*3 ← *2 ← *1 ← the value in <paramref name="value"/> (kept).</summary>
    private static void KeepHistory(Assembler asm, CodeContext ctx, AssemblerRegister64 value)
    {
        asm.mov(rcx, __qword_ptr[r15 + ctx.GlobalCell("*2")]);
        asm.mov(__qword_ptr[r15 + ctx.GlobalCell("*3")], rcx);
        asm.mov(rcx, __qword_ptr[r15 + ctx.GlobalCell("*1")]);
        asm.mov(__qword_ptr[r15 + ctx.GlobalCell("*2")], rcx);
        asm.mov(__qword_ptr[r15 + ctx.GlobalCell("*1")], value);
    }

    /// <summary>
    /// Start-up of a chunk: its constants, static closures, primitive cells and vars, as a whole
    /// program's start-up makes them, and unbound only for the global cells that are new here.
    /// </summary>
    private static void EmitStartup(Assembler asm, CodeContext ctx, IReadOnlyDictionary<string, int> adopted)
    {
        ProgramCompiler.EmitStaticObjects(asm, ctx);

        foreach (var (name, cell) in ctx.GlobalCells)
        {
            if (!adopted.ContainsKey(name) && ctx.PrimitiveFor(name) is null)
            {
                // The REPL history starts as nil, every other global unbound.
                asm.mov(__qword_ptr[r15 + cell], SessionCells.History.Contains(name) ? (int)ValueTags.Nil : (int)ValueTags.Unbound);
            }
        }

        asm.ret();
    }

    /// <summary>Each runtime routine the chunk calls is a jump through a word holding its loaded address.</summary>
    private static void EmitTrampolines(Assembler asm, RuntimeLibrary runtime, Func<string, ulong> routineAddress)
    {
        foreach (var (name, label) in runtime.Labels.ToList())
        {
            var slot = asm.CreateLabel();
            var bound = label;
            asm.Bind(ref bound);
            asm.jmp(__qword_ptr[slot]);
            asm.Bind(ref slot);
            asm.dq((long)routineAddress(name));
        }
    }
}

/// <summary>What a form chunk is compiled against: the session's data, names and cells so far.</summary>
internal sealed record FormChunkRequest(
    IReadOnlyList<LTopLevel> Forms,
    DataSection Data,
    NativeOptions Options,
    SessionCells Cells,
    IReadOnlySet<string> DefinedNames,
    IReadOnlyDictionary<string, PersistentMap> DefinitionMeta,
    IReadOnlyDictionary<string, int> GlobalCells,
    Func<string, ulong> RoutineAddress);

/// <summary>A compiled form chunk, before it is placed: its code, entry, and the global cells it knows (the old ones and its new ones).</summary>
internal sealed record FormChunk(Assembler Asm, Label Entry, IReadOnlyDictionary<string, int> GlobalCells);
