using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    /// <summary>
    /// alloc(rdi = bytes) → rax = 8-aligned untagged address of zeroed memory. Keeps every other
    /// register, so a routine may hold values anywhere across a call (the collector finds them on
    /// the stack, where alloc and gc-collect push them).
    /// <para>
    /// First fit over the free list (<see cref="HeapLayout"/>): a block big enough is split, its
    /// tail stays free; none big enough means collect (when enough was allocated since the last
    /// collection for it to pay) or grow the heap by one more chunk, then search again.
    /// </para>
    /// </summary>
    private void EmitMemory()
    {
        heap = new HeapCells(data);
        var sized = asm.CreateLabel();
        var searchStart = asm.CreateLabel();
        var search = asm.CreateLabel();
        var fit = asm.CreateLabel();
        var whole = asm.CreateLabel();
        var small = asm.CreateLabel();
        var taken = asm.CreateLabel();
        var zero = asm.CreateLabel();
        var exhausted = asm.CreateLabel();
        var grow = asm.CreateLabel();

        Define("alloc");
        asm.push(rcx);
        asm.push(rdx);
        asm.push(rsi);
        asm.push(r8);
        asm.lea(rcx, __[rdi + (HeapLayout.BlockHeader + 7)]);
        asm.and(rcx, -8);
        asm.cmp(rcx, HeapLayout.MinBlock);
        asm.jae(sized);
        asm.mov(ecx, HeapLayout.MinBlock);
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

        // r8 = 1 once this request has collected, so a heap that is full of live data grows.
        asm.xor(r8d, r8d);
        asm.Bind(ref searchStart);
        // rdx = the address of the link to the block under the cursor.
        asm.lea(rdx, __[r15 + RuntimeCells.FreeList]);
        asm.Bind(ref search);
        asm.mov(rax, __qword_ptr[rdx]);
        asm.test(rax, rax);
        asm.jz(exhausted);
        asm.mov(rsi, __qword_ptr[rax]);
        asm.cmp(rsi, rcx);
        asm.jae(fit);
        asm.lea(rdx, __[rax + HeapLayout.FreeNext]);
        asm.jmp(search);

        asm.Bind(ref fit);
        asm.sub(rsi, rcx);
        asm.cmp(rsi, HeapLayout.MinBlock);
        asm.jb(whole);
        asm.cmp(rcx, HeapLayout.LargeBlock);
        asm.jb(small);
        // A large block comes from the free block's end, which just shrinks in place. Small and
        // large objects thus grow from opposite ends: a long-lived small object is not left
        // between two large garbage blocks, where it would keep their space from coalescing
        // (a vector grown by copying, with small items made between copies, is the case).
        asm.mov(__qword_ptr[rax], rsi);
        asm.mov(r8, __qword_ptr[rax + HeapLayout.FreeChunk]);
        asm.add(rax, rsi);
        asm.mov(rdx, rax);
        asm.sub(rdx, __qword_ptr[r8 + HeapLayout.ChunkBlocks]);
        asm.shr(rdx, 3);
        asm.mov(rsi, rdx);
        asm.shr(rsi, 6);
        asm.lea(r8, __[r8 + (rsi * 8) + HeapLayout.ChunkBitmap]);
        asm.mov(rsi, __qword_ptr[r8]);
        asm.bts(rsi, rdx);
        asm.mov(__qword_ptr[r8], rsi);
        asm.jmp(taken);
        asm.Bind(ref small);
        // Split: the tail [rax+rcx, +rsi) stays free and takes the block's place in the list.
        asm.lea(r8, __[rax + rcx]);
        asm.mov(__qword_ptr[r8], rsi);
        asm.mov(rsi, __qword_ptr[rax + HeapLayout.FreeNext]);
        asm.mov(__qword_ptr[r8 + HeapLayout.FreeNext], rsi);
        asm.mov(rsi, __qword_ptr[rax + HeapLayout.FreeChunk]);
        asm.mov(__qword_ptr[r8 + HeapLayout.FreeChunk], rsi);
        asm.mov(__qword_ptr[rdx], r8);
        // The tail is a new block start in its chunk's bitmap. (bts on a register: the memory
        // form with a register bit offset is microcoded and several times slower.)
        asm.mov(rdx, r8);
        asm.sub(rdx, __qword_ptr[rsi + HeapLayout.ChunkBlocks]);
        asm.shr(rdx, 3);
        asm.mov(r8, rdx);
        asm.shr(r8, 6);
        asm.lea(rsi, __[rsi + (r8 * 8) + HeapLayout.ChunkBitmap]);
        asm.mov(r8, __qword_ptr[rsi]);
        asm.bts(r8, rdx);
        asm.mov(__qword_ptr[rsi], r8);
        asm.jmp(taken);
        asm.Bind(ref whole);
        // Too little left to split: take the whole block.
        asm.add(rcx, rsi);
        asm.mov(rsi, __qword_ptr[rax + HeapLayout.FreeNext]);
        asm.mov(__qword_ptr[rdx], rsi);

        asm.Bind(ref taken);
        asm.add(__qword_ptr[r15 + heap.AllocatedSinceCollection], rcx);
        asm.lea(rsi, __[rcx + HeapLayout.InUse]);
        asm.mov(__qword_ptr[rax], rsi);
        // Zero the payload: a reused block holds old words, and callers expect fresh memory.
        asm.lea(rsi, __[rax + rcx]);
        asm.add(rax, HeapLayout.BlockHeader);
        asm.Bind(ref zero);
        asm.mov(__qword_ptr[rsi - 8], 0);
        asm.sub(rsi, 8);
        asm.cmp(rsi, rax);
        asm.ja(zero);
        asm.pop(r8);
        asm.pop(rsi);
        asm.pop(rdx);
        asm.pop(rcx);
        asm.ret();

        asm.Bind(ref exhausted);
        asm.test(r8, r8);
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
        asm.mov(r8d, 1);
        asm.jmp(searchStart);
        asm.Bind(ref grow);
        asm.call(Label("gc-grow"));
        asm.jmp(searchStart);
    }
}
