using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    private void EmitStrings()
    {
        // str concatenates with str rendering; the printers join with spaces.
        EmitJoin("str", RenderMode.Str, separated: false, newline: false, writeOut: false);
        EmitJoin("pr-str", RenderMode.Readable, separated: true, newline: false, writeOut: false);
        EmitJoin("println", RenderMode.Print, separated: true, newline: true, writeOut: true);
        EmitJoin("print", RenderMode.Print, separated: true, newline: false, writeOut: true);
        EmitJoin("prn", RenderMode.Readable, separated: true, newline: true, writeOut: true);
        EmitJoin("pr", RenderMode.Readable, separated: true, newline: false, writeOut: true);

        // write(edi = fd, rsi = string): the whole string, however many write calls it takes. A
        // lone surrogate leaves as U+FFFD, as .NET's encoder writes it (%encodable-text, a typed
        // routine: it may use every scratch register, so the ones write keeps are saved).
        Define("write");
        EmitCaptureTest();
        if (SurrogatesPossible)
        {
            AssemblerRegister64[] keptByEncoding = [rdi, r8, r9, r10];
            foreach (var register in keptByEncoding)
            {
                asm.push(register);
            }

            asm.mov(rdi, rsi);
            asm.call(Label("%encodable-text"));
            asm.mov(rsi, rax);
            for (var i = keptByEncoding.Length - 1; i >= 0; i--)
            {
                asm.pop(keptByEncoding[i]);
            }
        }

        var hooked = asm.CreateLabel();
        asm.cmp(__qword_ptr[r15 + RuntimeCells.WriteHook], 0);
        asm.jne(hooked);
        asm.mov(rdx, __qword_ptr[rsi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.add(rsi, ObjectLayout.StringBytes - ValueTags.PointerTag);
        var again = asm.CreateLabel();
        var writeDone = asm.CreateLabel();
        asm.Bind(ref again);
        asm.test(rdx, rdx);
        asm.jz(writeDone);
        asm.mov(eax, 1);
        asm.push(rdi);
        asm.push(rsi);
        asm.push(rdx);
        asm.syscall();
        asm.pop(rdx);
        asm.pop(rsi);
        asm.pop(rdi);
        asm.test(rax, rax);
        asm.jle(writeDone);
        asm.add(rsi, rax);
        asm.sub(rdx, rax);
        asm.jmp(again);
        asm.Bind(ref writeDone);
        asm.ret();

        // A native session's host writes the bytes (RuntimeCells.WriteHook): the call keeps every
        // register write keeps, and aligns the stack as System V asks.
        asm.Bind(ref hooked);
        AssemblerRegister64[] kept = [rdi, rsi, rdx, rcx, r8, r9, r10, r11];
        asm.push(rbp);
        asm.mov(rbp, rsp);
        foreach (var register in kept)
        {
            asm.push(register);
        }

        asm.and(rsp, -16);
        asm.mov(rcx, __qword_ptr[rsi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.lea(rdx, __[rsi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.mov(esi, edi);
        asm.mov(rdi, __qword_ptr[r15 + RuntimeCells.WriteHookContext]);
        asm.call(__qword_ptr[r15 + RuntimeCells.WriteHook]);
        asm.lea(rsp, __[rbp - (8 * kept.Length)]);
        for (var i = kept.Length - 1; i >= 0; i--)
        {
            asm.pop(kept[i]);
        }

        asm.pop(rbp);
        asm.ret();
    }

    /// <summary>
    /// False when the program cannot make a lone surrogate (ProgramCompiler: no literal holds one
    /// and from-char-code is not reached): then str and write leave out the joining and the
    /// U+FFFD pass, and their typed routines are pruned (hello world stays small). Sessions can
    /// eval anything, so they keep both.
    /// </summary>
    public bool LoneSurrogatesPossible { get; set; } = true;

    private bool SurrogatesPossible => LoneSurrogatesPossible || data.HoldsLoneSurrogate;

    /// <summary>
    /// A primitive that renders all its arguments into one new string (optionally space-separated
    /// and newline-terminated) and returns it, or writes it to stdout and returns nil.
    /// </summary>
    private void EmitJoin(string name, RenderMode mode, bool separated, bool newline, bool writeOut)
    {
        const int Index = -80;
        // Set when a string piece starting with ED follows text ending with a three-byte ED
        // sequence: maybe a high and a low surrogate that join (only str can put two pieces together).
        const int MaybeHalves = -88;
        var joinsHalves = !separated && mode == RenderMode.Str && SurrogatesPossible;
        Define(name);
        VariadicPrologue();
        if (joinsHalves)
        {
            // VariadicEpilogue restores rsp from rbp; 16 bytes keep the calls aligned.
            asm.sub(rsp, 16);
            asm.mov(__qword_ptr[rbp + MaybeHalves], 0);
        }

        asm.xor(r13d, r13d);
        asm.mov(__qword_ptr[rbp + Index], 0);
        var measure = asm.CreateLabel();
        var measured = asm.CreateLabel();
        asm.Bind(ref measure);
        asm.mov(rbx, __qword_ptr[rbp + Index]);
        asm.cmp(ebx, r12d);
        asm.jae(measured);
        LoadArgument(rdi, rbx);
        var measureRendered = asm.CreateLabel();
        if (mode != RenderMode.Readable)
        {
            // A string's bytes need no printer: the common case of str, and the one the
            // stack-overflow error's message takes (so reporting it never recurses into %render).
            var notString = asm.CreateLabel();
            JumpUnlessType(rdi, ObjectType.String, notString);
            asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
            asm.jmp(measureRendered);
            asm.Bind(ref notString);
        }

        CallRender(rdi, destination: null, mode);
        asm.Bind(ref measureRendered);
        asm.add(r13, rax);
        asm.inc(__qword_ptr[rbp + Index]);
        asm.jmp(measure);
        asm.Bind(ref measured);
        if (separated)
        {
            var none = asm.CreateLabel();
            asm.test(r12d, r12d);
            asm.jz(none);
            asm.lea(r13, __[r13 + r12 - 1]);
            asm.Bind(ref none);
        }

        if (newline)
        {
            asm.inc(r13);
        }

        asm.lea(rdi, __[r13 + ObjectLayout.StringBytes]);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.String);
        asm.mov(__qword_ptr[rax + ObjectLayout.StringLength], r13);
        asm.mov(rbx, rax);
        asm.xor(r13d, r13d);
        asm.mov(__qword_ptr[rbp + Index], 0);
        var fill = asm.CreateLabel();
        var filled = asm.CreateLabel();
        asm.Bind(ref fill);
        asm.mov(rcx, __qword_ptr[rbp + Index]);
        asm.cmp(ecx, r12d);
        asm.jae(filled);
        if (separated)
        {
            var first = asm.CreateLabel();
            asm.test(rcx, rcx);
            asm.jz(first);
            asm.mov(__byte_ptr[rbx + r13 + ObjectLayout.StringBytes], (byte)' ');
            asm.inc(r13);
            asm.Bind(ref first);
        }

        LoadArgument(rdi, rcx);
        var fillRendered = asm.CreateLabel();
        if (mode != RenderMode.Readable)
        {
            var notString = asm.CreateLabel();
            JumpUnlessType(rdi, ObjectType.String, notString);
            if (joinsHalves)
            {
                var apart = asm.CreateLabel();
                asm.cmp(r13, 3);
                asm.jb(apart);
                asm.cmp(__byte_ptr[rbx + r13 + (ObjectLayout.StringBytes - 3)], 0xED);
                asm.jne(apart);
                asm.cmp(__qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)], 3);
                asm.jb(apart);
                asm.cmp(__byte_ptr[rdi + (ObjectLayout.StringBytes - ValueTags.PointerTag)], 0xED);
                asm.jne(apart);
                asm.mov(__qword_ptr[rbp + MaybeHalves], 1);
                asm.Bind(ref apart);
            }

            asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
            asm.lea(rsi, __[rdi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
            asm.lea(rdi, __[rbx + r13 + ObjectLayout.StringBytes]);
            asm.mov(rax, rcx);
            asm.rep.movsb();
            asm.jmp(fillRendered);
            asm.Bind(ref notString);
        }

        CallRender(rdi, __[rbx + r13 + ObjectLayout.StringBytes], mode);
        asm.Bind(ref fillRendered);
        asm.add(r13, rax);
        asm.inc(__qword_ptr[rbp + Index]);
        asm.jmp(fill);
        asm.Bind(ref filled);
        if (newline)
        {
            asm.mov(__byte_ptr[rbx + r13 + ObjectLayout.StringBytes], (byte)'\n');
        }

        asm.lea(rax, __[rbx + ValueTags.PointerTag]);
        if (joinsHalves)
        {
            var noHalves = asm.CreateLabel();
            asm.cmp(__qword_ptr[rbp + MaybeHalves], 0);
            asm.je(noHalves);
            asm.mov(rdi, rax);
            asm.call(Label("%joined-halves"));
            asm.Bind(ref noHalves);
        }

        if (writeOut)
        {
            asm.mov(rsi, rax);
            asm.mov(edi, 1);
            asm.call(Label("write"));
            asm.mov(rax, ValueTags.Nil);
        }

        VariadicEpilogue();
    }
}
