using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Symbols as values: literals are interned in read-only data (a string's layout under
/// <see cref="ObjectType.Symbol"/>, holding "ns/name"); <c>symbol</c> makes new ones at run time,
/// which equals compares by bytes. Also <c>name</c>, which keywords and strings share.
/// </summary>
internal sealed partial class RuntimeLibrary
{

    private void EmitSymbols()
    {
        Predicate("symbol?", () => TypeTest(ObjectType.Symbol));

        // retype(rdi = string-like object, esi = type) → a fresh copy of its bytes under the type.
        Define("retype");
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rdi);
        asm.mov(r13d, esi);
        asm.mov(rbx, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.lea(rdi, __[rbx + ObjectLayout.StringBytes]);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], r13);
        asm.mov(__qword_ptr[rax + ObjectLayout.StringLength], rbx);
        asm.lea(rdi, __[rax + ObjectLayout.StringBytes]);
        asm.lea(rsi, __[r12 + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.mov(rcx, rbx);
        asm.rep.movsb();
        asm.inc(rax);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        // (%string->keyword s) → the keyword spelled by the string's bytes ("ns/name" or "name").
        Define("%string->keyword");
        Fixed("%string->keyword", 1);
        asm.mov(esi, (int)ObjectType.Keyword);
        asm.jmp(Label("retype"));

        // (symbol x): a symbol as it is; a string or keyword's text as a symbol. (symbol ns name): "ns/name".
        Define("symbol");
        var one = asm.CreateLabel();
        var notSymbol = asm.CreateLabel();
        var bad = asm.CreateLabel();
        var copy = asm.CreateLabel();
        var symbolArity = asm.CreateLabel();
        asm.cmp(eax, 1);
        asm.je(one);
        asm.cmp(eax, 2);
        asm.jne(symbolArity);
        asm.push(rsi);
        foreach (var part in new[] { rdi, rsi })
        {
            JumpUnlessType(part, ObjectType.String, bad);
        }

        asm.mov(rdx, rsi);
        asm.lea(rsi, Str("/"));
        asm.mov(eax, 3);
        asm.call(Label("str"));
        asm.pop(rsi);
        asm.mov(rdi, rax);
        asm.jmp(copy);
        asm.Bind(ref one);
        JumpUnlessType(rdi, ObjectType.Symbol, notSymbol);
        asm.mov(rax, rdi);
        asm.ret();
        asm.Bind(ref notSymbol);
        var notString = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.String, notString);
        asm.jmp(copy);
        asm.Bind(ref notString);
        JumpUnlessType(rdi, ObjectType.Keyword, bad);
        asm.jmp(copy);
        asm.Bind(ref bad);
        TypeError(rdi, "symbol", "a string");
        asm.Bind(ref symbolArity);
        asm.mov(esi, eax);
        asm.lea(rdi, Str("symbol"));
        asm.jmp(Label("arity-error-named"));
        asm.Bind(ref copy);
        asm.mov(esi, (int)ObjectType.Symbol);
        asm.jmp(Label("retype"));
    }
}
