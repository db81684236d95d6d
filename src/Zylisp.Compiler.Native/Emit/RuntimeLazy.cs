using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Lazy sequences (issue 13, docs/design/lazy-sequences.md): the lazy-seq cell and the cons cell,
/// and the few routines every sequence consumer goes through. The lazy builders themselves (map,
/// filter, take, range...) are Zylisp, in Library/15-lazy.zl.
/// <para>
/// A <em>seq node</em> is what seq1 returns for a non-empty seq: a non-empty list or a cons cell.
/// Both keep their first item at <see cref="ObjectLayout.ListFirst"/> and their rest at
/// <see cref="ObjectLayout.ListRest"/>, so a walker reads the item at one offset whatever the node,
/// and advances with seq1 of the rest.
/// </para>
/// </summary>
internal sealed partial class RuntimeLibrary
{
    /// <summary>The count word of a cons cell: never 0, so a walker's "empty list" test never stops on one.</summary>
    private const long ConsCountMarker = -2;

    private void RegisterLazyPrimitives()
    {
        Primitive("%lazy-seq", "%lazy-seq");
        Primitive("realized?", "realized?");
    }

    private void EmitLazy()
    {
        // (%lazy-seq thunk) → a lazy seq that calls thunk (once, when first needed).
        Define("%lazy-seq");
        Fixed("%lazy-seq", 1);
        var notFunction = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Closure, notFunction);
        asm.push(rdi);
        asm.mov(edi, 24);
        asm.call(Label("alloc"));
        asm.pop(rdi);
        asm.mov(__qword_ptr[rax], (int)ObjectType.LazySeq);
        asm.mov(__qword_ptr[rax + ObjectLayout.LazyThunk], rdi);
        asm.mov(__qword_ptr[rax + ObjectLayout.LazySeqValue], (int)ValueTags.Nil);
        asm.inc(rax);
        asm.ret();
        asm.Bind(ref notFunction);
        TypeError(rdi, "%lazy-seq", "a function");

        // (realized? x): whether the lazy seq x has run its thunk.
        Define("realized?");
        Fixed("realized?", 1);
        var notLazy = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.LazySeq, notLazy);
        asm.mov(eax, (int)ValueTags.False);
        asm.mov(ecx, (int)ValueTags.True);
        asm.cmp(__qword_ptr[rdi + (ObjectLayout.LazyThunk - ValueTags.PointerTag)], (int)ValueTags.Nil);
        asm.cmove(eax, ecx);
        asm.ret();
        asm.Bind(ref notLazy);
        TypeError(rdi, "realized?", "a lazy seq");

        // lazy-cons(rdi = rest, rsi = item) → a cons cell (the argument order of cons).
        Define("lazy-cons");
        asm.push(rdi);
        asm.push(rsi);
        asm.mov(edi, 32);
        asm.call(Label("alloc"));
        asm.pop(rsi);
        asm.pop(rdi);
        asm.mov(__qword_ptr[rax], (int)ObjectType.Cons);
        asm.mov(__qword_ptr[rax + ObjectLayout.ListCount], (int)ConsCountMarker);
        asm.mov(__qword_ptr[rax + ObjectLayout.ListFirst], rsi);
        asm.mov(__qword_ptr[rax + ObjectLayout.ListRest], rdi);
        asm.inc(rax);
        asm.ret();

        // lazy-seq-node(rdi = lazy seq or cons) → the seq node, or nil when empty. seq1 jumps here.
        // A lazy seq runs its thunk once and keeps seq1 of the result (which forces a lazy seq the
        // body returned); the thunk is dropped only after it returns, so a body that threw runs again.
        Define("lazy-seq-node");
        var isLazy = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Cons, isLazy);
        asm.mov(rax, rdi);
        asm.ret();
        asm.Bind(ref isLazy);
        var realized = asm.CreateLabel();
        asm.push(rbx);
        asm.mov(rbx, rdi);
        asm.mov(r10, __qword_ptr[rbx + (ObjectLayout.LazyThunk - ValueTags.PointerTag)]);
        asm.cmp(r10, (int)ValueTags.Nil);
        asm.je(realized);
        asm.xor(eax, eax);
        asm.call(__qword_ptr[r10 + (ObjectLayout.ClosureCode - ValueTags.PointerTag)]);
        asm.mov(rdi, rax);
        asm.call(Label("seq1"));
        asm.mov(__qword_ptr[rbx + (ObjectLayout.LazySeqValue - ValueTags.PointerTag)], rax);
        asm.mov(__qword_ptr[rbx + (ObjectLayout.LazyThunk - ValueTags.PointerTag)], (int)ValueTags.Nil);
        asm.pop(rbx);
        asm.ret();
        asm.Bind(ref realized);
        asm.mov(rax, __qword_ptr[rbx + (ObjectLayout.LazySeqValue - ValueTags.PointerTag)]);
        asm.pop(rbx);
        asm.ret();

        EmitToList();
        EmitSeqCount();
        EmitSeqLast();
        EmitSeqNth();
    }

    /// <summary>
    /// to-list(rdi = seqable, rsi = most items to take, or -1 for all) → a list of its items: the
    /// value itself when it is already a list. What printing, apply, vec and last use on a lazy seq.
    /// </summary>
    private void EmitToList()
    {
        Define("to-list");
        var notList = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.List, notList);
        asm.mov(rax, rdi);
        asm.ret();
        asm.Bind(ref notList);
        asm.push(rbp);
        asm.mov(rbp, rsp);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.push(rsi);
        asm.call(Label("seq1"));
        asm.mov(rbx, rax);
        asm.lea(r12, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        asm.xor(r13d, r13d);
        var take = asm.CreateLabel();
        var reverse = asm.CreateLabel();
        asm.Bind(ref take);
        asm.cmp(rbx, (int)ValueTags.Nil);
        asm.je(reverse);
        asm.cmp(r13, __qword_ptr[rbp - 32]);
        asm.je(reverse);
        asm.mov(rdi, r12);
        asm.mov(rsi, __qword_ptr[rbx + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.call(Label("cons"));
        asm.mov(r12, rax);
        asm.inc(r13);
        asm.mov(rdi, __qword_ptr[rbx + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.call(Label("seq1"));
        asm.mov(rbx, rax);
        asm.jmp(take);

        // The items were consed last first: cons them again into order.
        asm.Bind(ref reverse);
        asm.lea(rbx, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        var again = asm.CreateLabel();
        var done = asm.CreateLabel();
        asm.Bind(ref again);
        asm.cmp(__qword_ptr[r12 + (ObjectLayout.ListCount - ValueTags.PointerTag)], 0);
        asm.je(done);
        asm.mov(rdi, rbx);
        asm.mov(rsi, __qword_ptr[r12 + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.call(Label("cons"));
        asm.mov(rbx, rax);
        asm.mov(r12, __qword_ptr[r12 + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.jmp(again);
        asm.Bind(ref done);
        asm.mov(rax, rbx);
        asm.lea(rsp, __[rbp - 24]);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.pop(rbp);
        asm.ret();
    }

    /// <summary>seq-count(rdi = lazy seq or cons) → the number of items, walked without keeping them.</summary>
    private void EmitSeqCount()
    {
        Define("seq-count");
        asm.push(rbx);
        asm.push(r12);
        PushAlignmentSlot();
        asm.xor(r12d, r12d);
        asm.call(Label("seq1"));
        asm.mov(rbx, rax);
        var walk = asm.CreateLabel();
        var done = asm.CreateLabel();
        var notList = asm.CreateLabel();
        asm.Bind(ref walk);
        asm.cmp(rbx, (int)ValueTags.Nil);
        asm.je(done);
        // A list knows its count: the rest of the walk is one add.
        JumpUnlessType(rbx, ObjectType.List, notList);
        asm.mov(rax, __qword_ptr[rbx + (ObjectLayout.ListCount - ValueTags.PointerTag)]);
        asm.sar(rax, 1);
        asm.add(r12, rax);
        asm.jmp(done);
        asm.Bind(ref notList);
        asm.inc(r12);
        asm.mov(rdi, __qword_ptr[rbx + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.call(Label("seq1"));
        asm.mov(rbx, rax);
        asm.jmp(walk);
        asm.Bind(ref done);
        asm.lea(rax, __[r12 + r12]);
        asm.add(rsp, 8);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();
    }

    /// <summary>
    /// seq-last(rdi = lazy seq or cons) → the final item, or nil: a walk that keeps only the
    /// current node and item, so (last (range n)) runs in constant memory as in Clojure.
    /// </summary>
    private void EmitSeqLast()
    {
        Define("seq-last");
        asm.push(rbx);
        asm.push(r12);
        PushAlignmentSlot();
        asm.mov(r12d, (int)ValueTags.Nil);
        asm.call(Label("seq1"));
        asm.mov(rbx, rax);
        var walk = asm.CreateLabel();
        var done = asm.CreateLabel();
        asm.Bind(ref walk);
        asm.cmp(rbx, (int)ValueTags.Nil);
        asm.je(done);
        asm.mov(r12, __qword_ptr[rbx + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.mov(rdi, __qword_ptr[rbx + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.call(Label("seq1"));
        asm.mov(rbx, rax);
        asm.jmp(walk);
        asm.Bind(ref done);
        asm.mov(rax, r12);
        asm.add(rsp, 8);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();
    }

    /// <summary>seq-nth(rdi = lazy seq or cons, rsi = index as a fixnum) → the item, or nth's index error.</summary>
    private void EmitSeqNth()
    {
        Define("seq-nth");
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rsi);
        asm.mov(r13, rsi);
        var bad = asm.CreateLabel();
        var walk = asm.CreateLabel();
        var found = asm.CreateLabel();
        asm.test(rsi, rsi);
        asm.js(bad);
        asm.call(Label("seq1"));
        asm.mov(rbx, rax);
        asm.Bind(ref walk);
        asm.cmp(rbx, (int)ValueTags.Nil);
        asm.je(bad);
        asm.test(r12, r12);
        asm.jz(found);
        asm.sub(r12, 2);
        asm.mov(rdi, __qword_ptr[rbx + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.call(Label("seq1"));
        asm.mov(rbx, rax);
        asm.jmp(walk);
        asm.Bind(ref found);
        asm.mov(rax, __qword_ptr[rbx + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();
        asm.Bind(ref bad);
        // The count is how many items there turned out to be.
        asm.mov(rsi, r13);
        asm.mov(rdx, r13);
        asm.sub(rdx, r12);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.lea(rdi, Str("nth"));
        asm.jmp(Label("index-error"));
    }

    /// <summary>Jumps to <paramref name="target"/> when the value is a lazy seq or a cons cell (uses r11).</summary>
    private void JumpIfLazy(AssemblerRegister64 value, Label target) =>
        JumpIfTypeIn(value, target, ObjectType.LazySeq, ObjectType.Cons);
}
