using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    /// <summary>Integer division family, numeric equality, atoms, and the eager sequence functions (map, filter, reduce, range, seq).</summary>
    private void EmitSequences()
    {
        // Atoms, and (reduced x): an atom whose header carries ReducedFlag; reduce stops at one (EmitReduce).
        EmitAtomBox("atom", (int)ObjectType.Atom);
        EmitAtomBox("reduced", (int)ObjectType.Atom | ObjectLayout.ReducedFlag);

        Predicate("reduced?", () =>
        {
            var no = asm.CreateLabel();
            var done = asm.CreateLabel();
            JumpUnlessReduced(rdi, no);
            asm.cmp(eax, eax);
            asm.jmp(done);
            asm.Bind(ref no);
            asm.or(eax, 1);
            asm.Bind(ref done);
        });

        // deref reads a reduced value too; reset! and swap! refuse one, as the interpreter does.
        Define("deref");
        Fixed("deref", 1);
        RequireAtom("deref");
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.AtomValue - ValueTags.PointerTag)]);
        asm.ret();

        Define("reset!");
        Fixed("reset!", 2);
        RequireAtom("reset!", mutable: true);
        asm.mov(__qword_ptr[rdi + (ObjectLayout.AtomValue - ValueTags.PointerTag)], rsi);
        asm.mov(rax, rsi);
        asm.ret();

        // (swap! a f x ...) sets the atom to (f value x ...); at most four extra arguments.
        Define("swap!");
        VariadicPrologue();
        CheckArity("swap!", 2, 6);
        LoadArgument(rdi, 0);
        RequireAtom("swap!", mutable: true);
        asm.mov(r13, rdi);
        LoadArgument(r10, 1);
        asm.mov(rdi, __qword_ptr[r13 + (ObjectLayout.AtomValue - ValueTags.PointerTag)]);
        LoadArgument(rsi, 2);
        LoadArgument(rdx, 3);
        LoadArgument(rcx, 4);
        LoadArgument(r8, 5);
        asm.lea(eax, __[r12 - 1]);
        CallClosure();
        asm.mov(__qword_ptr[r13 + (ObjectLayout.AtomValue - ValueTags.PointerTag)], rax);
        VariadicEpilogue();

        EmitSeq();
        EmitReduce();

        // (next x): the rest as a seq, nil when nothing is left.
        Define("next");
        Fixed("next", 1);
        PushAlignmentSlot();
        asm.mov(eax, 1);
        asm.call(Label("rest"));
        asm.add(rsp, 8);
        asm.mov(rdi, rax);
        asm.jmp(Label("seq1"));

        // (apply f x ... coll): f called with the x's and then coll's items.
        Define("apply");
        VariadicPrologue();
        CheckArity("apply", 2, -1);
        asm.lea(eax, __[r12 - 1]);
        LoadArgument(rdi, rax);
        asm.mov(rsi, -1);
        asm.call(Label("to-list"));
        asm.mov(r13, rax);
        var haveItems = asm.CreateLabel();
        asm.cmp(r13, (int)ValueTags.Nil);
        asm.jne(haveItems);
        asm.lea(r13, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        asm.Bind(ref haveItems);
        asm.lea(ebx, __[r12 - 1]);
        var spread = asm.CreateLabel();
        var spreadDone = asm.CreateLabel();
        asm.Bind(ref spread);
        asm.cmp(ebx, 1);
        asm.jle(spreadDone);
        asm.dec(ebx);
        LoadArgument(rsi, rbx);
        asm.mov(rdi, r13);
        asm.call(Label("cons"));
        asm.mov(r13, rax);
        asm.jmp(spread);
        asm.Bind(ref spreadDone);
        LoadArgument(r10, 0);
        var notCallableApply = asm.CreateLabel();
        JumpUnlessType(r10, ObjectType.Closure, notCallableApply);
        asm.mov(rdi, r13);
        asm.call(Label("apply-list"));
        VariadicEpilogue();
        // A keyword, map, set or vector applied: its (at most two) arguments in registers, to invoke-other.
        asm.Bind(ref notCallableApply);
        asm.mov(rax, __qword_ptr[r13 + (ObjectLayout.ListCount - ValueTags.PointerTag)]);
        asm.sar(rax, 1);
        var spreadDone2 = asm.CreateLabel();
        asm.cmp(eax, 1);
        asm.jb(spreadDone2);
        asm.mov(rdi, __qword_ptr[r13 + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.jbe(spreadDone2);
        asm.mov(rsi, __qword_ptr[r13 + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.mov(rsi, __qword_ptr[rsi + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.Bind(ref spreadDone2);
        asm.call(Label("invoke-other"));
        VariadicEpilogue();

        // (cons x coll): a list with x in front of coll's items.
        Define("cons-primitive");
        Fixed("cons", 2);
        var consLazy = asm.CreateLabel();
        JumpIfLazy(rsi, consLazy);
        asm.push(rdi);
        asm.push(rdi);
        asm.mov(rdi, rsi);
        asm.call(Label("seq1"));
        asm.pop(rsi);
        asm.pop(rsi);
        var consOnto = asm.CreateLabel();
        asm.mov(rdi, rax);
        asm.cmp(rax, (int)ValueTags.Nil);
        asm.jne(consOnto);
        asm.lea(rdi, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        asm.Bind(ref consOnto);
        asm.jmp(Label("cons"));
        // Onto a lazy seq or cons cell: a cons cell, without realizing anything.
        asm.Bind(ref consLazy);
        asm.xchg(rdi, rsi);
        asm.jmp(Label("lazy-cons"));

        // (last coll): the final item, or nil.
        Define("last");
        Fixed("last", 1);
        JumpIfLazy(rdi, Label("seq-last"));
        PushAlignmentSlot();
        asm.mov(rsi, -1);
        asm.call(Label("to-list"));
        asm.add(rsp, 8);
        var lastNil = asm.CreateLabel();
        var walk = asm.CreateLabel();
        var atEnd = asm.CreateLabel();
        asm.cmp(__qword_ptr[rax + (ObjectLayout.ListCount - ValueTags.PointerTag)], 0);
        asm.je(lastNil);
        asm.Bind(ref walk);
        asm.mov(rcx, __qword_ptr[rax + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.cmp(__qword_ptr[rcx + (ObjectLayout.ListCount - ValueTags.PointerTag)], 0);
        asm.je(atEnd);
        asm.mov(rax, rcx);
        asm.jmp(walk);
        asm.Bind(ref atEnd);
        asm.mov(rax, __qword_ptr[rax + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref lastNil);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.ret();

        Define("second");
        Fixed("second", 1);
        var secondNil = asm.CreateLabel();
        var secondOfSeq = asm.CreateLabel();
        JumpIfLazy(rdi, secondOfSeq);
        IfSequential(rdi, () =>
        {
            asm.cmp(__qword_ptr[rdi + (8 - ValueTags.PointerTag)], 2);
            asm.jbe(secondNil);
            asm.mov(esi, 1);
            asm.jmp(Label("nth-unchecked"));
        });
        // Strings, maps, sets and records through their seq; seq raises the type error, naming
        // second, for anything else.
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.je(secondNil);
        SeqAtEntry("second");
        asm.jmp(secondOfSeq);
        asm.Bind(ref secondNil);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.ret();
        asm.Bind(ref secondOfSeq);
        PushAlignmentSlot();
        asm.mov(eax, 1);
        asm.call(Label("next"));
        asm.add(rsp, 8);
        asm.mov(rdi, rax);
        asm.mov(eax, 1);
        asm.jmp(Label("first"));

        Predicate("list?", () => TypeTest(ObjectType.List));
        Predicate("vector?", () => TypeTest(ObjectType.Vector));
        Predicate("keyword?", () => TypeTest(ObjectType.Keyword));
    }

    /// <summary>(name x): a new atom-shaped box [header][x] with the given header.</summary>
    private void EmitAtomBox(string name, int header)
    {
        Define(name);
        Fixed(name, 1);
        asm.push(rdi);
        asm.mov(edi, 16);
        asm.call(Label("alloc"));
        asm.pop(rdi);
        asm.mov(__qword_ptr[rax], header);
        asm.mov(__qword_ptr[rax + ObjectLayout.AtomValue], rdi);
        asm.inc(rax);
        asm.ret();
    }

    private void RequireAtom(string name, bool mutable = false)
    {
        var ok = asm.CreateLabel();
        var bad = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Atom, bad);
        if (mutable)
        {
            asm.test(__dword_ptr[rdi - ValueTags.PointerTag], ObjectLayout.ReducedFlag);
            asm.jnz(bad);
        }

        asm.jmp(ok);
        asm.Bind(ref bad);
        TypeError(rdi, name, "an atom");
        asm.Bind(ref ok);
    }

    /// <summary>Jumps to <paramref name="otherwise"/> unless <paramref name="value"/> is a reduced value (uses r11).</summary>
    private void JumpUnlessReduced(AssemblerRegister64 value, Label otherwise)
    {
        JumpUnlessType(value, ObjectType.Atom, otherwise);
        asm.test(__dword_ptr[value - ValueTags.PointerTag], ObjectLayout.ReducedFlag);
        asm.jz(otherwise);
    }

    /// <summary>Calls the closure in r10 with eax arguments already in registers (not-callable error otherwise).</summary>
    private void CallClosure()
    {
        var ok = asm.CreateLabel();
        var bad = asm.CreateLabel();
        var done = asm.CreateLabel();
        JumpUnlessType(r10, ObjectType.Closure, bad);
        asm.jmp(ok);
        asm.Bind(ref bad);
        asm.call(Label("invoke-other"));
        asm.jmp(done);
        asm.Bind(ref ok);
        asm.call(__qword_ptr[r10 + (ObjectLayout.ClosureCode - ValueTags.PointerTag)]);
        asm.Bind(ref done);
    }

    /// <summary>(seq x): nil when empty, else a list of the items (a string's characters as one-character strings).</summary>
    private void EmitSeq()
    {
        Define("seq");
        Fixed("seq", 1);
        asm.mov(rax, rdi);
        Define("seq1");
        asm.lea(rsi, Str("seq"));
        // seq1-named(rdi = x, rsi = the name of the function the program called, for the type
        // error: (first 5) says `first` expects a collection, as the interpreter does).
        Define("seq1-named");
        var nil = asm.CreateLabel();
        var notList = asm.CreateLabel();
        var seqable = asm.CreateLabel();
        var notSeqable = asm.CreateLabel();
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.je(nil);
        JumpIfLazy(rdi, Label("lazy-seq-node"));
        LookThroughRecord(rdi);
        JumpIfTypeIn(rdi, seqable, ObjectType.List, ObjectType.Vector, ObjectType.String, ObjectType.Map, ObjectType.Set);

        asm.jmp(notSeqable);
        asm.Bind(ref seqable);
        asm.cmp(__qword_ptr[rdi + (8 - ValueTags.PointerTag)], 0);
        asm.je(nil);
        var notMapSeq = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Map, notMapSeq);
        asm.jmp(Label("%map-seq"));
        asm.Bind(ref notMapSeq);
        JumpUnlessType(rdi, ObjectType.List, notList);
        asm.mov(rax, rdi);
        asm.ret();
        asm.Bind(ref notList);
        var isVector = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.String, isVector);
        asm.jmp(Label("string-seq"));
        asm.Bind(ref isVector);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rdi);
        asm.mov(rbx, __qword_ptr[rdi + (8 - ValueTags.PointerTag)]);
        asm.sar(rbx, 1);
        asm.lea(r13, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        var loop = asm.CreateLabel();
        var done = asm.CreateLabel();
        asm.Bind(ref loop);
        asm.test(rbx, rbx);
        asm.jz(done);
        asm.dec(rbx);
        asm.mov(rdi, r12);
        asm.mov(rsi, rbx);
        asm.call(Label("nth-unchecked"));
        asm.mov(rsi, rax);
        asm.mov(rdi, r13);
        asm.call(Label("cons"));
        asm.mov(r13, rax);
        asm.jmp(loop);
        asm.Bind(ref done);
        asm.mov(rax, r13);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();
        asm.Bind(ref nil);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.ret();
        asm.Bind(ref notSeqable);
        asm.mov(rdx, rdi);
        asm.mov(rdi, rsi);
        asm.lea(rsi, Str("a collection"));
        asm.jmp(Label("type-error"));
    }

    /// <summary>
    /// (reduce f coll), (reduce f init coll): walks coll's seq nodes (lists, cons cells, lazy seqs)
    /// with seq1 at each step, and clears its own copy of coll so a lazy seq nobody else holds is
    /// not kept alive by the walk. A step that returns a reduced value ends it with the value inside.
    /// </summary>
    private void EmitReduce()
    {
        Define("reduce");
        VariadicPrologue();
        CheckArity("reduce", 2, 3);
        LoadArgument(rax, 0);
        asm.mov(__qword_ptr[rbp - 80], rax);
        var withInit = asm.CreateLabel();
        var loopReduce = asm.CreateLabel();
        var doneReduce = asm.CreateLabel();
        asm.cmp(r12d, 3);
        asm.je(withInit);
        LoadArgument(rdi, 1);
        asm.mov(__qword_ptr[rbp - 40], (int)ValueTags.Nil);
        asm.lea(rsi, Str("reduce"));
        asm.call(Label("seq1-named"));
        asm.mov(r13, rax);
        var emptyNoInit = asm.CreateLabel();
        asm.cmp(r13, (int)ValueTags.Nil);
        asm.je(emptyNoInit);
        asm.mov(rbx, __qword_ptr[r13 + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.mov(r13, __qword_ptr[r13 + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.jmp(loopReduce);
        asm.Bind(ref emptyNoInit);
        // (reduce f []) is (f).
        asm.mov(r10, __qword_ptr[rbp - 80]);
        asm.xor(eax, eax);
        CallClosure();
        VariadicEpilogue();
        asm.Bind(ref withInit);
        LoadArgument(rbx, 1);
        LoadArgument(r13, 2);
        asm.mov(__qword_ptr[rbp - 32], (int)ValueTags.Nil);

        // r13: what is left to walk, not yet seq'd; rbx: the accumulated value.
        asm.Bind(ref loopReduce);
        asm.mov(rdi, r13);
        asm.lea(rsi, Str("reduce"));
        asm.call(Label("seq1-named"));
        asm.mov(r13, rax);
        asm.cmp(r13, (int)ValueTags.Nil);
        asm.je(doneReduce);
        asm.mov(r10, __qword_ptr[rbp - 80]);
        asm.mov(rdi, rbx);
        asm.mov(rsi, __qword_ptr[r13 + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.mov(eax, 2);
        CallClosure();
        asm.mov(rbx, rax);
        // A step that returns (reduced x) ends the walk with x.
        var notReduced = asm.CreateLabel();
        JumpUnlessReduced(rax, notReduced);
        asm.mov(rbx, __qword_ptr[rax + (ObjectLayout.AtomValue - ValueTags.PointerTag)]);
        asm.jmp(doneReduce);
        asm.Bind(ref notReduced);
        asm.mov(r13, __qword_ptr[r13 + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.jmp(loopReduce);
        asm.Bind(ref doneReduce);
        asm.mov(rax, rbx);
        VariadicEpilogue();
    }
}
