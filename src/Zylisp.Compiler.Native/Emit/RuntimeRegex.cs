using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Regular expression values (<see cref="ObjectType.Regex"/>): the object only; parsing and
/// matching are Zylisp (Library/70-regex.zl), which makes a pattern once with %make-regex and reads
/// its parts with %regex-part. Rendering (#"..." or the source) is in RuntimeRendering.
/// </summary>
internal sealed partial class RuntimeLibrary
{
    private const int RegexSource = 8;
    private const int RegexReadable = 16;
    private const int RegexTree = 24;
    private const int RegexSize = 40;

    private void RegisterRegexPrimitives()
    {
        Primitive("%make-regex", "%make-regex");
        Primitive("%regex-part", "%regex-part");
        Primitive("%regex-parsed!", "%regex-parsed!");
        Primitive("%unicode-categories", "%unicode-categories");
    }

    /// <summary>(%unicode-categories) → the general category table (UnicodeCategoryTable), read-only data linked only when reached.</summary>
    private void EmitUnicodeCategories()
    {
        Define("%unicode-categories");
        Fixed("%unicode-categories", 0);
        asm.lea(rax, Str(UnicodeCategoryTable.Text));
        asm.ret();
    }

    private void EmitRegex()
    {
        // (%make-regex source readable tree groups) → a regex object holding the four values.
        Define("%make-regex");
        Fixed("%make-regex", 4);
        asm.push(rdi);
        asm.push(rsi);
        asm.push(rdx);
        asm.push(rcx);
        asm.mov(edi, RegexSize);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.Regex);
        for (var field = 4; field >= 1; field--)
        {
            asm.pop(rcx);
            asm.mov(__qword_ptr[rax + (8 * field)], rcx);
        }

        asm.inc(rax);
        asm.ret();

        // (%regex-part r i) → part i of a regex: 0 source, 1 readable form, 2 tree, 3 group count.
        Define("%regex-part");
        Fixed("%regex-part", 2);
        asm.sar(rsi, 1);
        asm.mov(rax, __qword_ptr[rdi + (rsi * 8) + (8 - ValueTags.PointerTag)]);
        asm.ret();

        // (%regex-parsed! r tree groups): a literal's parse, kept in the object (the one mutation).
        Define("%regex-parsed!");
        Fixed("%regex-parsed!", 3);
        asm.mov(__qword_ptr[rdi + (RegexTree - ValueTags.PointerTag)], rsi);
        asm.mov(__qword_ptr[rdi + (RegexTree + 8 - ValueTags.PointerTag)], rdx);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.ret();
    }
}
