using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Records (issue 13, docs/design/records-and-protocols.md): a type keyword, the declared field
/// keys and a map of the fields. The map primitives look through a record to its fields (get,
/// contains?, keys, vals, count, seq); assoc keeps the record, dissoc of a declared field gives a
/// plain map, and equality is by type and fields. Construction order and protocols are Zylisp
/// (Library/40-records.zl and the prelude).
/// </summary>
internal sealed partial class RuntimeLibrary
{
    private void RegisterRecordPrimitives()
    {
        Primitive("%make-record", "%make-record");
        Primitive("%record-type", "%record-type");
        Primitive("record?", "record?");
    }

    private void EmitRecords()
    {
        // (%make-record tag declared fields) → a record whose type is the keyword named tag.
        Define("%make-record");
        Fixed("%make-record", 3);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(rbx, rdi);
        asm.mov(r12, rsi);
        asm.mov(r13, rdx);
        // The type keyword: the tag's bytes under the keyword type (keywords compare by bytes).
        asm.mov(rdi, __qword_ptr[rbx + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.add(rdi, ObjectLayout.StringBytes);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.Keyword);
        asm.mov(rcx, __qword_ptr[rbx + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.mov(__qword_ptr[rax + ObjectLayout.StringLength], rcx);
        // Zero the last word first, so the name is zero-padded like every string.
        var noPadding = asm.CreateLabel();
        asm.lea(rdx, __[rcx + 7]);
        asm.and(rdx, -8);
        asm.jz(noPadding);
        asm.mov(__qword_ptr[rax + rdx + (ObjectLayout.StringBytes - 8)], 0);
        asm.Bind(ref noPadding);
        asm.lea(rdi, __[rax + ObjectLayout.StringBytes]);
        asm.lea(rsi, __[rbx + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.rep.movsb();
        asm.lea(rbx, __[rax + ValueTags.PointerTag]);
        asm.mov(rdi, rbx);
        asm.mov(rsi, r13);
        asm.mov(rdx, r12);
        asm.call(Label("record-with"));
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        // record-with(rdi = type keyword, rsi = fields map, rdx = declared keys) → a new record.
        Define("record-with");
        asm.push(rdi);
        asm.push(rsi);
        asm.push(rdx);
        asm.mov(edi, 32);
        asm.call(Label("alloc"));
        asm.pop(rdx);
        asm.pop(rsi);
        asm.pop(rdi);
        asm.mov(__qword_ptr[rax], (int)ObjectType.Record);
        asm.mov(__qword_ptr[rax + ObjectLayout.RecordType], rdi);
        asm.mov(__qword_ptr[rax + ObjectLayout.RecordDeclared], rdx);
        asm.mov(__qword_ptr[rax + ObjectLayout.RecordFields], rsi);
        asm.inc(rax);
        asm.ret();

        Predicate("record?", () => TypeTest(ObjectType.Record));

        // (%record-type r) → the record's type keyword (what type returns).
        Define("%record-type");
        Fixed("%record-type", 1);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.RecordType - ValueTags.PointerTag)]);
        asm.ret();

        // record-assoc(rdi = record, rsi = key, rdx = value) → the record with the field set.
        Define("record-assoc");
        asm.push(rdi);
        asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.RecordFields - ValueTags.PointerTag)]);
        asm.call(Label("assoc1"));
        asm.pop(rdi);
        RewrapFields();

        // record-dissoc(rdi = record, rsi = key) → without the key: a plain map when it was declared.
        Define("record-dissoc");
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(rbx, rdi);
        asm.mov(r12, rsi);
        asm.mov(rdi, __qword_ptr[rbx + (ObjectLayout.RecordFields - ValueTags.PointerTag)]);
        asm.call(Label("dissoc1"));
        asm.mov(r13, rax);
        // Same map back: the key was absent, the record stays as it is.
        var changed = asm.CreateLabel();
        asm.cmp(rax, __qword_ptr[rbx + (ObjectLayout.RecordFields - ValueTags.PointerTag)]);
        asm.jne(changed);
        asm.mov(rax, rbx);
        RestoreThree();
        asm.Bind(ref changed);
        // A declared key removed: the plain map of what is left.
        var declared = asm.CreateLabel();
        var each = asm.CreateLabel();
        var next = asm.CreateLabel();
        asm.mov(rdi, __qword_ptr[rbx + (ObjectLayout.RecordDeclared - ValueTags.PointerTag)]);
        asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.VectorCount - ValueTags.PointerTag)]);
        asm.Bind(ref each);
        asm.test(rcx, rcx);
        var extra = asm.CreateLabel();
        asm.jz(extra);
        asm.sub(rcx, 2);
        asm.push(rcx);
        asm.push(rdi);
        asm.mov(rsi, r12);
        asm.mov(rdi, __qword_ptr[rdi + (rcx * 4) + (ObjectLayout.VectorItems - ValueTags.PointerTag)]);
        asm.call(Label("equals"));
        asm.pop(rdi);
        asm.pop(rcx);
        asm.test(eax, eax);
        asm.jnz(declared);
        asm.jmp(each);
        asm.Bind(ref declared);
        asm.mov(rax, r13);
        RestoreThree();
        asm.Bind(ref extra);
        asm.mov(rdi, rbx);
        asm.mov(rax, r13);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        RewrapFields();
    }

    /// <summary>rax = a new fields map, rdi = the record it replaces: returns the record with those fields.</summary>
    private void RewrapFields()
    {
        asm.mov(rsi, rax);
        asm.mov(rdx, __qword_ptr[rdi + (ObjectLayout.RecordDeclared - ValueTags.PointerTag)]);
        asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.RecordType - ValueTags.PointerTag)]);
        asm.jmp(Label("record-with"));
    }

    private void RestoreThree()
    {
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();
    }

    /// <summary>A map primitive's view of a record: its fields map replaces it in <paramref name="value"/> (uses r11).</summary>
    private void LookThroughRecord(AssemblerRegister64 value)
    {
        var notRecord = asm.CreateLabel();
        JumpUnlessType(value, ObjectType.Record, notRecord);
        asm.mov(value, __qword_ptr[value + (ObjectLayout.RecordFields - ValueTags.PointerTag)]);
        asm.Bind(ref notRecord);
    }
}
