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

        // equals(rdi, rsi) → eax: identical, or strings with the same bytes, or sequences of equal items.
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
        asm.movzx(eax, __byte_ptr[rdi - ValueTags.PointerTag]);
        asm.movzx(ecx, __byte_ptr[rsi - ValueTags.PointerTag]);
        foreach (var type in new[] { eax, ecx })
        {
            asm.cmp(type, (int)ObjectType.LazySeq);
            asm.je(Label("lazy-equals"));
            asm.cmp(type, (int)ObjectType.Cons);
            asm.je(Label("lazy-equals"));
            asm.cmp(type, (int)ObjectType.Record);
            asm.je(Label("record-equals"));
        }

        var notString = asm.CreateLabel();
        var stringLike = asm.CreateLabel();
        EmitNumberEquality(equal, different);
        // Strings, and symbols made at run time (literals are interned), compare their bytes.
        asm.cmp(eax, (int)ObjectType.Symbol);
        asm.je(stringLike);
        // Keywords made at run time (a record's type) are not interned either.
        asm.cmp(eax, (int)ObjectType.Keyword);
        asm.je(stringLike);
        asm.cmp(eax, (int)ObjectType.String);
        asm.jne(notString);
        asm.Bind(ref stringLike);
        asm.cmp(ecx, eax);
        asm.jne(different);
        asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.cmp(rcx, __qword_ptr[rsi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.jne(different);
        asm.add(rdi, ObjectLayout.StringBytes - ValueTags.PointerTag);
        asm.add(rsi, ObjectLayout.StringBytes - ValueTags.PointerTag);
        // Two empty strings: repe does nothing and leaves the flags of the add above.
        asm.test(rcx, rcx);
        asm.jz(equal);
        asm.repe.cmpsb();
        asm.jne(different);
        asm.jmp(equal);

        asm.Bind(ref notString);
        var notMaps = asm.CreateLabel();
        asm.cmp(eax, (int)ObjectType.Map);
        asm.jne(notMaps);
        asm.cmp(ecx, eax);
        asm.jne(different);
        asm.mov(rdx, __qword_ptr[rdi + (ObjectLayout.MapCount - ValueTags.PointerTag)]);
        asm.cmp(rdx, __qword_ptr[rsi + (ObjectLayout.MapCount - ValueTags.PointerTag)]);
        asm.jne(different);
        asm.jmp(Label("map-equals"));
        asm.Bind(ref notMaps);
        var notSets = asm.CreateLabel();
        asm.cmp(eax, (int)ObjectType.Set);
        asm.jne(notSets);
        asm.cmp(ecx, eax);
        asm.jne(different);
        asm.mov(rdx, __qword_ptr[rdi + (ObjectLayout.SetCount - ValueTags.PointerTag)]);
        asm.cmp(rdx, __qword_ptr[rsi + (ObjectLayout.SetCount - ValueTags.PointerTag)]);
        asm.jne(different);
        asm.jmp(Label("set-equals"));
        asm.Bind(ref notSets);
        // Two patterns are equal when their sources are, as in the interpreter.
        var notRegexes = asm.CreateLabel();
        asm.cmp(eax, (int)ObjectType.Regex);
        asm.jne(notRegexes);
        asm.cmp(ecx, eax);
        asm.jne(different);
        asm.mov(rdi, __qword_ptr[rdi + (RegexSource - ValueTags.PointerTag)]);
        asm.mov(rsi, __qword_ptr[rsi + (RegexSource - ValueTags.PointerTag)]);
        asm.jmp(Label("equals"));
        asm.Bind(ref notRegexes);

        // Vectors and lists are equal to each other when their items are (Clojure's sequential equality).
        var sequential = asm.CreateLabel();
        foreach (var reg in new[] { eax, ecx })
        {
            var ok = asm.CreateLabel();
            asm.cmp(reg, (int)ObjectType.Vector);
            asm.je(ok);
            asm.cmp(reg, (int)ObjectType.List);
            asm.jne(different);
            asm.Bind(ref ok);
        }

        asm.mov(rdx, __qword_ptr[rdi + (8 - ValueTags.PointerTag)]);
        asm.cmp(rdx, __qword_ptr[rsi + (8 - ValueTags.PointerTag)]);
        asm.jne(different);
        asm.Bind(ref sequential);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rdi);
        asm.mov(r13, rsi);
        asm.xor(ebx, ebx);
        var loop = asm.CreateLabel();
        var loopDone = asm.CreateLabel();
        var loopDifferent = asm.CreateLabel();
        asm.Bind(ref loop);
        asm.lea(rax, __[rbx + rbx]);
        asm.cmp(rax, __qword_ptr[r12 + (8 - ValueTags.PointerTag)]);
        asm.jae(loopDone);
        asm.mov(rdi, r12);
        asm.mov(rsi, rbx);
        asm.call(Label("nth-unchecked"));
        asm.push(rax);
        asm.push(rax);
        asm.mov(rdi, r13);
        asm.mov(rsi, rbx);
        asm.call(Label("nth-unchecked"));
        asm.pop(rdi);
        asm.pop(rdi);
        asm.mov(rsi, rax);
        asm.call(Label("equals"));
        asm.test(eax, eax);
        asm.jz(loopDifferent);
        asm.inc(rbx);
        asm.jmp(loop);
        asm.Bind(ref loopDone);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.jmp(equal);
        asm.Bind(ref loopDifferent);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.jmp(different);

        asm.Bind(ref equal);
        asm.mov(eax, 1);
        asm.ret();
        asm.Bind(ref different);
        asm.xor(eax, eax);
        asm.ret();
    }

    /// <summary>
    /// In equals, with the type bytes in eax and ecx: floats are = when == holds or both are NaN
    /// (the interpreter's double.Equals); boxed integers when their values are (fixnums never are,
    /// since every integer has one representation). Falls through for other types.
    /// </summary>
    private void EmitNumberEquality(Label equal, Label different)
    {
        var notFloat = asm.CreateLabel();
        var notBoxed = asm.CreateLabel();
        var unordered = asm.CreateLabel();
        asm.cmp(eax, (int)ObjectType.Float);
        asm.jne(notFloat);
        asm.cmp(ecx, eax);
        asm.jne(different);
        asm.movsd(xmm0, __qword_ptr[rdi + (ObjectLayout.FloatBits - ValueTags.PointerTag)]);
        asm.movsd(xmm1, __qword_ptr[rsi + (ObjectLayout.FloatBits - ValueTags.PointerTag)]);
        asm.ucomisd(xmm0, xmm1);
        asm.jp(unordered);
        asm.je(equal);
        asm.jmp(different);
        asm.Bind(ref unordered);
        asm.ucomisd(xmm0, xmm0);
        asm.jnp(different);
        asm.ucomisd(xmm1, xmm1);
        asm.jnp(different);
        asm.jmp(equal);
        asm.Bind(ref notFloat);
        asm.cmp(eax, (int)ObjectType.BoxedInteger);
        asm.jne(notBoxed);
        asm.cmp(ecx, eax);
        asm.jne(different);
        asm.mov(rdx, __qword_ptr[rdi + (ObjectLayout.BoxedIntegerValue - ValueTags.PointerTag)]);
        asm.cmp(rdx, __qword_ptr[rsi + (ObjectLayout.BoxedIntegerValue - ValueTags.PointerTag)]);
        asm.je(equal);
        asm.jmp(different);
        asm.Bind(ref notBoxed);
    }
}
