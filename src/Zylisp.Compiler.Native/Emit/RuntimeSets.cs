using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Sets: [header][count][items...], insertion-ordered like the interpreter's sets (so they print
/// alike), copied on conj and disj, membership by <c>equals</c>. hash-set, set and disj are
/// library functions (Library/40-sets.zl) over %empty-set, %set-conj and %set-disj. Membership
/// (%set-index) is a typed runtime routine in Library/40-sets.zl.
/// </summary>
internal sealed partial class RuntimeLibrary
{
    private void RegisterSetPrimitives()
    {
        Primitive("%empty-set", "%empty-set");
        Primitive("%set-conj", "%set-conj");
        Primitive("%set-disj", "%set-disj");
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
        asm.call(Label("%set-conj"));
        asm.mov(r13, rax);
        asm.inc(rbx);
        asm.jmp(add);
        asm.Bind(ref added);
        asm.mov(rax, r13);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        // (%set-conj s x) → s when it holds x already, else a copy with x at the end.
        Define("%set-conj");
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rdi);
        asm.mov(r13, rsi);
        asm.call(Label("%set-index"));
        var absent = asm.CreateLabel();
        var conjDone = asm.CreateLabel();
        asm.test(rax, rax);
        asm.js(absent);
        asm.mov(rax, r12);
        asm.jmp(conjDone);
        asm.Bind(ref absent);
        asm.mov(rbx, __qword_ptr[r12 + (ObjectLayout.SetCount - ValueTags.PointerTag)]);
        asm.sar(rbx, 1);
        asm.lea(rdi, __[(rbx * 8) + (ObjectLayout.SetItems + 8)]);
        asm.call(Label("alloc"));
        // The copy keeps the header, so a sorted set stays marked sorted.
        asm.mov(rcx, __qword_ptr[r12 - ValueTags.PointerTag]);
        asm.mov(__qword_ptr[rax], rcx);
        asm.lea(rcx, __[rbx + rbx + 2]);
        asm.mov(__qword_ptr[rax + ObjectLayout.SetCount], rcx);
        asm.lea(rdi, __[rax + ObjectLayout.SetItems]);
        asm.lea(rsi, __[r12 + (ObjectLayout.SetItems - ValueTags.PointerTag)]);
        asm.mov(rcx, rbx);
        asm.rep.movsq();
        asm.mov(__qword_ptr[rdi], r13);
        asm.inc(rax);
        // A sorted set puts its new last item in place (Library/50-sorted.zl, through the hook).
        asm.test(__dword_ptr[r12 - ValueTags.PointerTag], SortedFlag);
        asm.jz(conjDone);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.mov(rdi, rax);
        asm.jmp(Label("sort-hook"));
        asm.Bind(ref conjDone);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        // (%set-disj s x) → s when it lacks x, else a copy without x.
        Define("%set-disj");
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rdi);
        asm.call(Label("%set-index"));
        var present = asm.CreateLabel();
        var disjDone = asm.CreateLabel();
        asm.test(rax, rax);
        asm.jns(present);
        asm.mov(rax, r12);
        asm.jmp(disjDone);
        asm.Bind(ref present);
        asm.mov(r13, rax);
        asm.mov(rbx, __qword_ptr[r12 + (ObjectLayout.SetCount - ValueTags.PointerTag)]);
        asm.sar(rbx, 1);
        asm.lea(rdi, __[(rbx * 8) + (ObjectLayout.SetItems - 8)]);
        asm.call(Label("alloc"));
        asm.mov(rcx, __qword_ptr[r12 - ValueTags.PointerTag]);
        asm.mov(__qword_ptr[rax], rcx);
        asm.lea(rcx, __[rbx + rbx - 2]);
        asm.mov(__qword_ptr[rax + ObjectLayout.SetCount], rcx);
        // Items before the index, then the ones after it.
        asm.lea(rdi, __[rax + ObjectLayout.SetItems]);
        asm.lea(rsi, __[r12 + (ObjectLayout.SetItems - ValueTags.PointerTag)]);
        asm.mov(rcx, r13);
        asm.rep.movsq();
        asm.add(rsi, 8);
        asm.mov(rcx, rbx);
        asm.sub(rcx, r13);
        asm.dec(rcx);
        asm.rep.movsq();
        asm.inc(rax);
        asm.Bind(ref disjDone);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        // set-equals(rdi = set, rsi = set of the same count) → eax 1 when every item of one is in the other.
        ScanRoutine("set-equals", ObjectLayout.SetCount, ScanAnswer.All, notIn =>
        {
            asm.mov(rdi, r13);
            asm.mov(rsi, __qword_ptr[r12 + (rbx * 8) + (ObjectLayout.SetItems - ValueTags.PointerTag)]);
            asm.call(Label("%set-index"));
            asm.test(rax, rax);
            asm.js(notIn);
        });
    }
}
