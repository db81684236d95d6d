using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using Zylisp.Lang.Runtime.Regex;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// <c>#"..."</c> literals. The reader has already checked the pattern in the interpreter's dialect,
/// all of which the native matcher (Library/70-regex.zl) implements. A literal is a constant cell
/// holding a Regex object built at start-up with its source and readable form; the library parses
/// it on first use (%re-tree), once.
/// </summary>
internal static class RegexLiterals
{
    /// <summary>#"source" as the interpreter prints it: a quote the source leaves bare is escaped.</summary>
    public static string Readable(string source)
    {
        var text = new System.Text.StringBuilder("#\"");
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '"' && (i == 0 || source[i - 1] != '\\'))
            {
                text.Append('\\');
            }

            text.Append(source[i]);
        }

        return text.Append('"').ToString();
    }

    /// <summary>Start-up code: the cell gets a Regex object with the source and readable form, not parsed yet.</summary>
    public static void Build(Assembler asm, CodeContext ctx, int cell, RegexValue regex)
    {
        asm.mov(edi, 40);
        asm.call(ctx.Runtime.Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.Regex);
        asm.lea(rcx, __[r14 + (ctx.Data.String(regex.Source) + ValueTags.PointerTag)]);
        asm.mov(__qword_ptr[rax + 8], rcx);
        asm.lea(rcx, __[r14 + (ctx.Data.String(Readable(regex.Source)) + ValueTags.PointerTag)]);
        asm.mov(__qword_ptr[rax + 16], rcx);
        asm.mov(rcx, ValueTags.Nil);
        asm.mov(__qword_ptr[rax + 24], rcx);
        asm.mov(__qword_ptr[rax + 32], rcx);
        asm.inc(rax);
        asm.mov(__qword_ptr[r15 + cell], rax);
    }
}
