using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Vars as values (issue 13, docs/design/dynamic-vars-and-metadata.md): (var x) is a static var
/// object naming the global's cell and its definition's metadata (ProgramCompiler builds them).
/// These low-level primitives read and write through it; binding, meta, with-meta, var-get and
/// source are Zylisp over them (Library/45-vars.zl). One thread, so a dynamic binding is the
/// global's cell itself, saved and restored by binding.
/// </summary>
internal sealed partial class RuntimeLibrary
{
    private void RegisterVarPrimitives()
    {
        foreach (var name in new[] { "var?", "%var-meta", "%var-name", "%var-source", "%var-value", "%var-set", "%unbound?", "%bad-argument" })
        {
            Primitive(name, name);
        }

        Primitive("identical?", "%identical?");

        // The library raises nth's index error for its own functions (subvec) through the runtime's routine.
        Primitive("%index-error", "index-error");
    }

    private void EmitVars()
    {
        Predicate("var?", () => TypeTest(ObjectType.Var));

        // (%var-meta v) → the definition's metadata map (a constant built at start-up).
        Define("%var-meta");
        Fixed("%var-meta", 1);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.VarMetaCell - ValueTags.PointerTag)]);
        asm.sar(rax, 1);
        asm.mov(rax, __qword_ptr[r15 + rax]);
        asm.ret();

        // (%var-name v) and (%var-source v): strings (the source nil when there is none).
        foreach (var (name, offset) in new[] { ("%var-name", ObjectLayout.VarName), ("%var-source", ObjectLayout.VarSource) })
        {
            Define(name);
            Fixed(name, 1);
            asm.mov(rax, __qword_ptr[rdi + (offset - ValueTags.PointerTag)]);
            asm.ret();
        }

        // (%var-value v) → what the global's cell holds, the unbound marker included.
        Define("%var-value");
        Fixed("%var-value", 1);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.VarCell - ValueTags.PointerTag)]);
        asm.sar(rax, 1);
        asm.mov(rax, __qword_ptr[r15 + rax]);
        asm.ret();

        // (%var-set v x): sets the global's cell (binding and its restoring).
        Define("%var-set");
        Fixed("%var-set", 2);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.VarCell - ValueTags.PointerTag)]);
        asm.sar(rax, 1);
        asm.mov(__qword_ptr[r15 + rax], rsi);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.ret();

        Predicate("%unbound?", () => asm.cmp(rdi, (int)ValueTags.Unbound));

        // (identical? x y): the same object, or the same immediate value.
        Define("%identical?");
        Fixed("identical?", 2);
        asm.mov(eax, (int)ValueTags.False);
        asm.mov(ecx, (int)ValueTags.True);
        asm.cmp(rdi, rsi);
        asm.cmove(eax, ecx);
        asm.ret();

        // (%bad-argument fn problem): throws the interpreter's ZL5012 "`fn`: problem".
        Define("%bad-argument");
        Fixed("%bad-argument", 2);
        asm.sub(rsp, 8);
        CallStr(Text("`"), From(rdi), Text("`: "), From(rsi));
        asm.add(rsp, 8);
        ThrowMessage("ZL5012");
    }
}
