using System.Collections;
using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Compiles a whole program: the entry routine (zl_main), every top-level form, every function
/// they reach, and the runtime. zl_main(rdi = writable base, rsi = read-only base, rdx = stack
/// limit, rcx = the process's initial stack: argc, argv...) returns the exit status.
/// </summary>
internal static class ProgramCompiler
{
    public static CompiledCode Compile(NativeProgram program, NativeOptions options)
    {
        var asm = new Assembler(64);
        var data = new DataSection();
        var runtime = new RuntimeLibrary(asm, data, options);
        var ctx = new CodeContext(asm, data, runtime, DefinedNames(program)) { DefinitionMeta = DefinitionMeta(program) };

        ctx.Typed = options.TypedFunctions ? TypedFunctions.Find(program.Forms, g => ctx.PrimitiveFor(g.Var)) : TypedFunctions.None;
        var entry = asm.CreateLabel("zl_main");
        var formLabels = new Label[program.Forms.Length];
        for (var i = 0; i < formLabels.Length; i++)
        {
            formLabels[i] = asm.CreateLabel($"toplevel_{i}");
        }

        var startup = asm.CreateLabel("startup");

        // The ELF entry point: the kernel leaves argc/argv at rsp. The two words after the stub are
        // the data bases, patched in by the ELF writer once the layout is known.
        var start = asm.CreateLabel("_start");
        var bases = asm.CreateLabel("bases");
        var readOnlyBase = asm.CreateLabel("bases_ro");
        asm.Bind(ref start);
        asm.mov(rbx, rsp);
        // Stack budget: RLIMIT_STACK (getrlimit) less 512 KiB of headroom for error reporting.
        asm.sub(rsp, 16);
        asm.mov(eax, 97);
        asm.mov(edi, 3);
        asm.mov(rsi, rsp);
        asm.syscall();
        asm.mov(rax, __qword_ptr[rsp]);
        asm.add(rsp, 16);
        asm.mov(rcx, 1L << 30);
        asm.cmp(rax, rcx);
        asm.cmova(rax, rcx);
        asm.mov(rdx, rbx);
        asm.sub(rdx, rax);
        asm.add(rdx, 512 * 1024);
        asm.mov(rcx, rbx);
        asm.mov(rdi, __qword_ptr[bases]);
        asm.mov(rsi, __qword_ptr[readOnlyBase]);
        asm.and(rsp, -16);
        asm.call(entry);
        asm.mov(edi, eax);
        asm.mov(eax, 231);
        asm.syscall();
        asm.Bind(ref bases);
        asm.dq(0);
        asm.Bind(ref readOnlyBase);
        asm.dq(0);

        asm.Bind(ref entry);
        EnterFromHost(asm);
        asm.sub(rsp, 8);
        asm.mov(rbx, rcx);
        asm.call(startup);
        var argvList = asm.CreateLabel("argv_list");
        CommandLineArguments(asm, argvList);

        for (var i = 0; i < formLabels.Length; i++)
        {
            asm.xor(r10d, r10d);
            asm.call(formLabels[i]);
        }

        if (program.Exit == ExitRule.CallMain)
        {
            CallMain(asm, ctx, program.Truthiness, program.MainName);
        }
        else if (program.Exit == ExitRule.PrintLastValue)
        {
            asm.mov(rdi, rax);
            asm.mov(eax, 1);
            asm.call(runtime.Label("prn"));
            asm.xor(eax, eax);
        }
        else
        {
            asm.mov(rdi, rax);
            ExitStatus(asm, program.Truthiness);
        }

        asm.mov(edi, eax);
        asm.jmp(runtime.Label("exit"));

        for (var i = 0; i < program.Forms.Length; i++)
        {
            new FunctionCompiler(ctx, $"toplevel_{i}").CompileTopLevel(program.Forms[i], ref formLabels[i]);
        }

        var functionNames = new List<NamedLabel>();
        var alignedEntries = new List<LabelCell>();
        var more = true;
        while (more)
        {
            more = false;
            while (ctx.TryDequeueFunction(out var function, out var label))
            {
                new FunctionCompiler(ctx, function.Name).CompileFunction(function, ref label);
                functionNames.Add(new NamedLabel(function.Name, label));
                more = true;
            }

            while (ctx.TryDequeueTypedBody(out var function, out var label))
            {
                new TypedBodyCompiler(ctx, function.Name, ctx.Typed.For(function)!, label).Compile(ref label);
                functionNames.Add(new NamedLabel(function.Name + "$typed", label));
                if (!TypedFunctions.IsLowLevel(function))
                {
                    // The program's own typed bodies are where its hot calls go (EntryAlignment).
                    alignedEntries.Add(new LabelCell(label));
                }

                more = true;
            }
        }

        // Only a program that reads its arguments decodes them (docs/design/native-strings.md, "Edges"):
        // known once every function is compiled.
        asm.Bind(ref argvList);
        var readsArguments = ctx.ArgumentsRead || (program.Exit == ExitRule.CallMain && ctx.DefinedNames.Contains(program.MainName));
        asm.jmp(runtime.Label(readsArguments ? "argv-list-decoded" : "argv-list"));

        // Start-up runs after every function is compiled, so it knows every static object.
        asm.Bind(ref startup);
        EmitStartup(asm, ctx);

        // A lone surrogate comes only from a literal (DataSection knows) or from from-char-code
        // (which the library's reader uses too): without either, str and write need no surrogate code.
        runtime.LoneSurrogatesPossible = ctx.DefinedNames.Contains("from-char-code");
        // Only a program that reaches with-out-str's primitive has its test in write.
        runtime.CapturePossible = ctx.DefinedNames.Contains("%with-captured-output");
        runtime.EmitAll();
        var names = NamedLabels(ctx, formLabels, out var routines);
        names.AddRange(functionNames);
        names.Add(new NamedLabel("_start", start));
        names.Add(new NamedLabel("zl_main", entry));
        var aligned = new Label[alignedEntries.Count];
        for (var i = 0; i < aligned.Length; i++)
        {
            aligned[i] = alignedEntries[i].Label;
        }

        return new CompiledCode(asm, data, entry, start, bases, names, routines, aligned);
    }

    /// <summary>Globals some form defines: calls to them are never treated as host primitives.</summary>
    private static HashSet<string> DefinedNames(NativeProgram program)
    {
        var defined = new HashSet<Var>();
        foreach (var form in program.Forms)
        {
            DefinitionFinder.Collect(form.Body, defined);
        }

        return defined.Select(v => NativeLibrary.GlobalName(v.Name)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Each global's def metadata (the last def of it), for its var object.</summary>
    private static Dictionary<string, PersistentMap> DefinitionMeta(NativeProgram program)
    {
        var meta = new Dictionary<string, PersistentMap>(StringComparer.Ordinal);
        foreach (var form in program.Forms)
        {
            DefinitionFinder.Collect(form.Body, def => meta[NativeLibrary.GlobalName(def.Var.Name)] = def.Meta);
        }

        return meta;
    }

    /// <summary>Sets the static closures' code addresses, the primitives' cells and the constant collections.</summary>
    private static void EmitStartup(Assembler asm, CodeContext ctx)
    {
        EmitStaticObjects(asm, ctx);

        // Every global that is not a primitive starts unbound.
        foreach (var (name, cell) in ctx.GlobalCells)
        {
            if (ctx.PrimitiveFor(name) is null)
            {
                asm.mov(__qword_ptr[r15 + cell], (int)ValueTags.Unbound);
            }
        }

        asm.ret();
    }

    /// <summary>
    /// The part of a start-up routine a whole program and a session's chunk share: the constants,
    /// the primitives' cells, the static closures and the vars. Building a constant can create
    /// more cells and closures, so it loops until nothing is new.
    /// </summary>
    internal static void EmitStaticObjects(Assembler asm, CodeContext ctx)
    {
        var constantsDone = 0;
        var closuresDone = 0;
        var cellsDone = 0;
        while (true)
        {
            var progress = false;
            for (; constantsDone < ctx.Constants.Count; constantsDone++, progress = true)
            {
                var (cell, value, span) = ctx.Constants[constantsDone];
                BuildConstant(asm, ctx, cell, value, span);
            }

            for (; cellsDone < ctx.PrimitiveCellInits.Count; cellsDone++, progress = true)
            {
                var (cell, primitive) = ctx.PrimitiveCellInits[cellsDone];
                asm.lea(rax, __[r15 + (ctx.PrimitiveClosure(primitive) + ValueTags.PointerTag)]);
                asm.mov(__qword_ptr[r15 + cell], rax);
            }

            for (; closuresDone < ctx.StaticClosureInits.Count; closuresDone++, progress = true)
            {
                var (offset, code, name) = ctx.StaticClosureInits[closuresDone];
                asm.mov(__qword_ptr[r15 + offset], (int)ObjectType.Closure);
                asm.lea(rax, __[code]);
                asm.mov(__qword_ptr[r15 + (offset + ObjectLayout.ClosureCode)], rax);
                asm.lea(rax, __[r14 + (ctx.Data.String(name) + ValueTags.PointerTag)]);
                asm.mov(__qword_ptr[r15 + (offset + ObjectLayout.ClosureName)], rax);
            }

            progress |= ctx.Vars.EmitPending(asm);
            if (!progress)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The host-facing entry's prologue, entry(rdi = writable base, rsi = read-only base, rdx =
    /// stack limit): saves the callee-saved registers (so the runtime's exit can return to the
    /// host), takes the two bases into r15/r14, and records the stack pointer the collector's stack
    /// scan ends at and the stack limit. Shared by a whole program's zl_main and a session's chunks.
    /// </summary>
    internal static void EnterFromHost(Assembler asm)
    {
        asm.push(rbp);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.push(r14);
        asm.push(r15);
        asm.mov(r15, rdi);
        asm.mov(r14, rsi);
        asm.mov(__qword_ptr[r15 + RuntimeCells.EntryStack], rsp);
        asm.mov(__qword_ptr[r15 + RuntimeCells.StackLimit], rdx);
    }

    internal static void BuildConstant(Assembler asm, CodeContext ctx, int cell, object value, Lang.Syntax.SourceSpan? span)
    {
        if (value is PersistentMap map)
        {
            asm.lea(rax, __[r14 + (ctx.Data.EmptyMap() + ValueTags.PointerTag)]);
            asm.mov(__qword_ptr[r15 + cell], rax);
            foreach (var (key, item) in map.Entries)
            {
                ConstantInto(asm, ctx, key, rsi, span);
                asm.push(rsi);
                asm.push(rsi);
                ConstantInto(asm, ctx, item, rdx, span);
                asm.pop(rsi);
                asm.pop(rsi);
                asm.mov(rdi, __qword_ptr[r15 + cell]);
                asm.call(ctx.Runtime.Label("assoc1"));
                asm.mov(__qword_ptr[r15 + cell], rax);
            }

            return;
        }

        if (value is Lang.Runtime.Regex.RegexValue regex)
        {
            RegexLiterals.Build(asm, ctx, cell, regex);
            return;
        }

        if (value is PersistentSet set)
        {
            asm.xor(eax, eax);
            asm.call(ctx.Runtime.Label("%empty-set"));
            asm.mov(__qword_ptr[r15 + cell], rax);
            foreach (var item in set)
            {
                ConstantInto(asm, ctx, item, rsi, span);
                asm.mov(rdi, __qword_ptr[r15 + cell]);
                asm.call(ctx.Runtime.Label("%set-with"));
                asm.mov(__qword_ptr[r15 + cell], rax);
            }

            return;
        }

        var items = ((IEnumerable)value).Cast<object?>().ToArray();
        var isVector = value is PersistentVector;
        if (isVector)
        {
            asm.mov(edi, ObjectLayout.VectorItems + (8 * items.Length));
            asm.call(ctx.Runtime.Label("alloc"));
            asm.mov(__qword_ptr[rax], (int)ObjectType.Vector);
            asm.mov(__qword_ptr[rax + ObjectLayout.VectorCount], (int)ValueTags.Fixnum(items.Length));
            asm.inc(rax);
            asm.mov(__qword_ptr[r15 + cell], rax);
            for (var i = 0; i < items.Length; i++)
            {
                ConstantInto(asm, ctx, items[i], rcx, span);
                asm.mov(rax, __qword_ptr[r15 + cell]);
                asm.mov(__qword_ptr[rax + (ObjectLayout.VectorItems + (8 * i) - ValueTags.PointerTag)], rcx);
            }

            return;
        }

        asm.lea(rax, __[r14 + (ctx.Data.EmptyList() + ValueTags.PointerTag)]);
        asm.mov(__qword_ptr[r15 + cell], rax);
        for (var i = items.Length - 1; i >= 0; i--)
        {
            ConstantInto(asm, ctx, items[i], rsi, span);
            asm.mov(rdi, __qword_ptr[r15 + cell]);
            asm.call(ctx.Runtime.Label("cons"));
            asm.mov(__qword_ptr[r15 + cell], rax);
        }
    }

    /// <summary>Loads a constant item; nested collections get their own cell, built first.</summary>
    private static void ConstantInto(Assembler asm, CodeContext ctx, object? item, AssemblerRegister64 target, Lang.Syntax.SourceSpan? span)
    {
        switch (item)
        {
            case null:
                asm.mov(target, ValueTags.Nil);
                break;
            case bool b:
                asm.mov(target, b ? ValueTags.True : ValueTags.False);
                break;
            case long n when ValueTags.FitsFixnum(n):
                asm.mov(target, ValueTags.Fixnum(n));
                break;
            case string s:
                asm.lea(target, __[r14 + (ctx.Data.String(s) + ValueTags.PointerTag)]);
                break;
            case Keyword k:
                asm.lea(target, __[r14 + (ctx.Data.Keyword(k.ToString()[1..]) + ValueTags.PointerTag)]);
                break;
            case PersistentList { Count: 0 }:
                asm.lea(target, __[r14 + (ctx.Data.EmptyList() + ValueTags.PointerTag)]);
                break;
            case PersistentMap { Count: 0 }:
                asm.lea(target, __[r14 + (ctx.Data.EmptyMap() + ValueTags.PointerTag)]);
                break;
            case Var v:
                asm.lea(target, __[r15 + (ctx.Vars.Offset(v) + ValueTags.PointerTag)]);
                break;
            case PersistentVector or PersistentList or PersistentMap or PersistentSet or Lang.Runtime.Regex.RegexValue:
                var nested = ctx.ConstantCell(item, span);
                BuildConstant(asm, ctx, nested, item, span);
                asm.mov(target, __qword_ptr[r15 + nested]);
                break;
            default:
                ctx.Runtime.FloatsUsed |= item is double;
                asm.lea(target, __[r14 + (FunctionCompiler.ScalarConstant(ctx.Data, item, span) + ValueTags.PointerTag)]);
                break;
        }
    }

    /// <summary>Binds *command-line-args*-style strings: argv[1..] become Zylisp strings kept on the stack frame of zl_main.</summary>
    private static void CommandLineArguments(Assembler asm, Label argvList)
    {
        // rbx = initial process stack: [argc][argv0][argv1]...; the list goes to the CommandLineArgs cell.
        asm.mov(rdi, rbx);
        asm.call(argvList);
        asm.mov(__qword_ptr[r15 + RuntimeCells.CommandLineArgs], rax);
    }

    /// <summary>Calls -main (when some form defined it) with the arguments, then computes the status.</summary>
    private static void CallMain(Assembler asm, CodeContext ctx, Truthiness truthiness, string mainName)
    {
        if (!ctx.DefinedNames.Contains(mainName))
        {
            asm.xor(eax, eax);
            return;
        }

        var cell = ctx.GlobalCell(mainName);
        var noMain = asm.CreateLabel();
        var done = asm.CreateLabel();
        asm.mov(r10, __qword_ptr[r15 + cell]);
        asm.cmp(r10, (int)ValueTags.Unbound);
        asm.je(noMain);
        asm.mov(rdi, __qword_ptr[r15 + RuntimeCells.CommandLineArgs]);
        asm.call(ctx.Runtime.Label("apply-list"));
        asm.mov(rdi, rax);
        ExitStatus(asm, truthiness);
        asm.jmp(done);
        asm.Bind(ref noMain);
        asm.xor(eax, eax);
        asm.Bind(ref done);
    }

    /// <summary>eax = the exit status for the value in rdi: an integer is the status; in SLisp, true is 1.</summary>
    private static void ExitStatus(Assembler asm, Truthiness truthiness)
    {
        var notFixnum = asm.CreateLabel();
        var done = asm.CreateLabel();
        asm.test(dil, 1);
        asm.jnz(notFixnum);
        asm.mov(rax, rdi);
        asm.sar(rax, 1);
        asm.jmp(done);
        asm.Bind(ref notFixnum);
        // An integer beyond 63 bits is boxed; the status is still its low bits.
        var notBoxed = asm.CreateLabel();
        asm.mov(eax, edi);
        asm.and(eax, 7);
        asm.cmp(eax, ValueTags.PointerTag);
        asm.jne(notBoxed);
        asm.cmp(__byte_ptr[rdi - ValueTags.PointerTag], (int)ObjectType.BoxedInteger);
        asm.jne(notBoxed);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.BoxedIntegerValue - ValueTags.PointerTag)]);
        asm.jmp(done);
        asm.Bind(ref notBoxed);
        asm.xor(eax, eax);
        if (truthiness == Truthiness.Slisp)
        {
            asm.cmp(rdi, (int)ValueTags.True);
            asm.sete(al);
        }

        asm.Bind(ref done);
    }

    /// <summary>The runtime routines' and top-level forms' labels with their listing names; <paramref name="routines"/>: the routines' labels.</summary>
    private static List<NamedLabel> NamedLabels(CodeContext ctx, Label[] formLabels, out Label[] routines)
    {
        var names = new List<NamedLabel>();
        foreach (var routine in ctx.Runtime.Labels)
        {
            names.Add(routine with { Name = "rt:" + routine.Name });
        }

        routines = new Label[names.Count];
        for (var i = 0; i < routines.Length; i++)
        {
            routines[i] = names[i].Label;
        }

        for (var i = 0; i < formLabels.Length; i++)
        {
            names.Add(new NamedLabel($"toplevel_{i}", formLabels[i]));
        }

        return names;
    }
}
