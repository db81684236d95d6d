using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>Calling values that are not closures: keywords, maps and sets are functions of their keys.</summary>
internal sealed partial class RuntimeLibrary
{
    /// <summary>
    /// invoke-other(r10 = callee, eax = argument count, arguments as in a call): (:k m d) is
    /// (get m :k d), (m k d) is (get m k d), (s x d) is x when s holds it, else d (or nil), ([a b] i)
    /// is (nth [a b] i);
    /// anything else is the not-callable error.
    /// </summary>
    private void EmitInvokeOther()
    {
        Define("invoke-other");
        var notCallable = asm.CreateLabel();
        var notKeyword = asm.CreateLabel();
        var notMap = asm.CreateLabel();
        var badArity = asm.CreateLabel();
        asm.cmp(eax, 1);
        asm.jl(badArity);
        asm.cmp(eax, 2);
        asm.jg(badArity);
        var withDefault = asm.CreateLabel();
        asm.je(withDefault);
        asm.mov(esi, (int)ValueTags.Nil);
        asm.Bind(ref withDefault);
        // Now rdi = the key or item, rsi = the default.
        JumpUnlessType(r10, ObjectType.Keyword, notKeyword);
        asm.mov(rdx, rsi);
        asm.mov(rsi, r10);
        asm.mov(eax, 3);
        asm.jmp(Label("get"));
        asm.Bind(ref notKeyword);
        JumpUnlessType(r10, ObjectType.Map, notMap);
        asm.mov(rdx, rsi);
        asm.mov(rsi, rdi);
        asm.mov(rdi, r10);
        asm.mov(eax, 3);
        asm.jmp(Label("get"));
        asm.Bind(ref notMap);
        // ([a b] i) is (nth [a b] i); a vector takes no default.
        var notVector = asm.CreateLabel();
        JumpUnlessType(r10, ObjectType.Vector, notVector);
        asm.cmp(eax, 1);
        asm.jne(notCallable);
        asm.mov(rsi, rdi);
        asm.mov(rdi, r10);
        asm.mov(eax, 2);
        asm.jmp(Label("nth"));
        asm.Bind(ref notVector);
        JumpUnlessType(r10, ObjectType.Set, notCallable);
        // A member gives the set's own item, as in the interpreter: (#{'(1 2)} [1 2]) is (1 2).
        asm.push(r10);
        asm.push(rsi);
        asm.mov(rsi, rdi);
        asm.mov(rdi, r10);
        asm.call(Label("%set-index"));
        asm.pop(rsi);
        asm.pop(r10);
        var member = asm.CreateLabel();
        asm.test(rax, rax);
        asm.jns(member);
        asm.mov(rax, rsi);
        asm.ret();
        asm.Bind(ref member);
        asm.mov(rax, __qword_ptr[r10 + (rax * 8) + (ObjectLayout.SetItems - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref badArity);
        // Keywords, maps and sets take one or two arguments; a closure never gets here.
        JumpUnlessType(r10, ObjectType.Keyword, notCallable);
        asm.mov(esi, eax);
        asm.lea(rdi, Str("keyword"));
        asm.jmp(Label("arity-error-named"));
        asm.Bind(ref notCallable);
        asm.mov(rdi, r10);
        asm.jmp(Label("not-callable"));
    }
}
