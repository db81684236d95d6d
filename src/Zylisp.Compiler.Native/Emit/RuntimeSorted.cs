using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Sorted maps and sets (issue 13, docs/design/sorted-collections.md): an ordinary map or set whose header carries
/// <see cref="SortedFlag"/> and whose entries are kept in key order. Copies keep the header, so
/// dissoc and disj keep the order; assoc and conj call the library's function that puts the new entry in place (Library/50-sorted.zl,
/// installed in <see cref="RuntimeCells.SortedHook"/> at start-up), which orders by compare.
/// </summary>
internal sealed partial class RuntimeLibrary
{
    /// <summary>The header bit of a sorted map or set (bits above the type byte are the type's own).</summary>
    internal const int SortedFlag = 0x100;

    private void RegisterSortedPrimitives()
    {
        foreach (var name in new[] { "%sorted-hook!", "%mark-sorted", "sorted?" })
        {
            Primitive(name, name);
        }
    }

    private void EmitSorted()
    {
        // (%sorted-hook! f): installs the function that sorts a map's entries.
        Define("%sorted-hook!");
        Fixed("%sorted-hook!", 1);
        asm.mov(__qword_ptr[r15 + RuntimeCells.SortedHook], rdi);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.ret();

        // (%mark-sorted m) → a copy of the map or set m marked sorted (its entries must be in order).
        Define("%mark-sorted");
        Fixed("%mark-sorted", 1);
        var markMap = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Set, markMap);
        asm.push(rbx);
        asm.mov(rbx, rdi);
        asm.mov(rdi, __qword_ptr[rbx + (ObjectLayout.SetCount - ValueTags.PointerTag)]);
        asm.lea(rdi, __[(rdi * 4) + ObjectLayout.SetItems]);
        asm.call(Label("alloc"));
        asm.mov(rcx, __qword_ptr[rbx + (ObjectLayout.SetCount - ValueTags.PointerTag)]);
        asm.lea(rcx, __[(rcx * 4) + ObjectLayout.SetItems]);
        asm.shr(rcx, 3);
        asm.mov(rdi, rax);
        asm.lea(rsi, __[rbx - ValueTags.PointerTag]);
        asm.rep.movsq();
        asm.or(__qword_ptr[rax], SortedFlag);
        asm.inc(rax);
        asm.pop(rbx);
        asm.ret();
        asm.Bind(ref markMap);
        // A map's copy with every entry: the typed %map-copy(map, k = n, n) (Library/39-maps.zl).
        asm.sub(rsp, 8);
        asm.mov(rsi, __qword_ptr[rdi + (ObjectLayout.MapCount - ValueTags.PointerTag)]);
        asm.sar(rsi, ValueTags.FixnumShift);
        asm.mov(rdx, rsi);
        asm.call(Label("%map-copy"));
        asm.add(rsp, 8);
        asm.or(__qword_ptr[rax], SortedFlag);
        asm.inc(rax);
        asm.ret();

        Predicate("sorted?", () =>
        {
            var no = asm.CreateLabel();
            var yes = asm.CreateLabel();
            JumpIfSortedMap(rdi, yes);
            var notSet = asm.CreateLabel();
            JumpUnlessType(rdi, ObjectType.Set, notSet);
            asm.test(__dword_ptr[rdi - ValueTags.PointerTag], SortedFlag);
            asm.jnz(yes);
            asm.Bind(ref notSet);
            asm.cmp(rdi, rdi);
            asm.inc(eax);
            asm.test(eax, eax);
            asm.jmp(no);
            asm.Bind(ref yes);
            asm.cmp(eax, eax);
            asm.Bind(ref no);
        });

        // sort-hook(rdi = sorted map or set whose last entry may be out of place) → it in order.
        Define("sort-hook");
        asm.mov(rax, rdi);
        asm.mov(r10, __qword_ptr[r15 + RuntimeCells.SortedHook]);
        var noHook = asm.CreateLabel();
        asm.test(r10, r10);
        asm.jz(noHook);
        asm.mov(eax, 1);
        asm.jmp(__qword_ptr[r10 + (ObjectLayout.ClosureCode - ValueTags.PointerTag)]);
        asm.Bind(ref noHook);
        asm.ret();
    }

    /// <summary>Jumps to <paramref name="target"/> when the value is a map marked sorted (uses r11).</summary>
    private void JumpIfSortedMap(AssemblerRegister64 value, Label target)
    {
        var no = asm.CreateLabel();
        JumpUnlessType(value, ObjectType.Map, no);
        asm.test(__dword_ptr[value - ValueTags.PointerTag], SortedFlag);
        asm.jnz(target);
        asm.Bind(ref no);
    }
}
