using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    private void EmitProgramSupport()
    {
        // A program that reads its arguments decodes them; one that does not (hello world) needs
        // no decoder, so the pruner leaves it out (ProgramCompiler picks one of the two).
        EmitArgvList("argv-list", decode: false);
        EmitArgvList("argv-list-decoded", decode: true);
        EmitRestList();
    }

    /// <summary>
    /// argv-list(rdi = process stack: argc, argv...) → a list of argv[1..] as strings, or nil
    /// without any; decoded, ill-formed UTF-8 becomes U+FFFD, as .NET decodes the interpreter's arguments.
    /// </summary>
    private void EmitArgvList(string name, bool decode)
    {
        Define(name);
        var none = asm.CreateLabel();
        asm.mov(eax, (int)ValueTags.Nil);
        asm.test(rdi, rdi);
        asm.jz(none);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rdi);
        asm.mov(rbx, __qword_ptr[rdi]);
        var noArgs = asm.CreateLabel();
        asm.cmp(rbx, 1);
        asm.jle(noArgs);
        asm.lea(r13, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        var next = asm.CreateLabel();
        var built = asm.CreateLabel();
        asm.Bind(ref next);
        asm.cmp(rbx, 1);
        asm.jle(built);
        asm.mov(rsi, __qword_ptr[r12 + (rbx * 8)]);
        // strlen
        asm.xor(ecx, ecx);
        var scan = asm.CreateLabel();
        var scanned = asm.CreateLabel();
        asm.Bind(ref scan);
        asm.cmp(__byte_ptr[rsi + rcx], 0);
        asm.je(scanned);
        asm.inc(rcx);
        asm.jmp(scan);
        asm.Bind(ref scanned);
        asm.push(rsi);
        asm.push(rcx);
        asm.lea(rdi, __[rcx + ObjectLayout.StringBytes]);
        asm.call(Label("alloc"));
        asm.pop(rcx);
        asm.pop(rsi);
        asm.mov(__qword_ptr[rax], (int)ObjectType.String);
        asm.mov(__qword_ptr[rax + ObjectLayout.StringLength], rcx);
        asm.lea(rdi, __[rax + ObjectLayout.StringBytes]);
        asm.rep.movsb();
        asm.lea(rsi, __[rax + ValueTags.PointerTag]);
        if (decode)
        {
            asm.mov(rdi, rsi);
            asm.call(Label("%decoded-utf8"));
            asm.mov(rsi, rax);
        }

        asm.mov(rdi, r13);
        asm.call(Label("cons"));
        asm.mov(r13, rax);
        asm.dec(rbx);
        asm.jmp(next);
        asm.Bind(ref built);
        asm.mov(rax, r13);
        var done = asm.CreateLabel();
        asm.jmp(done);
        asm.Bind(ref noArgs);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.Bind(ref done);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.Bind(ref none);
        asm.ret();
    }

    private void EmitRestList()
    {
        // rest-list(rdi = register arguments in ascending memory, rsi = stack arguments, edx = count,
        // ecx = required) → the list of arguments from the required count on, or nil when there are none.
        Define("rest-list");
        var restSome = asm.CreateLabel();
        asm.cmp(edx, ecx);
        asm.jg(restSome);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.ret();
        asm.Bind(ref restSome);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.push(rbp);
        asm.push(rcx);
        asm.push(rsi);
        asm.mov(r12, rdi);
        asm.mov(ebx, edx);
        asm.lea(r13, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        var restNext = asm.CreateLabel();
        var restDone = asm.CreateLabel();
        var restFromStack = asm.CreateLabel();
        var restHave = asm.CreateLabel();
        asm.Bind(ref restNext);
        asm.cmp(ebx, __dword_ptr[rsp + 8]);
        asm.jle(restDone);
        asm.dec(ebx);
        asm.cmp(ebx, 6);
        asm.jae(restFromStack);
        asm.mov(rsi, __qword_ptr[r12 + (rbx * 8)]);
        asm.jmp(restHave);
        asm.Bind(ref restFromStack);
        asm.mov(rax, __qword_ptr[rsp]);
        asm.mov(rsi, __qword_ptr[rax + (rbx * 8) - 48]);
        asm.Bind(ref restHave);
        asm.mov(rdi, r13);
        asm.call(Label("cons"));
        asm.mov(r13, rax);
        asm.jmp(restNext);
        asm.Bind(ref restDone);
        asm.mov(rax, r13);
        asm.pop(rsi);
        asm.pop(rcx);
        asm.pop(rbp);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        // apply-list(r10 = closure, rdi = list or nil): calls the closure with the list's items as arguments.
        Define("apply-list");
        asm.push(rbp);
        asm.mov(rbp, rsp);
        asm.push(rbx);
        asm.push(r12);
        asm.mov(r12, r10);
        asm.xor(ecx, ecx);
        var isNil = asm.CreateLabel();
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.je(isNil);
        asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.ListCount - ValueTags.PointerTag)]);
        asm.sar(rcx, 1);
        asm.Bind(ref isNil);
        asm.mov(rax, rcx);
        asm.sub(rax, 6);
        var some = asm.CreateLabel();
        asm.jg(some);
        asm.xor(eax, eax);
        asm.Bind(ref some);
        asm.lea(rax, __[(rax * 8) + (15 + 48)]);
        asm.and(rax, -16);
        asm.sub(rsp, rax);
        asm.mov(rdx, rsp);
        var fill = asm.CreateLabel();
        var filled = asm.CreateLabel();
        asm.Bind(ref fill);
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.je(filled);
        asm.cmp(__qword_ptr[rdi + (ObjectLayout.ListCount - ValueTags.PointerTag)], 0);
        asm.je(filled);
        asm.mov(r8, __qword_ptr[rdi + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.mov(__qword_ptr[rdx], r8);
        asm.add(rdx, 8);
        asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.jmp(fill);
        asm.Bind(ref filled);
        asm.mov(rax, rcx);
        asm.mov(rdi, __qword_ptr[rsp]);
        asm.mov(rsi, __qword_ptr[rsp + 8]);
        asm.mov(rdx, __qword_ptr[rsp + 16]);
        asm.mov(rcx, __qword_ptr[rsp + 24]);
        asm.mov(r8, __qword_ptr[rsp + 32]);
        asm.mov(r9, __qword_ptr[rsp + 40]);
        asm.add(rsp, 48);
        asm.mov(r10, r12);
        asm.call(__qword_ptr[r10 + (ObjectLayout.ClosureCode - ValueTags.PointerTag)]);
        asm.lea(rsp, __[rbp - 16]);
        asm.pop(r12);
        asm.pop(rbx);
        asm.pop(rbp);
        asm.ret();
    }
}
