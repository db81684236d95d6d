using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    /// <summary>
    /// Maps as insertion-ordered association arrays: lookups compare keys with equals, assoc and
    /// dissoc copy. Linear, which is fine for the small maps programs write by hand; a hash trie
    /// is the next step (docs/design/native-backend.md). Lookup, get, assoc, dissoc and seq on a
    /// map are typed routines (Library/39-maps.zl); what stays here is the dispatch on records,
    /// vectors and nil, the variadic argument loops, keys, vals and map-equals.
    /// </summary>
    private void EmitMaps()
    {
        // assoc1(rdi = map, vector or nil, rsi = key, rdx = value) → a new map (or vector).
        Define("assoc1");
        var assocNotVector = asm.CreateLabel();
        var assocNotRecord = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Record, assocNotRecord);
        asm.jmp(Label("record-assoc"));
        asm.Bind(ref assocNotRecord);
        JumpUnlessType(rdi, ObjectType.Vector, assocNotVector);
        var badIndex = asm.CreateLabel();
        var notInteger = asm.CreateLabel();
        asm.test(sil, 1);
        asm.jnz(notInteger);
        asm.test(rsi, rsi);
        asm.js(badIndex);
        asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.VectorCount - ValueTags.PointerTag)]);
        asm.cmp(rsi, rcx);
        asm.jg(badIndex);
        var replace = asm.CreateLabel();
        asm.jl(replace);
        // At the count: the value goes on the end (typed routines, Library/38-vectors.zl).
        asm.mov(rsi, rdx);
        asm.jmp(Label("%vector-conj"));
        asm.Bind(ref replace);
        asm.sar(rsi, 1);
        asm.jmp(Label("%vector-assoc"));
        // The interpreter names a key that is not an integer as index -1.
        asm.Bind(ref notInteger);
        asm.mov(rsi, ValueTags.Fixnum(-1));
        asm.Bind(ref badIndex);
        asm.mov(rdx, __qword_ptr[rdi + (ObjectLayout.VectorCount - ValueTags.PointerTag)]);
        asm.lea(rdi, Str("assoc"));
        asm.jmp(Label("index-error"));
        // A map (sorted or not) or nil, which is the empty map: the typed %map-with (Library/39-maps.zl).
        asm.Bind(ref assocNotVector);
        var notNil = asm.CreateLabel();
        var assocMap = asm.CreateLabel();
        var assocNotMap = asm.CreateLabel();
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.jne(notNil);
        asm.lea(rdi, __[r14 + (data.EmptyMap() + ValueTags.PointerTag)]);
        asm.jmp(assocMap);
        asm.Bind(ref notNil);
        JumpUnlessType(rdi, ObjectType.Map, assocNotMap);
        asm.Bind(ref assocMap);
        asm.jmp(Label("%map-with"));
        asm.Bind(ref assocNotMap);
        TypeError(rdi, "assoc", "a map or vector");

        // (hash-map k v ...) and (assoc m k v ...)
        foreach (var name in new[] { "hash-map", "assoc" })
        {
            Define(name);
            VariadicPrologue();
            var first = name == "assoc" ? 1 : 0;
            if (name == "assoc")
            {
                CheckArity(name, 3, -1);
                LoadArgument(r13, 0);
            }
            else
            {
                asm.lea(r13, __[r14 + (data.EmptyMap() + ValueTags.PointerTag)]);
            }

            var odd = asm.CreateLabel();
            asm.mov(eax, r12d);
            asm.sub(eax, first);
            asm.test(al, 1);
            asm.jnz(odd);
            asm.mov(ebx, first);
            var pairs = asm.CreateLabel();
            var pairsDone = asm.CreateLabel();
            asm.Bind(ref pairs);
            asm.cmp(ebx, r12d);
            asm.jae(pairsDone);
            LoadArgument(rsi, rbx);
            asm.lea(rax, __[rbx + 1]);
            LoadArgument(rdx, rax);
            asm.mov(rdi, r13);
            asm.call(Label("assoc1"));
            asm.mov(r13, rax);
            asm.add(ebx, 2);
            asm.jmp(pairs);
            asm.Bind(ref pairsDone);
            asm.mov(rax, r13);
            VariadicEpilogue();
            asm.Bind(ref odd);
            asm.lea(rdi, Str(name));
            asm.lea(rsi, Str(name == "assoc" ? "needs a value for every key" : "needs an even number of arguments"));
            asm.mov(eax, 2);
            asm.jmp(Label("%bad-argument"));
        }

        // (dissoc m k ...)
        Define("dissoc");
        VariadicPrologue();
        CheckArity("dissoc", 1, -1);
        LoadArgument(r13, 0);
        // The interpreter checks the collection even with no keys to remove (dissoc1 checks the rest).
        var dissocTyped = asm.CreateLabel();
        asm.cmp(r13, (int)ValueTags.Nil);
        asm.je(dissocTyped);
        JumpIfTypeIn(r13, dissocTyped, ObjectType.Map, ObjectType.Record);
        TypeError(r13, "dissoc", "a map");
        asm.Bind(ref dissocTyped);
        asm.mov(ebx, 1);
        var keys = asm.CreateLabel();
        var keysDone = asm.CreateLabel();
        asm.Bind(ref keys);
        asm.cmp(ebx, r12d);
        asm.jae(keysDone);
        LoadArgument(rsi, rbx);
        asm.mov(rdi, r13);
        asm.call(Label("dissoc1"));
        asm.mov(r13, rax);
        asm.inc(ebx);
        asm.jmp(keys);
        asm.Bind(ref keysDone);
        asm.mov(rax, r13);
        VariadicEpilogue();

        // dissoc1(rdi = map or nil, rsi = key) → the map without the key (the same map when absent).
        Define("dissoc1");
        var absent = asm.CreateLabel();
        var dissocNotRecord = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Record, dissocNotRecord);
        asm.jmp(Label("record-dissoc"));
        asm.Bind(ref dissocNotRecord);
        // nil lacks every key; a map's dissoc is the typed %map-without (Library/39-maps.zl).
        asm.mov(rax, rdi);
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.je(absent);
        var dissocNotMap = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Map, dissocNotMap);
        asm.jmp(Label("%map-without"));
        asm.Bind(ref absent);
        asm.ret();
        asm.Bind(ref dissocNotMap);
        TypeError(rdi, "dissoc", "a map");

        // (keys m) and (vals m): lists, nil when empty; anything but a map (or nil) is a type error.
        foreach (var (name, offset) in new[] { ("keys", 0), ("vals", 8) })
        {
            Define(name);
            Fixed(name, 1);
            LookThroughRecord(rdi);
            var nil = asm.CreateLabel();
            var notAMap = asm.CreateLabel();
            asm.cmp(rdi, (int)ValueTags.Nil);
            asm.je(nil);
            JumpUnlessType(rdi, ObjectType.Map, notAMap);
            asm.push(rbx);
            asm.push(r12);
            asm.push(r13);
            asm.mov(r12, rdi);
            asm.mov(rbx, __qword_ptr[rdi + (ObjectLayout.MapCount - ValueTags.PointerTag)]);
            asm.sar(rbx, 1);
            var emptyKeys = asm.CreateLabel();
            asm.test(rbx, rbx);
            asm.jz(emptyKeys);
            asm.lea(r13, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
            var each = asm.CreateLabel();
            var eachDone = asm.CreateLabel();
            asm.Bind(ref each);
            asm.test(rbx, rbx);
            asm.jz(eachDone);
            asm.dec(rbx);
            asm.mov(rax, rbx);
            asm.shl(rax, 4);
            asm.mov(rsi, __qword_ptr[r12 + rax + (ObjectLayout.MapEntries + offset - ValueTags.PointerTag)]);
            asm.mov(rdi, r13);
            asm.call(Label("cons"));
            asm.mov(r13, rax);
            asm.jmp(each);
            asm.Bind(ref eachDone);
            asm.mov(rax, r13);
            asm.pop(r13);
            asm.pop(r12);
            asm.pop(rbx);
            asm.ret();
            asm.Bind(ref emptyKeys);
            asm.pop(r13);
            asm.pop(r12);
            asm.pop(rbx);
            asm.Bind(ref nil);
            asm.mov(eax, (int)ValueTags.Nil);
            asm.ret();
            asm.Bind(ref notAMap);
            TypeError(rdi, name, "a map");
        }

        // (contains? coll key): a map's keys, or a vector's indices.
        Define("contains?");
        Fixed("contains?", 2);
        LookThroughRecord(rdi);
        var notMap = asm.CreateLabel();
        var no = asm.CreateLabel();
        // rax = the routine's index of the key, or negative when it is not there.
        void TrueIfFound(string routine)
        {
            PushAlignmentSlot();
            asm.call(Label(routine));
            asm.add(rsp, 8);
            asm.test(rax, rax);
            asm.js(no);
            asm.mov(eax, (int)ValueTags.True);
            asm.ret();
        }

        JumpUnlessType(rdi, ObjectType.Map, notMap);
        TrueIfFound("%map-index");
        asm.Bind(ref notMap);
        var notVector = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Vector, notVector);
        asm.test(sil, 1);
        asm.jnz(no);
        asm.cmp(rsi, __qword_ptr[rdi + (ObjectLayout.VectorCount - ValueTags.PointerTag)]);
        asm.jae(no);
        asm.mov(eax, (int)ValueTags.True);
        asm.ret();
        asm.Bind(ref notVector);
        var notSet = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Set, notSet);
        TrueIfFound("%set-index");
        asm.Bind(ref notSet);
        // A string holds the indices below its length; nil holds nothing; anything else is the
        // interpreter's type error (a list too: contains? asks for a key, not a search).
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.je(no);
        var notString = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.String, notString);
        asm.test(sil, 1);
        asm.jnz(no);
        asm.test(rsi, rsi);
        asm.js(no);
        asm.sar(rsi, 1);
        PushAlignmentSlot();
        asm.call(Label("string-count"));
        asm.add(rsp, 8);
        asm.cmp(rsi, rax);
        asm.jae(no);
        asm.mov(eax, (int)ValueTags.True);
        asm.ret();
        asm.Bind(ref notString);
        TypeError(rdi, "contains?", "a map, set, vector or string");

        asm.Bind(ref no);
        asm.mov(eax, (int)ValueTags.False);
        asm.ret();

        // map-equals(rdi, rsi = maps of the same count) → eax: every key of one maps to an equal value in the other.
        ScanRoutine("map-equals", ObjectLayout.MapCount, differ =>
        {
            asm.mov(rax, rbx);
            asm.shl(rax, 4);
            asm.mov(rsi, __qword_ptr[r12 + rax + (ObjectLayout.MapEntries - ValueTags.PointerTag)]);
            asm.mov(rdi, r13);
            asm.mov(edx, (int)ValueTags.Unbound);
            asm.call(Label("%map-get"));
            asm.cmp(rax, (int)ValueTags.Unbound);
            asm.je(differ);
            asm.mov(rsi, rax);
            asm.mov(rax, rbx);
            asm.shl(rax, 4);
            asm.mov(rdi, __qword_ptr[r12 + rax + (ObjectLayout.MapEntries + 8 - ValueTags.PointerTag)]);
            asm.call(Label("equals"));
            asm.test(eax, eax);
            asm.jz(differ);
        });
    }
}
