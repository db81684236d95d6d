using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Files through Linux system calls (open, lseek, read, write, close): the low-level half of slurp
/// and spit. The library (Library/60-files.zl) turns a failure's errno into the interpreter's message.
/// </summary>
internal sealed partial class RuntimeLibrary
{
    private const int SysRead = 0;
    private const int SysWrite = 1;
    private const int SysOpen = 2;
    private const int SysClose = 3;
    private const int SysFstat = 5;

    // struct stat on x86-64 Linux: st_mode at 24, st_size at 48, 144 bytes in all.
    private const int StatSize = 144;
    private const int StatModeOffset = 24;
    private const int StatSizeOffset = 48;

    private void RegisterFilePrimitives()
    {
        Primitive("%file-read", "%file-read");
        Primitive("%file-write", "%file-write");
        Primitive("%io-error", "%io-error");
    }

    private void EmitFiles()
    {
        // c-path(rdi = string) → rax = a new NUL-terminated copy of its bytes (untagged address).
        Define("c-path");
        asm.push(rbx);
        asm.mov(rbx, rdi);
        asm.mov(rdi, __qword_ptr[rbx + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.inc(rdi);
        asm.call(Label("alloc"));
        asm.mov(rcx, __qword_ptr[rbx + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.mov(rdi, rax);
        asm.lea(rsi, __[rbx + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.rep.movsb();
        asm.mov(__byte_ptr[rdi], 0);
        asm.pop(rbx);
        asm.ret();

        // (%file-read path) → the file's bytes as a string, or -errno as an integer.
        Define("%file-read");
        Fixed("%file-read", 1);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.call(Label("c-path"));
        asm.mov(rdi, rax);
        asm.xor(esi, esi);
        asm.xor(edx, edx);
        asm.mov(eax, SysOpen);
        asm.syscall();
        var failed = asm.CreateLabel();
        var done = asm.CreateLabel();
        asm.test(rax, rax);
        asm.js(failed);
        asm.mov(rbx, rax);
        // The size and kind from fstat: a directory is EISDIR, as read(2) would say.
        asm.sub(rsp, StatSize);
        asm.mov(rdi, rbx);
        asm.mov(rsi, rsp);
        asm.mov(eax, SysFstat);
        asm.syscall();
        asm.mov(r12, __qword_ptr[rsp + StatSizeOffset]);
        asm.mov(ecx, __dword_ptr[rsp + StatModeOffset]);
        asm.add(rsp, StatSize);
        var closeFailed = asm.CreateLabel();
        asm.test(rax, rax);
        asm.js(closeFailed);
        asm.and(ecx, 0xF000);
        var notDirectory = asm.CreateLabel();
        asm.cmp(ecx, 0x4000);
        asm.jne(notDirectory);
        asm.mov(rax, -21);
        asm.jmp(closeFailed);
        asm.Bind(ref notDirectory);
        asm.lea(rdi, __[r12 + ObjectLayout.StringBytes]);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.String);
        asm.mov(r13, rax);
        // r12 = bytes wanted; read until that many arrived or the file ended early.
        var readMore = asm.CreateLabel();
        var readDone = asm.CreateLabel();
        asm.xor(ecx, ecx);
        asm.push(rcx);
        asm.push(rcx);
        asm.Bind(ref readMore);
        asm.mov(rcx, __qword_ptr[rsp]);
        asm.cmp(rcx, r12);
        asm.jae(readDone);
        asm.mov(rdi, rbx);
        asm.lea(rsi, __[r13 + rcx + ObjectLayout.StringBytes]);
        asm.mov(rdx, r12);
        asm.sub(rdx, rcx);
        asm.mov(eax, SysRead);
        asm.syscall();
        var readFailed = asm.CreateLabel();
        asm.test(rax, rax);
        asm.js(readFailed);
        asm.jz(readDone);
        asm.add(__qword_ptr[rsp], rax);
        asm.jmp(readMore);
        asm.Bind(ref readFailed);
        asm.add(rsp, 16);
        asm.mov(r12, rax);
        asm.mov(rdi, rbx);
        asm.mov(eax, SysClose);
        asm.syscall();
        asm.lea(rax, __[r12 + r12]);
        asm.jmp(done);
        asm.Bind(ref readDone);
        asm.pop(rcx);
        asm.pop(rdx);
        asm.mov(__qword_ptr[r13 + ObjectLayout.StringLength], rcx);
        asm.mov(rdi, rbx);
        asm.mov(eax, SysClose);
        asm.syscall();
        asm.lea(rax, __[r13 + ValueTags.PointerTag]);
        asm.jmp(done);
        asm.Bind(ref closeFailed);
        asm.mov(r12, rax);
        asm.mov(rdi, rbx);
        asm.mov(eax, SysClose);
        asm.syscall();
        asm.mov(rax, r12);
        asm.Bind(ref failed);
        asm.add(rax, rax);
        asm.Bind(ref done);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        // (%file-write path text) → nil, or -errno as an integer. The file is created or truncated.
        Define("%file-write");
        Fixed("%file-write", 2);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rsi);
        asm.call(Label("c-path"));
        asm.mov(rdi, rax);
        asm.mov(esi, 1 | 64 | 512);
        asm.mov(edx, 420);
        asm.mov(eax, SysOpen);
        asm.syscall();
        var openFailed = asm.CreateLabel();
        var written = asm.CreateLabel();
        asm.test(rax, rax);
        asm.js(openFailed);
        asm.mov(rbx, rax);
        asm.xor(r13d, r13d);
        var writeMore = asm.CreateLabel();
        var writeFailed = asm.CreateLabel();
        var writeDone = asm.CreateLabel();
        asm.Bind(ref writeMore);
        asm.cmp(r13, __qword_ptr[r12 + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.jae(writeDone);
        asm.mov(rdi, rbx);
        asm.lea(rsi, __[r12 + r13 + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.mov(rdx, __qword_ptr[r12 + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.sub(rdx, r13);
        asm.mov(eax, SysWrite);
        asm.syscall();
        asm.test(rax, rax);
        asm.js(writeFailed);
        asm.add(r13, rax);
        asm.jmp(writeMore);
        asm.Bind(ref writeFailed);
        asm.mov(r13, rax);
        asm.mov(rdi, rbx);
        asm.mov(eax, SysClose);
        asm.syscall();
        asm.lea(rax, __[r13 + r13]);
        asm.jmp(written);
        asm.Bind(ref writeDone);
        asm.mov(rdi, rbx);
        asm.mov(eax, SysClose);
        asm.syscall();
        asm.mov(eax, (int)ValueTags.Nil);
        asm.jmp(written);
        asm.Bind(ref openFailed);
        asm.add(rax, rax);
        asm.Bind(ref written);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        // (%io-error function problem) throws ZL5011 "`function`: problem".
        Define("%io-error");
        CallStr(Text("`"), From(rdi), Text("`: "), From(rsi));
        ThrowMessage("ZL5011");
    }
}
