using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// A loop over a collection's items (or entries) by index with the other argument at hand, until
/// one decides: map-equals checks that every entry of one map is in the other.
/// </summary>
internal sealed partial class RuntimeLibrary
{
    /// <summary>
    /// Defines a routine <paramref name="name"/>(rdi = collection, rsi = other) that runs
    /// <paramref name="body"/> for each index (rbx = index, r12 = collection, r13 = other; rbx, r12
    /// and r13 are kept across calls) while the index is below the fixnum count at
    /// <paramref name="countOffset"/>. The body jumps to its label to stop the walk: eax = 0 when
    /// some item's body does, 1 when none does.
    /// </summary>
    private void ScanRoutine(string name, int countOffset, Action<Label> body)
    {
        Define(name);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rdi);
        asm.mov(r13, rsi);
        asm.xor(ebx, ebx);
        var loop = asm.CreateLabel();
        var exhausted = asm.CreateLabel();
        var stop = asm.CreateLabel();
        var done = asm.CreateLabel();
        asm.Bind(ref loop);
        asm.lea(rax, __[rbx + rbx]);
        asm.cmp(rax, __qword_ptr[r12 + (countOffset - ValueTags.PointerTag)]);
        asm.jae(exhausted);
        body(stop);
        asm.inc(rbx);
        asm.jmp(loop);
        asm.Bind(ref exhausted);
        asm.mov(eax, 1);
        asm.jmp(done);
        asm.Bind(ref stop);
        asm.xor(eax, eax);
        asm.Bind(ref done);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();
    }
}
