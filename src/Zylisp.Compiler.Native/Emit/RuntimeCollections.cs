using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    private void EmitCollections()
    {
        // nth-unchecked(rdi = vector or list, rsi = raw index) → the item (the caller checked the bounds).
        Define("nth-unchecked");
        var list = asm.CreateLabel();
        // Vectors and sets keep their items in place; lists are walked.
        asm.cmp(__byte_ptr[rdi - ValueTags.PointerTag], (int)ObjectType.List);
        asm.je(list);
        asm.mov(rax, __qword_ptr[rdi + (rsi * 8) + (ObjectLayout.VectorItems - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref list);
        var walk = asm.CreateLabel();
        var found = asm.CreateLabel();
        asm.Bind(ref walk);
        asm.test(rsi, rsi);
        asm.jz(found);
        asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.dec(rsi);
        asm.jmp(walk);
        asm.Bind(ref found);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.ret();

        // (count x): strings, vectors, lists and nil.
        Define("count");
        Fixed("count", 1);
        LookThroughRecord(rdi);
        var notNil = asm.CreateLabel();
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.jne(notNil);
        asm.xor(eax, eax);
        asm.ret();
        asm.Bind(ref notNil);
        var notString = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.String, notString);
        asm.sub(rsp, 8);
        asm.call(Label("string-count"));
        asm.add(rsp, 8);
        asm.add(rax, rax);
        asm.ret();
        asm.Bind(ref notString);
        IfSequential(rdi, () =>
        {
            asm.mov(rax, __qword_ptr[rdi + (8 - ValueTags.PointerTag)]);
            asm.ret();
        });
        var notSetCount = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Set, notSetCount);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.SetCount - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref notSetCount);
        var notMapCount = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Map, notMapCount);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.MapCount - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref notMapCount);
        JumpIfLazy(rdi, Label("seq-count"));
        TypeError(rdi, "count", "a collection or string");

        // (get coll key) and (get coll key default): maps and sets by key, strings and vectors by index; otherwise (a list too) the default.
        Define("get");
        var getArity = asm.CreateLabel();
        asm.cmp(eax, 2);
        asm.je(getArity);
        asm.cmp(eax, 3);
        asm.je(getArity);
        asm.mov(esi, eax);
        asm.lea(rdi, Str("get"));
        asm.jmp(Label("arity-error-named"));
        asm.Bind(ref getArity);
        var withDefault = asm.CreateLabel();
        asm.cmp(eax, 3);
        asm.je(withDefault);
        asm.mov(edx, (int)ValueTags.Nil);
        asm.Bind(ref withDefault);
        var miss = asm.CreateLabel();
        var notMapGet = asm.CreateLabel();
        LookThroughRecord(rdi);
        JumpUnlessType(rdi, ObjectType.Map, notMapGet);
        asm.jmp(Label("%map-get"));
        asm.Bind(ref notMapGet);
        // Error values are map-like: :message and :type.
        var notErrorGet = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Error, notErrorGet);
        foreach (var (key, field) in new[] { ("message", ObjectLayout.ErrorMessage), ("type", ObjectLayout.ErrorType), ("data", ObjectLayout.ErrorData) })
        {
            var other = asm.CreateLabel();
            asm.lea(rax, __[r14 + (data.Keyword(key) + ValueTags.PointerTag)]);
            asm.cmp(rsi, rax);
            asm.jne(other);
            asm.mov(rax, __qword_ptr[rdi + (field - ValueTags.PointerTag)]);
            asm.ret();
            asm.Bind(ref other);
        }

        // :line and :column come from the site string "file:line:col" (the last two fields).
        foreach (var (key, field) in new[] { ("column", 0), ("line", 1) })
        {
            var other = asm.CreateLabel();
            asm.lea(rax, __[r14 + (data.Keyword(key) + ValueTags.PointerTag)]);
            asm.cmp(rsi, rax);
            asm.jne(other);
            asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.ErrorSite - ValueTags.PointerTag)]);
            asm.test(rax, rax);
            asm.jz(other);
            asm.lea(rdi, __[r14 + rax]);
            asm.mov(esi, field);
            asm.jmp(Label("site-number"));
            asm.Bind(ref other);
        }

        asm.mov(rax, rdx);
        asm.ret();
        asm.Bind(ref notErrorGet);
        // A set gives its own item equal to the key, as the interpreter's get does.
        var notSetGet = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Set, notSetGet);
        asm.push(rdi);
        asm.push(rdx);
        PushAlignmentSlot();
        asm.call(Label("%set-index"));
        asm.add(rsp, 8);
        asm.pop(rdx);
        asm.pop(rdi);
        asm.test(rax, rax);
        asm.js(miss);
        asm.mov(rax, __qword_ptr[rdi + (rax * 8) + (ObjectLayout.SetItems - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref notSetGet);
        asm.test(sil, 1);
        asm.jnz(miss);
        asm.test(rsi, rsi);
        asm.js(miss);
        var notStringGet = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.String, notStringGet);
        asm.sar(rsi, 1);
        asm.push(rdx);
        asm.call(Label("string-count"));
        asm.pop(rdx);
        asm.cmp(rsi, rax);
        asm.jae(miss);
        asm.jmp(Label("char-string"));
        asm.Bind(ref notStringGet);
        // A vector by index; a list has no keys, so get gives the default, as in the interpreter.
        JumpUnlessType(rdi, ObjectType.Vector, miss);
        asm.cmp(rsi, __qword_ptr[rdi + (ObjectLayout.VectorCount - ValueTags.PointerTag)]);
        asm.jae(miss);
        asm.sar(rsi, 1);
        asm.jmp(Label("nth-unchecked"));
        asm.Bind(ref miss);
        asm.mov(rax, rdx);
        asm.ret();

        EmitSiteNumber();

        // (nth coll i): like get, but out of range is the index error.
        // The interpreter's checks, in its order: the index is an integer, nil has no elements
        // (every index is out of range), and anything but a list or vector is a type error.
        Define("nth");
        Fixed("nth", 2);
        var nthNotInteger = asm.CreateLabel();
        var nthOutOfRange = asm.CreateLabel();
        var nthNotSequential = asm.CreateLabel();
        asm.test(sil, 1);
        asm.jnz(nthNotInteger);
        JumpIfLazy(rdi, Label("seq-nth"));
        IfSequential(rdi, () =>
        {
            asm.cmp(rsi, __qword_ptr[rdi + (8 - ValueTags.PointerTag)]);
            asm.jae(nthOutOfRange);
            asm.sar(rsi, 1);
            asm.jmp(Label("nth-unchecked"));
        });
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.jne(nthNotSequential);
        asm.mov(edx, (int)ValueTags.Fixnum(0));
        asm.lea(rdi, Str("nth"));
        asm.jmp(Label("index-error"));
        asm.Bind(ref nthOutOfRange);
        asm.mov(rdx, __qword_ptr[rdi + (8 - ValueTags.PointerTag)]);
        asm.lea(rdi, Str("nth"));
        asm.jmp(Label("index-error"));
        asm.Bind(ref nthNotInteger);
        TypeError(rsi, "nth", "an integer");
        asm.Bind(ref nthNotSequential);
        TypeError(rdi, "nth", "a list, vector or string");

        // (vector ...) and (list ...)
        Define("vector");
        VariadicPrologue();
        asm.lea(rdi, __[(r12 * 8) + ObjectLayout.VectorItems]);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.Vector);
        asm.lea(rcx, __[r12 + r12]);
        asm.mov(__qword_ptr[rax + ObjectLayout.VectorCount], rcx);
        asm.mov(r13, rax);
        asm.xor(ebx, ebx);
        var copy = asm.CreateLabel();
        var copied = asm.CreateLabel();
        asm.Bind(ref copy);
        asm.cmp(ebx, r12d);
        asm.jae(copied);
        LoadArgument(rax, rbx);
        asm.mov(__qword_ptr[r13 + (rbx * 8) + ObjectLayout.VectorItems], rax);
        asm.inc(ebx);
        asm.jmp(copy);
        asm.Bind(ref copied);
        asm.lea(rax, __[r13 + ValueTags.PointerTag]);
        VariadicEpilogue();

        Define("list");
        VariadicPrologue();
        asm.lea(r13, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        asm.mov(ebx, r12d);
        var cons = asm.CreateLabel();
        var consed = asm.CreateLabel();
        asm.Bind(ref cons);
        asm.test(ebx, ebx);
        asm.jz(consed);
        asm.dec(ebx);
        LoadArgument(rsi, rbx);
        asm.mov(rdi, r13);
        asm.call(Label("cons"));
        asm.mov(r13, rax);
        asm.jmp(cons);
        asm.Bind(ref consed);
        asm.mov(rax, r13);
        VariadicEpilogue();

        // cons(rdi = list, rsi = item) → a new list.
        Define("cons");
        asm.push(rdi);
        asm.push(rsi);
        asm.mov(edi, 32);
        asm.call(Label("alloc"));
        asm.pop(rsi);
        asm.pop(rdi);
        asm.mov(__qword_ptr[rax], (int)ObjectType.List);
        asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.ListCount - ValueTags.PointerTag)]);
        asm.add(rcx, 2);
        asm.mov(__qword_ptr[rax + ObjectLayout.ListCount], rcx);
        asm.mov(__qword_ptr[rax + ObjectLayout.ListFirst], rsi);
        asm.mov(__qword_ptr[rax + ObjectLayout.ListRest], rdi);
        asm.inc(rax);
        asm.ret();

        // (first x) of a vector, list or nil; anything else seqable through its seq.
        Define("first");
        Fixed("first", 1);
        var firstNil = asm.CreateLabel();
        var firstOfSeq = asm.CreateLabel();
        var notCons = asm.CreateLabel();
        asm.Bind(ref firstOfSeq);
        JumpUnlessType(rdi, ObjectType.Cons, notCons);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref notCons);
        IfSequential(rdi, () =>
        {
            asm.cmp(__qword_ptr[rdi + (8 - ValueTags.PointerTag)], 0);
            asm.je(firstNil);
            asm.xor(esi, esi);
            asm.jmp(Label("nth-unchecked"));
        });
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.je(firstNil);
        SeqAtEntry("first");
        asm.cmp(rax, (int)ValueTags.Nil);
        asm.jne(firstOfSeq);
        asm.Bind(ref firstNil);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.ret();

        // (rest x): the items after the first, as a list.
        Define("rest");
        Fixed("rest", 1);
        var restList = asm.CreateLabel();
        var restEmpty = asm.CreateLabel();
        var restOfSeq = asm.CreateLabel();
        var restOther = asm.CreateLabel();
        var restNotCons = asm.CreateLabel();
        asm.Bind(ref restOfSeq);
        JumpUnlessType(rdi, ObjectType.Cons, restNotCons);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref restNotCons);
        JumpUnlessType(rdi, ObjectType.List, restList);
        asm.cmp(__qword_ptr[rdi + (ObjectLayout.ListCount - ValueTags.PointerTag)], 0);
        asm.je(restEmpty);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref restList);
        var restVector = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Vector, restOther);
        // A vector's rest: cons its items from the back, leaving the first out.
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rdi);
        asm.mov(rbx, __qword_ptr[rdi + (ObjectLayout.VectorCount - ValueTags.PointerTag)]);
        asm.sar(rbx, 1);
        asm.lea(r13, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        asm.Bind(ref restVector);
        var restDone = asm.CreateLabel();
        asm.cmp(rbx, 1);
        asm.jle(restDone);
        asm.dec(rbx);
        asm.mov(rsi, __qword_ptr[r12 + (rbx * 8) + (ObjectLayout.VectorItems - ValueTags.PointerTag)]);
        asm.mov(rdi, r13);
        asm.call(Label("cons"));
        asm.mov(r13, rax);
        asm.jmp(restVector);
        asm.Bind(ref restDone);
        asm.mov(rax, r13);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();
        // Strings, maps and sets: the rest of their seq.
        asm.Bind(ref restOther);
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.je(restEmpty);
        SeqAtEntry("rest");
        asm.cmp(rax, (int)ValueTags.Nil);
        asm.jne(restOfSeq);
        asm.Bind(ref restEmpty);
        asm.lea(rax, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        asm.ret();

        // (conj coll x ...): a vector grows at the end, a list (or nil) at the front.
        Define("conj");
        VariadicPrologue();
        CheckArity("conj", 1, -1);
        LoadArgument(r13, 0);
        asm.mov(ebx, 1);
        var conjLoop = asm.CreateLabel();
        var conjDone = asm.CreateLabel();
        asm.Bind(ref conjLoop);
        asm.cmp(ebx, r12d);
        asm.jae(conjDone);
        LoadArgument(rsi, rbx);
        asm.mov(rdi, r13);
        asm.call(Label("conj1"));
        asm.mov(r13, rax);
        asm.inc(ebx);
        asm.jmp(conjLoop);
        asm.Bind(ref conjDone);
        asm.mov(rax, r13);
        VariadicEpilogue();

        Define("conj1");
        var conjList = asm.CreateLabel();
        var conjNil = asm.CreateLabel();
        JumpIfLazy(rdi, Label("lazy-cons"));
        var conjNotSet = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Set, conjNotSet);
        asm.jmp(Label("%set-with"));
        asm.Bind(ref conjNotSet);
        // (conj m [k v]) on a map or record is (assoc m k v); (conj m other-map) assocs each of
        // other-map's entries; (conj m nil) is m, as in Clojure; anything else is a type error.
        var conjNotMap = asm.CreateLabel();
        var conjEntry = asm.CreateLabel();
        var conjOther = asm.CreateLabel();
        var conjMapOther = asm.CreateLabel();
        var conjMapError = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Map, conjNotMap);
        asm.jmp(conjEntry);
        asm.Bind(ref conjNotMap);
        JumpUnlessType(rdi, ObjectType.Record, conjOther);
        asm.Bind(ref conjEntry);
        JumpUnlessType(rsi, ObjectType.Vector, conjMapOther);
        asm.cmp(__qword_ptr[rsi + (ObjectLayout.VectorCount - ValueTags.PointerTag)], (int)ValueTags.Fixnum(2));
        asm.jne(conjMapError);
        asm.mov(rdx, __qword_ptr[rsi + (ObjectLayout.VectorItems + 8 - ValueTags.PointerTag)]);
        asm.mov(rsi, __qword_ptr[rsi + (ObjectLayout.VectorItems - ValueTags.PointerTag)]);
        asm.jmp(Label("assoc1"));
        asm.Bind(ref conjMapOther);
        var conjMapNotNil = asm.CreateLabel();
        asm.cmp(rsi, (int)ValueTags.Nil);
        asm.jne(conjMapNotNil);
        asm.mov(rax, rdi);
        asm.ret();
        asm.Bind(ref conjMapNotNil);
        JumpUnlessType(rsi, ObjectType.Map, conjMapError);
        asm.jmp(Label("conj-map-entries"));
        asm.Bind(ref conjMapError);
        TypeError(rsi, "conj", "a [key value] vector or a map to add to a map");
        asm.Bind(ref conjOther);
        JumpUnlessType(rdi, ObjectType.Vector, conjList);
        asm.jmp(Label("%vector-conj"));
        asm.Bind(ref conjList);
        JumpUnlessType(rdi, ObjectType.List, conjNil);
        asm.jmp(Label("cons"));
        asm.Bind(ref conjNil);
        // (conj nil x) is (x); any other value is not a collection.
        var conjNotNil = asm.CreateLabel();
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.jne(conjNotNil);
        asm.lea(rdi, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        asm.jmp(Label("cons"));
        asm.Bind(ref conjNotNil);
        TypeError(rdi, "conj", "a collection");

        // conj-map-entries(rdi = map or record, rsi = map) → rdi with each of rsi's entries assoc'd, in order.
        Define("conj-map-entries");
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rsi);
        asm.mov(r13, rdi);
        asm.xor(ebx, ebx);
        var entriesLoop = asm.CreateLabel();
        var entriesDone = asm.CreateLabel();
        asm.Bind(ref entriesLoop);
        asm.mov(rax, __qword_ptr[r12 + (ObjectLayout.MapCount - ValueTags.PointerTag)]);
        asm.sar(rax, 1);
        asm.cmp(rbx, rax);
        asm.jae(entriesDone);
        asm.mov(rax, rbx);
        asm.shl(rax, 4);
        asm.mov(rsi, __qword_ptr[r12 + rax + (ObjectLayout.MapEntries - ValueTags.PointerTag)]);
        asm.mov(rdx, __qword_ptr[r12 + rax + (ObjectLayout.MapEntries + 8 - ValueTags.PointerTag)]);
        asm.mov(rdi, r13);
        asm.call(Label("assoc1"));
        asm.mov(r13, rax);
        asm.inc(rbx);
        asm.jmp(entriesLoop);
        asm.Bind(ref entriesDone);
        asm.mov(rax, r13);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        // (vec coll): a vector with the items of a vector, list or nil, or of what seq makes of coll.
        Define("vec");
        Fixed("vec", 1);
        var vecOfList = asm.CreateLabel();
        var vecOfSeq = asm.CreateLabel();
        JumpIfLazy(rdi, vecOfSeq);
        var notVector = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Vector, notVector);
        asm.mov(rax, rdi);
        asm.ret();
        asm.Bind(ref notVector);
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.je(vecOfList);
        JumpIfTypeIn(rdi, vecOfList, ObjectType.List);

        // Strings, maps, sets and records go through their seq (one-character strings, [k v]
        // entries, items); seq raises the type error, naming vec, for anything else.
        SeqAtEntry("vec");
        asm.jmp(vecOfList);
        asm.Bind(ref vecOfSeq);
        PushAlignmentSlot();
        asm.mov(rsi, -1);
        asm.call(Label("to-list"));
        asm.add(rsp, 8);
        asm.mov(rdi, rax);
        asm.Bind(ref vecOfList);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rdi);
        asm.xor(ebx, ebx);
        asm.cmp(rdi, (int)ValueTags.Nil);
        var vecEmpty = asm.CreateLabel();
        asm.je(vecEmpty);
        asm.mov(rbx, __qword_ptr[rdi + (ObjectLayout.ListCount - ValueTags.PointerTag)]);
        asm.sar(rbx, 1);
        asm.Bind(ref vecEmpty);
        asm.lea(rdi, __[(rbx * 8) + ObjectLayout.VectorItems]);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.Vector);
        asm.lea(rcx, __[rbx + rbx]);
        asm.mov(__qword_ptr[rax + ObjectLayout.VectorCount], rcx);
        asm.lea(r13, __[rax + ObjectLayout.VectorItems]);
        asm.mov(rbx, rax);
        var vecCopy = asm.CreateLabel();
        var vecDone = asm.CreateLabel();
        asm.Bind(ref vecCopy);
        JumpUnlessType(r12, ObjectType.List, vecDone);
        asm.cmp(__qword_ptr[r12 + (ObjectLayout.ListCount - ValueTags.PointerTag)], 0);
        asm.je(vecDone);
        asm.mov(rax, __qword_ptr[r12 + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.mov(__qword_ptr[r13], rax);
        asm.add(r13, 8);
        asm.mov(r12, __qword_ptr[r12 + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.jmp(vecCopy);
        asm.Bind(ref vecDone);
        asm.lea(rax, __[rbx + ValueTags.PointerTag]);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        Predicate("fn?", () => TypeTest(ObjectType.Closure));
        Predicate("string?", () => TypeTest(ObjectType.String));
        Predicate("nil?", () => asm.cmp(rdi, (int)ValueTags.Nil));
        Predicate("map?", () =>
        {
            LookThroughRecord(rdi);
            TypeTest(ObjectType.Map);
        });
        Predicate("empty?", () =>
        {
            // A lazy seq is empty when its seq is nil (which realizes its first step).
            var lazy = asm.CreateLabel();
            var tested = asm.CreateLabel();
            JumpIfLazy(rdi, lazy);
            asm.cmp(rdi, (int)ValueTags.Nil);
            asm.je(tested);
            JumpIfTypeIn(rdi, tested, ObjectType.String, ObjectType.Vector, ObjectType.List, ObjectType.Map, ObjectType.Set, ObjectType.Record);
            TypeError(rdi, "empty?", "a collection or string");
            asm.Bind(ref lazy);
            PushAlignmentSlot();
            asm.call(Label("seq1"));
            asm.add(rsp, 8);
            asm.mov(rdi, rax);
            asm.Bind(ref tested);
            PushAlignmentSlot();
            asm.call(Label("slisp-truthy"));
            asm.add(rsp, 8);
            asm.test(eax, eax);
        });

        Define("ex-message");
        Fixed("ex-message", 1);
        var notErr = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Error, notErr);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.ErrorMessage - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref notErr);
        // A thrown string is its own message, as in the interpreter.
        var notThrownString = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.String, notThrownString);
        asm.mov(rax, rdi);
        asm.ret();
        asm.Bind(ref notThrownString);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.ret();
    }

    /// <summary>The arity check of a primitive with a fixed argument count (count in eax).</summary>
    private void Fixed(string name, int count)
    {
        var ok = asm.CreateLabel();
        asm.cmp(eax, count);
        asm.je(ok);
        asm.mov(esi, eax);
        asm.lea(rdi, Str(name));
        asm.jmp(Label("arity-error-named"));
        asm.Bind(ref ok);
    }

    /// <summary>Runs <paramref name="body"/> when the value is a vector or list; falls through otherwise.</summary>
    private void IfSequential(AssemblerRegister64 value, Action body)
    {
        var yes = asm.CreateLabel();
        var no = asm.CreateLabel();
        var tryList = asm.CreateLabel();
        JumpUnlessType(value, ObjectType.Vector, tryList);
        asm.jmp(yes);
        asm.Bind(ref tryList);
        JumpUnlessType(value, ObjectType.List, no);
        asm.Bind(ref yes);
        body();
        asm.Bind(ref no);
    }

    /// <summary>Sets ZF when rdi is an object of the type.</summary>
    private void TypeTest(ObjectType type)
    {
        var no = asm.CreateLabel();
        var done = asm.CreateLabel();
        JumpUnlessType(rdi, type, no);
        asm.cmp(eax, eax);
        asm.jmp(done);
        asm.Bind(ref no);
        asm.cmp(rdi, rdi);
        asm.inc(eax);
        asm.test(eax, eax);
        asm.Bind(ref done);
    }

    /// <summary>A one-argument predicate: true when <paramref name="test"/> leaves ZF set.</summary>
    private void Predicate(string name, Action test)
    {
        Define(name);
        Fixed(name, 1);
        asm.xor(eax, eax);
        test();
        asm.mov(eax, (int)ValueTags.False);
        asm.mov(ecx, (int)ValueTags.True);
        asm.cmove(eax, ecx);
        asm.ret();
    }

    /// <summary>site-number(rdi = untagged "file:line:col" string, esi = fields to skip from the end) → that field as a fixnum.</summary>
    private void EmitSiteNumber()
    {
        var skip = asm.CreateLabel();
        var field = asm.CreateLabel();
        var fieldDone = asm.CreateLabel();
        asm.jmp(skip);
        Define("site-number");
        asm.mov(rcx, __qword_ptr[rdi + ObjectLayout.StringLength]);
        asm.lea(r8, __[rdi + ObjectLayout.StringBytes]);
        asm.Bind(ref field);
        asm.xor(eax, eax);
        asm.mov(r9d, 1);
        var digit = asm.CreateLabel();
        asm.Bind(ref digit);
        asm.test(rcx, rcx);
        asm.jz(fieldDone);
        asm.movzx(edx, __byte_ptr[r8 + rcx - 1]);
        asm.cmp(edx, ':');
        asm.je(fieldDone);
        asm.sub(edx, '0');
        asm.imul(rdx, r9);
        asm.add(rax, rdx);
        asm.imul(r9, r9, 10);
        asm.dec(rcx);
        asm.jmp(digit);
        asm.Bind(ref fieldDone);
        var found = asm.CreateLabel();
        asm.test(esi, esi);
        asm.jz(found);
        asm.dec(esi);
        asm.dec(rcx);
        asm.jmp(field);
        asm.Bind(ref found);
        asm.add(rax, rax);
        asm.ret();
        asm.Bind(ref skip);
    }
}
