using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    /// <summary>The ObjectType of sets (another branch's runtime): a set is a function of its members.</summary>
    private const int SetType = 11;

    /// <summary>
    /// invoke-value(r10 = a callee that is not a closure, arguments as a call has them, eax = count):
    /// what the interpreter's Callables.Call does with a value that is not a function. A keyword
    /// looks itself up in its argument, a map or set looks its argument up, a vector is nth of its
    /// one argument; anything else is the not-callable error. Compiled call sites come here out of
    /// line, so a closure call pays nothing for it.
    /// </summary>
    private void EmitInvokeValue()
    {
        Define("invoke-value");
        var notCallable = asm.CreateLabel();
        var lookUp = asm.CreateLabel();
        asm.mov(r11, r10);
        asm.and(r11d, 7);
        asm.cmp(r11d, ValueTags.PointerTag);
        asm.jne(notCallable);
        asm.cmp(eax, 1);
        asm.jb(notCallable);
        asm.cmp(eax, 2);
        asm.ja(notCallable);
        // The not-found value: the second argument, or nil.
        var haveDefault = asm.CreateLabel();
        asm.mov(rdx, rsi);
        asm.je(haveDefault);
        asm.mov(edx, (int)ValueTags.Nil);
        asm.Bind(ref haveDefault);
        asm.movzx(r11d, __byte_ptr[r10 - ValueTags.PointerTag]);
        var notKeyword = asm.CreateLabel();
        asm.cmp(r11d, (int)ObjectType.Keyword);
        asm.jne(notKeyword);
        // (:k m default) is (get m :k default).
        asm.mov(rsi, r10);
        asm.mov(eax, 3);
        asm.jmp(Label("get"));
        asm.Bind(ref notKeyword);
        asm.cmp(r11d, (int)ObjectType.Map);
        asm.je(lookUp);
        asm.cmp(r11d, SetType);
        asm.je(lookUp);
        asm.cmp(r11d, (int)ObjectType.Vector);
        asm.jne(notCallable);
        // ([a b] i) is (nth [a b] i); a vector takes no default.
        asm.cmp(eax, 1);
        asm.jne(notCallable);
        asm.mov(rsi, rdi);
        asm.mov(rdi, r10);
        asm.mov(eax, 2);
        asm.jmp(Label("nth"));
        // ({k v} k default) is (get {k v} k default).
        asm.Bind(ref lookUp);
        asm.mov(rsi, rdi);
        asm.mov(rdi, r10);
        asm.mov(eax, 3);
        asm.jmp(Label("get"));
        asm.Bind(ref notCallable);
        asm.mov(rdi, r10);
        asm.jmp(Label("not-callable"));
    }
}
