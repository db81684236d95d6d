using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Sets: [header][count][items...], insertion-ordered like the interpreter's sets (so they print
/// alike), copied on conj and disj, membership by <c>equals</c>. hash-set, set and disj are
/// library functions (Library/40-sets.zl) over %empty-set, %set-conj and %set-disj. Membership
/// (%set-index), conj and disj (%set-with, %set-without) are typed runtime routines there.
/// </summary>
internal sealed partial class RuntimeLibrary
{
    private void RegisterSetPrimitives()
    {
        Primitive("%empty-set", "%empty-set");
        // Typed runtime routines (Library/40-sets.zl): they take (s, x) and ignore the argument count.
        Primitive("%set-conj", "%set-with");
        Primitive("%set-disj", "%set-without");
    }

    private void EmitSets()
    {
        // (%empty-set) → a new set with no items.
        Define("%empty-set");
        asm.sub(rsp, 8);
        asm.mov(edi, ObjectLayout.SetItems);
        asm.call(Label("alloc"));
        asm.add(rsp, 8);
        asm.mov(__qword_ptr[rax], (int)ObjectType.Set);
        asm.mov(__qword_ptr[rax + ObjectLayout.SetCount], 0);
        asm.inc(rax);
        asm.ret();

        // set-from-vector(rdi = vector) → a set of its items (a set literal with computed items).
        Define("set-from-vector");
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rdi);
        asm.xor(eax, eax);
        asm.call(Label("%empty-set"));
        asm.mov(r13, rax);
        asm.xor(ebx, ebx);
        var add = asm.CreateLabel();
        var added = asm.CreateLabel();
        asm.Bind(ref add);
        asm.lea(rax, __[rbx + rbx]);
        asm.cmp(rax, __qword_ptr[r12 + (ObjectLayout.VectorCount - ValueTags.PointerTag)]);
        asm.jae(added);
        asm.mov(rdi, r13);
        asm.mov(rsi, __qword_ptr[r12 + (rbx * 8) + (ObjectLayout.VectorItems - ValueTags.PointerTag)]);
        asm.call(Label("%set-with"));
        asm.mov(r13, rax);
        asm.inc(rbx);
        asm.jmp(add);
        asm.Bind(ref added);
        asm.mov(rax, r13);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();
    }
}
