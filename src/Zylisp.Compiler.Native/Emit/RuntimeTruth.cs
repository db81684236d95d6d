using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    private void EmitTruthAndEquality()
    {
        // slisp-truthy(rdi) → eax: nil, false, 0, "" and empty collections are false.
        Define("slisp-truthy");
        var falsy = asm.CreateLabel();
        var truthy = asm.CreateLabel();
        var notFixnum = asm.CreateLabel();
        asm.test(dil, 1);
        asm.jnz(notFixnum);
        asm.test(rdi, rdi);
        asm.jz(falsy);
        asm.jmp(truthy);
        asm.Bind(ref notFixnum);
        asm.mov(rax, rdi);
        asm.or(rax, 8);
        asm.cmp(rax, (int)ValueTags.Nil);
        asm.je(falsy);
        // 0.0 and -0.0 are falsy in SLisp (NaN is not: it is not equal to zero).
        var notFloat = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Float, notFloat);
        asm.movsd(xmm0, __qword_ptr[rdi + (ObjectLayout.FloatBits - ValueTags.PointerTag)]);
        asm.xorpd(xmm1, xmm1);
        asm.ucomisd(xmm0, xmm1);
        asm.jp(truthy);
        asm.je(falsy);
        asm.jmp(truthy);
        asm.Bind(ref notFloat);
        foreach (var type in new[] { ObjectType.String, ObjectType.Vector, ObjectType.List, ObjectType.Map, ObjectType.Set })
        {
            var next = asm.CreateLabel();
            JumpUnlessType(rdi, type, next);
            // Strings, vectors and lists keep their count in the second word.
            asm.cmp(__qword_ptr[rdi + (8 - ValueTags.PointerTag)], 0);
            asm.je(falsy);
            asm.jmp(truthy);
            asm.Bind(ref next);
        }

        asm.Bind(ref truthy);
        asm.mov(eax, 1);
        asm.ret();
        asm.Bind(ref falsy);
        asm.xor(eax, eax);
        asm.ret();

        // equals(rdi, rsi) → eax 1 or 0. Identical values are equal, and a fixnum, nil or boolean equals
        // only itself, so `=` on those never leaves these few instructions; two distinct objects go to
        // the typed routine %equals (Library/37-equality.zl), which keeps rbx, rbp and r12–r15 as
        // every caller of equals expects.
        Define("equals");
        var equal = asm.CreateLabel();
        var different = asm.CreateLabel();
        asm.cmp(rdi, rsi);
        asm.je(equal);
        asm.mov(eax, edi);
        asm.and(eax, 7);
        asm.cmp(eax, ValueTags.PointerTag);
        asm.jne(different);
        asm.mov(eax, esi);
        asm.and(eax, 7);
        asm.cmp(eax, ValueTags.PointerTag);
        asm.jne(different);
        asm.jmp(Label("%equals"));
        asm.Bind(ref equal);
        asm.mov(eax, 1);
        asm.ret();
        asm.Bind(ref different);
        asm.xor(eax, eax);
        asm.ret();
    }
}
