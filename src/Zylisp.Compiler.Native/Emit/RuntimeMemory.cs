using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    /// <summary>
    /// alloc(rdi = bytes) → rax = 8-aligned untagged address of zeroed memory. Keeps every other
    /// register, so a routine may hold values anywhere across a call (the collector finds them on
    /// the stack, where alloc and gc-collect push them).
    /// <para>
    /// The search of the two free lists, the split and the zeroing are the typed runtime routine
    /// `%take-block` (Library/05-heap.zl). What stays here is what the contract needs: saving the
    /// registers typed code may use, the block's size (which gc-grow needs too), stress mode's
    /// count, and the policy when nothing fits: collect (when enough was allocated since the last
    /// collection for it to pay) or grow the heap by one more chunk, then search again. The typed
    /// routine's frame is gone before either runs, so none of its raw heap addresses is a root.
    /// </para>
    /// </summary>
    private void EmitMemory()
    {
        heap = new HeapCells(data);
        // Callee-saved rbx and r12 hold the size and "this request has collected" across the calls.
        // The typed routines use the System V scratch registers but r8-r11 only for locals (a leaf
        // keeps its locals in rdi, rsi, r8-r11: docs/design/native-typed.md, "Code shape"), and none
        // makes a system call or uses a float: TypedRoutineTests checks it.
        AssemblerRegister64[] saved = [rbx, r12, rcx, rdx, rsi, rdi, r8, r9, r10, r11];
        var sized = asm.CreateLabel();
        var search = asm.CreateLabel();
        var exhausted = asm.CreateLabel();
        var grow = asm.CreateLabel();

        Define("alloc");
        foreach (var register in saved)
        {
            asm.push(register);
        }

        asm.lea(rbx, __[rdi + (HeapLayout.BlockHeader + 7)]);
        asm.and(rbx, -8);
        asm.cmp(rbx, HeapLayout.MinBlock);
        asm.jae(sized);
        asm.mov(ebx, HeapLayout.MinBlock);
        asm.Bind(ref sized);
        if (options.GcStressInterval > 0)
        {
            // Stress mode: a collection every Nth allocation, so a missing root shows up at once.
            var noStress = asm.CreateLabel();
            asm.inc(__qword_ptr[r15 + heap.StressCounter]);
            asm.cmp(__qword_ptr[r15 + heap.StressCounter], options.GcStressInterval);
            asm.jb(noStress);
            asm.mov(__qword_ptr[r15 + heap.StressCounter], 0);
            asm.call(Label("gc-collect"));
            asm.Bind(ref noStress);
        }

        asm.xor(r12d, r12d);
        asm.Bind(ref search);
        asm.mov(rdi, rbx);
        asm.call(Label("%take-block"));
        asm.test(rax, rax);
        asm.jz(exhausted);
        for (var i = saved.Length - 1; i >= 0; i--)
        {
            asm.pop(saved[i]);
        }

        asm.ret();

        asm.Bind(ref exhausted);
        asm.test(r12, r12);
        asm.jnz(grow);
        // Collect only when at least half the heap was allocated since the last collection;
        // otherwise the last one left too little free, and the heap grows instead.
        asm.mov(rsi, __qword_ptr[r15 + heap.HeapBytes]);
        asm.test(rsi, rsi);
        asm.jz(grow);
        asm.shr(rsi, 1);
        asm.cmp(__qword_ptr[r15 + heap.AllocatedSinceCollection], rsi);
        asm.jb(grow);
        asm.call(Label("gc-collect"));
        asm.mov(r12d, 1);
        asm.jmp(search);
        asm.Bind(ref grow);
        asm.mov(rcx, rbx);
        asm.call(Label("gc-grow"));
        asm.jmp(search);
    }
}
