using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The heap's shape (docs/design/native-backend.md, "Garbage collection"). The heap is a list of
/// chunks mapped with mmap. A chunk is a header, a bitmap with one bit per 8 bytes of its block
/// area (set where a block starts), and the block area, tiled by blocks. A block is a size word
/// (the block's bytes, header included, with flags in the low bits) and its payload: an object
/// when in use, [next free][chunk] when free.
/// </summary>
internal static class HeapLayout
{
    public const int ChunkNext = 0;
    public const int ChunkBlocks = 8;
    public const int ChunkEnd = 16;
    public const int ChunkMappedBytes = 24;
    public const int ChunkBitmap = 32;

    /// <summary>The smallest chunk: 4 MiB. Later chunks are as big as the whole heap, so it doubles.</summary>
    public const int MinChunk = 4 << 20;

    public const int BlockHeader = 8;

    /// <summary>Size word flag: the block holds an object.</summary>
    public const int InUse = 1;

    /// <summary>Size word flag: the collector reached the block in this collection.</summary>
    public const int Marked = 2;

    public const int FreeNext = 8;
    public const int FreeChunk = 16;

    /// <summary>A free block must hold its size, its link and its chunk.</summary>
    public const int MinBlock = 24;

    /// <summary>Blocks of at least this many bytes are cut from the end of a free block, smaller ones from its start.</summary>
    public const int LargeBlock = 256;

    /// <summary>The first mark stack: 1 MiB; it doubles with mremap when full.</summary>
    public const int MarkStackBytes = 1 << 20;
}

/// <summary>
/// The collector's cells in writable data, as offsets from r15 (the free list head is
/// <see cref="RuntimeCells.FreeList"/>). They are reserved as one range so the root scan can skip
/// them: they hold the heap's own addresses (the heap's end, block headers), and a word one past a
/// block's end keeps that block alive, so scanning them would retain whatever block happens to sit
/// below (docs/design/native-backend.md, "Roots").
/// </summary>
internal sealed class HeapCells(DataSection data)
{
    private const int Words = 10;

    /// <summary>The first collector cell; the cells end at <see cref="End"/>.</summary>
    public int Start { get; } = data.ReserveWritable(Words);

    public int End => Start + (Words * 8);

    public int Chunks => Start;

    /// <summary>Head of the list of small holes: free blocks under <see cref="HeapLayout.LargeBlock"/> bytes. Large blocks are on <see cref="RuntimeCells.FreeList"/>.</summary>
    public int SmallFree => Start + 8;

    /// <summary>The lowest block-area start and highest end over all chunks: most words fail this test and go no further.</summary>
    public int Low => Start + 16;

    public int High => Start + 24;

    /// <summary>The bytes of all block areas.</summary>
    public int HeapBytes => Start + 32;

    public int AllocatedSinceCollection => Start + 40;

    public int StressCounter => Start + 48;

    public int MarkStackBase => Start + 56;

    public int MarkStackLimit => Start + 64;

    public int Collections => Start + 72;
}

internal sealed partial class RuntimeLibrary
{
    private HeapCells? heap;

    /// <summary>The collector's cells, once the allocator is emitted (typed routines reach them with `%cell`).</summary>
    public HeapCells? Heap => heap;

    /// <summary>
    /// gc-collect: a non-moving mark-sweep collection. Keeps every register.
    /// Roots, scanned conservatively: the machine stack from here up to the entry's stack pointer
    /// (which holds every register, pushed here and by alloc) and the writable data area (global
    /// cells, run-time cells, constants, static closures) except the allocator's and collector's
    /// own cells (<see cref="HeapCells"/>, <see cref="RuntimeCells.FreeList"/>). Any word that points into an
    /// in-use block, or one past its end, keeps the block alive. Both phases are typed runtime
    /// routines in Library/05-heap.zl: the mark (`%mark`: the root scan, and the tracing, which
    /// drains an explicit mark stack, so a long list never deepens the machine stack) and the sweep
    /// (`%sweep`: rebuilds the free lists and merges each run of adjacent free blocks into one).
    /// This routine keeps what typed code cannot say: the register saves, the first mark stack's
    /// mapping, and the roots' bounds, which come from rsp, r15 and r14.
    /// </summary>
    private void EmitCollector()
    {
        var cells = heap ?? throw new InvalidOperationException("EmitMemory runs before EmitCollector");
        AssemblerRegister64[] saved = [rax, rbx, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11, r12, r13, r14, r15];
        var haveMarkStack = asm.CreateLabel();

        Define("gc-collect");
        foreach (var register in saved)
        {
            asm.push(register);
        }

        asm.inc(__qword_ptr[r15 + cells.Collections]);
        asm.cmp(__qword_ptr[r15 + cells.MarkStackBase], 0);
        asm.jne(haveMarkStack);
        asm.mov(esi, HeapLayout.MarkStackBytes);
        MapOrDie(rsi);
        asm.mov(__qword_ptr[r15 + cells.MarkStackBase], rax);
        asm.add(rax, HeapLayout.MarkStackBytes);
        asm.mov(__qword_ptr[r15 + cells.MarkStackLimit], rax);
        asm.Bind(ref haveMarkStack);

        // The mark is Zylisp (Library/05-heap.zl): %mark(stack from here to the entry's stack
        // pointer, writable data). Only this routine knows rsp, r15 and the data's size; its frame
        // and the routines' below it are not roots, so their raw addresses retain nothing.
        asm.mov(rdi, rsp);
        asm.mov(rsi, __qword_ptr[r15 + RuntimeCells.EntryStack]);
        asm.mov(rdx, r15);
        asm.mov(rcx, __qword_ptr[r14 + data.WritableSizeWord()]);
        asm.add(rcx, r15);
        asm.call(Label("%mark"));

        // The sweep is Zylisp (Library/05-heap.zl): every register it may clobber is pushed above.
        asm.call(Label("%sweep"));
        asm.mov(__qword_ptr[r15 + cells.AllocatedSinceCollection], 0);
        for (var i = saved.Length - 1; i >= 0; i--)
        {
            asm.pop(saved[i]);
        }

        asm.ret();

        EmitGrow(cells);
        EmitRelease(cells);
    }

    /// <summary>
    /// gc-grow(rcx = block bytes needed): maps one more chunk, at least 4 MiB and as big as the
    /// heap so far (so the heap doubles), and puts its one free block at the head of the free list.
    /// A failed mmap is the clean out-of-memory error. Keeps every register but rax.
    /// </summary>
    private void EmitGrow(HeapCells cells)
    {
        AssemblerRegister64[] saved = [rcx, rdx, rsi, rdi, r8, r9, r10, r11];
        var lowSet = asm.CreateLabel();
        var lowDone = asm.CreateLabel();
        var highDone = asm.CreateLabel();

        Define("gc-grow");
        foreach (var register in saved)
        {
            asm.push(register);
        }

        // rsi = max(need + its bitmap + headroom, heap bytes, 4 MiB), whole pages.
        asm.mov(rsi, rcx);
        asm.shr(rsi, 5);
        asm.lea(rsi, __[rsi + rcx + 8192]);
        asm.mov(rax, __qword_ptr[r15 + cells.HeapBytes]);
        asm.cmp(rsi, rax);
        asm.cmovb(rsi, rax);
        asm.mov(eax, HeapLayout.MinChunk);
        asm.cmp(rsi, rax);
        asm.cmovb(rsi, rax);
        asm.add(rsi, 4095);
        asm.and(rsi, -4096);
        asm.push(rsi);
        MapOrDie(rsi);
        asm.pop(rsi);

        asm.mov(rdx, __qword_ptr[r15 + cells.Chunks]);
        asm.mov(__qword_ptr[rax + HeapLayout.ChunkNext], rdx);
        asm.mov(__qword_ptr[r15 + cells.Chunks], rax);
        asm.mov(__qword_ptr[rax + HeapLayout.ChunkMappedBytes], rsi);
        // The bitmap needs a bit per 8 bytes: mapped/64 bytes covers more than the block area.
        asm.mov(rdx, rsi);
        asm.shr(rdx, 6);
        asm.lea(rdx, __[rax + rdx + HeapLayout.ChunkBitmap]);
        asm.mov(__qword_ptr[rax + HeapLayout.ChunkBlocks], rdx);
        asm.lea(rdi, __[rax + rsi]);
        asm.mov(__qword_ptr[rax + HeapLayout.ChunkEnd], rdi);
        asm.or(__byte_ptr[rax + HeapLayout.ChunkBitmap], 1);
        // One free block spans the block area.
        asm.mov(rcx, rdi);
        asm.sub(rcx, rdx);
        asm.mov(__qword_ptr[rdx], rcx);
        asm.mov(r8, __qword_ptr[r15 + RuntimeCells.FreeList]);
        asm.mov(__qword_ptr[rdx + HeapLayout.FreeNext], r8);
        asm.mov(__qword_ptr[rdx + HeapLayout.FreeChunk], rax);
        asm.mov(__qword_ptr[r15 + RuntimeCells.FreeList], rdx);
        asm.add(__qword_ptr[r15 + cells.HeapBytes], rcx);

        asm.mov(r8, __qword_ptr[r15 + cells.Low]);
        asm.test(r8, r8);
        asm.jz(lowSet);
        asm.cmp(rdx, r8);
        asm.jae(lowDone);
        asm.Bind(ref lowSet);
        asm.mov(__qword_ptr[r15 + cells.Low], rdx);
        asm.Bind(ref lowDone);
        asm.cmp(rdi, __qword_ptr[r15 + cells.High]);
        asm.jbe(highDone);
        asm.mov(__qword_ptr[r15 + cells.High], rdi);
        asm.Bind(ref highDone);

        for (var i = saved.Length - 1; i >= 0; i--)
        {
            asm.pop(saved[i]);
        }

        asm.ret();

        Define("out-of-memory");
        asm.lea(rsi, Str("error: out of memory: the heap could not grow\n"));
        asm.mov(edi, 2);
        asm.call(Label("write"));
        asm.mov(edi, 1);
        asm.jmp(Label("exit"));
    }

    /// <summary>
    /// gc-release: unmaps every chunk and the mark stack, so an in-process run (--engine native)
    /// gives its memory back. Called by exit; keeps rdi (the status).
    /// </summary>
    private void EmitRelease(HeapCells cells)
    {
        var next = asm.CreateLabel();
        var chunksDone = asm.CreateLabel();
        var noMarkStack = asm.CreateLabel();
        Define("gc-release");
        asm.push(rdi);
        asm.push(rbx);
        asm.mov(rbx, __qword_ptr[r15 + cells.Chunks]);
        asm.Bind(ref next);
        asm.test(rbx, rbx);
        asm.jz(chunksDone);
        asm.mov(rdi, rbx);
        asm.mov(rsi, __qword_ptr[rbx + HeapLayout.ChunkMappedBytes]);
        asm.mov(rbx, __qword_ptr[rbx + HeapLayout.ChunkNext]);
        asm.mov(eax, 11);
        asm.syscall();
        asm.jmp(next);
        asm.Bind(ref chunksDone);
        asm.mov(__qword_ptr[r15 + cells.Chunks], 0);
        asm.mov(__qword_ptr[r15 + RuntimeCells.FreeList], 0);
        asm.mov(__qword_ptr[r15 + cells.SmallFree], 0);
        asm.mov(rdi, __qword_ptr[r15 + cells.MarkStackBase]);
        asm.test(rdi, rdi);
        asm.jz(noMarkStack);
        asm.mov(rsi, __qword_ptr[r15 + cells.MarkStackLimit]);
        asm.sub(rsi, rdi);
        asm.mov(eax, 11);
        asm.syscall();
        asm.mov(__qword_ptr[r15 + cells.MarkStackBase], 0);
        asm.Bind(ref noMarkStack);
        asm.pop(rbx);
        asm.pop(rdi);
        asm.ret();
    }

    /// <summary>rax = fresh zeroed read-write pages, as many bytes as rsi says, or the out-of-memory error. Clobbers the syscall registers.</summary>
    private void MapOrDie(AssemblerRegister64 size)
    {
        var mapped = asm.CreateLabel();
        if (size != rsi)
        {
            asm.mov(rsi, size);
        }

        asm.mov(eax, 9);
        asm.xor(edi, edi);
        asm.mov(edx, 3);
        asm.mov(r10d, 0x22);
        asm.mov(r8, -1);
        asm.xor(r9d, r9d);
        asm.syscall();
        asm.cmp(rax, -4096);
        asm.jbe(mapped);
        asm.jmp(Label("out-of-memory"));
        asm.Bind(ref mapped);
    }
}
