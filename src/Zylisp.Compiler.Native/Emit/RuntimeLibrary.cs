using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The runtime routines every native program links: allocation, errors and unwinding, truthiness,
/// equality, printing, and the host primitives. Primitives use the Zylisp calling convention
/// (argument count in eax, arguments as System V); internal helpers take System V arguments.
/// All may clobber rax, rcx, rdx, rsi, rdi, r8-r11 and keep rbx, rbp, r12-r15.
/// The routines are split by concern into partial files (Runtime*.cs).
/// </summary>
internal sealed partial class RuntimeLibrary
{
    // Iced's Label is a struct from another assembly, so a Dictionary<string, Label> would be
    // JIT-compiled in every native build; a Dictionary over a class of ours is precompiled.
    private readonly Dictionary<string, LabelCell> labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Primitive> primitives = new(StringComparer.Ordinal);
    private readonly Assembler asm;
    private readonly DataSection data;
    private readonly NativeOptions options;

    public RuntimeLibrary(Assembler asm, DataSection data, NativeOptions options)
    {
        this.asm = asm;
        this.data = data;
        this.options = options;
        RegisterPrimitives();
    }

    public IEnumerable<string> PrimitiveNames => primitives.Keys;

    /// <summary>The names of every host primitive the assembly runtime implements.</summary>
    public static IReadOnlySet<string> Names { get; } =
        new RuntimeLibrary(new Assembler(64), new DataSection(), NativeOptions.Default).PrimitiveNames.ToHashSet(StringComparer.Ordinal);

    public Primitive? Find(string name)
    {
        var primitive = primitives.GetValueOrDefault(name);
        FloatsUsed |= primitive is not null && (PrimitiveGroups.FloatSources.Contains(name) || PrimitiveGroups.MathFunctions.Contains(name));
        return primitive;
    }

    /// <summary>The label of a routine, created on first use and defined by <see cref="EmitAll"/>.</summary>
    public Label Label(string name)
    {
        if (!labels.TryGetValue(name, out var cell))
        {
            cell = new LabelCell(asm.CreateLabel("rt:" + name));
            labels[name] = cell;
        }

        return cell.Label;
    }

    /// <summary>Whether some code referred to (or the runtime defined) the routine of this name.</summary>
    public bool HasLabel(string name) => labels.ContainsKey(name);

    /// <summary>Every routine's label (bound ones as bound) with its name, in no particular order.</summary>
    public IEnumerable<NamedLabel> Labels
    {
        get
        {
            foreach (var (name, cell) in labels)
            {
                yield return new NamedLabel(name, cell.Label);
            }
        }
    }

    private void Define(string name)
    {
        var label = Label(name);
        asm.Bind(ref label);
        // Keep the bound copy: only it knows its instruction, which the listing needs.
        labels[name].Label = label;
    }

    /// <summary>Records the bound copy of a routine label bound outside <see cref="Define"/> (a typed routine's).</summary>
    public void Bound(string name, Label label) => labels[name].Label = label;

    private void Primitive(string name, string routine, Func<FunctionCompiler.InlineSite, bool>? inline = null) =>
        primitives[name] = new Primitive(name, routine, inline);

    private AssemblerMemoryOperand Str(string text) => __[r14 + (data.String(text) + ValueTags.PointerTag)];

    /// <summary>
    /// Raises the interpreter's type error, "`function` expects expected, got …" describing
    /// <paramref name="value"/> (type-error never returns).
    /// </summary>
    private void TypeError(AssemblerRegister64 value, string function, string expected)
    {
        if (value != rdx)
        {
            asm.mov(rdx, value);
        }

        asm.lea(rdi, Str(function));
        asm.lea(rsi, Str(expected));
        asm.jmp(Label("type-error"));
    }

    /// <summary>Emits every routine the program can reach; each defines its label.</summary>
    public void EmitAll()
    {
        // Every group is emitted; RoutinePruner leaves out what the program cannot reach.
        EmitMemory();
        EmitCollector();
        EmitErrors();
        EmitTruthAndEquality();
        EmitRendering();
        TypedRoutines.Emit(asm, data, this, options.CacheDirectory);
        EmitArithmetic();
        EmitStrings();
        EmitUtf8();
        EmitCollections();
        EmitSequences();
        EmitMaps();
        EmitLazy();
        EmitRecords();
        EmitVars();
        EmitSorted();
        EmitProgramSupport();
        EmitLowLevel();
        EmitSets();
        EmitInvokeOther();
        EmitFiles();
        EmitClock();
        EmitCapture();
        EmitRegex();

        // Groups only programs that use them need, last, once every reference to them exists.
        // RoutinePruner and DataPruner would leave their code and data out of a program that does
        // not reach them; the gate saves emitting them at all (compile time).
        EmitWhenUsed(PrimitiveGroups.NumberFunctions, EmitNumberFunctions);
        EmitWhenUsed(PrimitiveGroups.SymbolFunctions, EmitSymbols);
        EmitWhenUsed(PrimitiveGroups.MathFunctions, EmitMath);
        EmitWhenUsed(PrimitiveGroups.UnicodeTables, EmitUnicodeCategories);
        if (FloatsUsed)
        {
            EmitFloatPrinter();
        }

        // A routine referred to but never defined (say, in a group the gate above left out) would
        // assemble as a jump to the label's id, a crash at run time: fail the build instead.
        foreach (var (name, cell) in labels)
        {
            if (cell.Label.InstructionIndex < 0)
            {
                throw new InvalidOperationException($"the native runtime refers to the routine `{name}` but does not define it");
            }
        }
    }

    private void EmitWhenUsed(string[] routines, Action emit)
    {
        if (Array.Exists(routines, labels.ContainsKey))
        {
            emit();
        }
    }

    // ---- shared shapes ----

    /// <summary>
    /// Prologue of a primitive taking any number of arguments: the register arguments are spilled
    /// below rbp so that argument i is at [rbp-48+8i] (i &lt; 6) or [rbp-32+8i] (i ≥ 6, the caller's
    /// stack); the count is in r12; rbx, r12, r13 are free for the body.
    /// <para>
    /// The slots of registers past the count are set to nil: they hold whatever the caller last
    /// left in those registers, and the collector scans them for as long as the primitive runs. A
    /// `reduce` over `(take n (range))` kept the range's first cell in its rcx slot that way, and
    /// with it every cell the walk realized (issue 13).
    /// </para>
    /// </summary>
    private void VariadicPrologue()
    {
        asm.push(rbp);
        asm.mov(rbp, rsp);
        asm.push(r9);
        asm.push(r8);
        asm.push(rcx);
        asm.push(rdx);
        asm.push(rsi);
        asm.push(rdi);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.sub(rsp, 8);
        asm.mov(r12d, eax);
        for (var slot = 0; slot < 6; slot++)
        {
            var passed = asm.CreateLabel();
            asm.cmp(r12d, slot);
            asm.jg(passed);
            asm.mov(__qword_ptr[rbp + ((slot * 8) - 48)], (int)ValueTags.Nil);
            asm.Bind(ref passed);
        }
    }

    /// <summary>
    /// Reserves the 8 bytes that keep a call aligned, written with 0 (a fixnum). `sub rsp, 8` would
    /// leave there whatever an earlier call left, and the collector scans it as a root for as long
    /// as the call runs: seq-count's slot kept an early lazy-seq cell, and so every cell a
    /// `(count (take n (iterate inc 0)))` walk realized (issue 13). Undone by `add rsp, 8`.
    /// </summary>
    private void PushAlignmentSlot() => asm.push(0);

    /// <summary>
    /// rdi = (seq rdi), called where rsp is as at a routine's entry; seq's type error names
    /// <paramref name="function"/>, the function the program called (first, rest, second, vec).
    /// </summary>
    private void SeqAtEntry(string function)
    {
        PushAlignmentSlot();
        asm.lea(rsi, Str(function));
        asm.call(Label("seq1-named"));
        asm.add(rsp, 8);
        asm.mov(rdi, rax);
    }

    private void VariadicEpilogue()
    {
        asm.lea(rsp, __[rbp - 72]);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.leave();
        asm.ret();
    }

    /// <summary>Loads argument number <paramref name="index"/> (a register holding it) into <paramref name="target"/>.</summary>
    private void LoadArgument(AssemblerRegister64 target, AssemblerRegister64 index)
    {
        var high = asm.CreateLabel();
        var done = asm.CreateLabel();
        asm.cmp(index, 6);
        asm.jae(high);
        asm.mov(target, __qword_ptr[rbp + (index * 8) - 48]);
        asm.jmp(done);
        asm.Bind(ref high);
        asm.mov(target, __qword_ptr[rbp + (index * 8) - 32]);
        asm.Bind(ref done);
    }

    private void LoadArgument(AssemblerRegister64 target, int index) =>
        asm.mov(target, __qword_ptr[rbp + (index < 6 ? (8 * index) - 48 : (8 * index) - 32)]);

    /// <summary>Fails with the arity error unless the count in r12 is within [min, max].</summary>
    private void CheckArity(string name, int min, int max)
    {
        var bad = asm.CreateLabel();
        var ok = asm.CreateLabel();
        asm.cmp(r12d, min);
        asm.jl(bad);
        if (max >= 0)
        {
            asm.cmp(r12d, max);
            asm.jg(bad);
        }

        asm.jmp(ok);
        asm.Bind(ref bad);
        asm.lea(rdi, Str(name));
        asm.mov(esi, r12d);
        asm.jmp(Label("arity-error-named"));
        asm.Bind(ref ok);
    }

    /// <summary>Jumps to <paramref name="otherwise"/> unless <paramref name="value"/> is an object of <paramref name="type"/> (uses r11).</summary>
    private void JumpUnlessType(AssemblerRegister64 value, ObjectType type, Label otherwise)
    {
        asm.mov(r11, value);
        asm.and(r11d, 7);
        asm.cmp(r11d, ValueTags.PointerTag);
        asm.jne(otherwise);
        asm.cmp(__byte_ptr[value - ValueTags.PointerTag], (int)type);
        asm.jne(otherwise);
    }

    /// <summary>Jumps to <paramref name="target"/> when <paramref name="value"/> is an object of one of <paramref name="types"/>; falls through otherwise (uses r11).</summary>
    private void JumpIfTypeIn(AssemblerRegister64 value, Label target, params ObjectType[] types)
    {
        var no = asm.CreateLabel();
        LoadObjectType(value, no);
        foreach (var type in types)
        {
            asm.cmp(r11d, (int)type);
            asm.je(target);
        }

        asm.Bind(ref no);
    }

    /// <summary>r11d = the type byte of <paramref name="value"/>'s object; jumps to <paramref name="notObject"/> for a fixnum or other immediate.</summary>
    private void LoadObjectType(AssemblerRegister64 value, Label notObject)
    {
        asm.mov(r11, value);
        asm.and(r11d, 7);
        asm.cmp(r11d, ValueTags.PointerTag);
        asm.jne(notObject);
        asm.movzx(r11d, __byte_ptr[value - ValueTags.PointerTag]);
    }

    /// <summary>Calls the str primitive on the given argument loaders (at most six); the string is in rax.</summary>
    private void CallStr(params Action<AssemblerRegister64>[] loaders)
    {
        AssemblerRegister64[] registers = [rdi, rsi, rdx, rcx, r8, r9];
        // Last first: a source that is itself an argument register (rdi) is read before it is overwritten.
        for (var i = loaders.Length - 1; i >= 0; i--)
        {
            loaders[i](registers[i]);
        }

        asm.mov(eax, loaders.Length);
        asm.call(Label("str"));
    }

    private Action<AssemblerRegister64> Text(string text) => r => asm.lea(r, Str(text));

    private Action<AssemblerRegister64> From(AssemblerRegister64 source) => r =>
    {
        if (r != source)
        {
            asm.mov(r, source);
        }
    };
}
