using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    private const int HeapChunk = 4 << 20;

    /// <summary>
    /// alloc(rdi = bytes) → rax = 8-aligned untagged address. Each block carries its size in the
    /// word before it. Blocks are cut from the current chunk; a new chunk is mapped with mmap when
    /// it runs out. Running out of address space is a clean fatal error.
    /// </summary>
    private void EmitMemory()
    {
        var grow = asm.CreateLabel();
        var retry = asm.CreateLabel();
        var outOfMemory = asm.CreateLabel();
        Define("alloc");
        asm.add(rdi, 15);
        asm.and(rdi, -8);
        asm.Bind(ref retry);
        asm.mov(rax, __qword_ptr[r15 + RuntimeCells.HeapNext]);
        asm.lea(rcx, __[rax + rdi]);
        asm.cmp(rcx, __qword_ptr[r15 + RuntimeCells.HeapEnd]);
        asm.ja(grow);
        asm.mov(__qword_ptr[r15 + RuntimeCells.HeapNext], rcx);
        asm.mov(__qword_ptr[rax], rdi);
        asm.add(rax, 8);
        asm.ret();

        asm.Bind(ref grow);
        asm.push(rdi);
        asm.lea(rsi, __[rdi + (HeapChunk + 4095)]);
        asm.and(rsi, -4096);
        asm.push(rsi);
        asm.mov(eax, 9);
        asm.xor(edi, edi);
        asm.mov(edx, 3);
        asm.mov(r10d, 0x22);
        asm.mov(r8, -1);
        asm.xor(r9d, r9d);
        asm.syscall();
        asm.pop(rsi);
        asm.pop(rdi);
        asm.cmp(rax, -4096);
        asm.ja(outOfMemory);
        asm.mov(__qword_ptr[r15 + RuntimeCells.HeapNext], rax);
        asm.add(rax, rsi);
        asm.mov(__qword_ptr[r15 + RuntimeCells.HeapEnd], rax);
        asm.jmp(retry);

        asm.Bind(ref outOfMemory);
        asm.lea(rsi, Str("error: out of memory: the heap could not grow\n"));
        asm.mov(edi, 2);
        asm.call(Label("write"));
        asm.mov(edi, 1);
        asm.jmp(Label("exit"));
    }
}
