using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using Zylisp.Lang.Runtime.Regex;
using Zylisp.Lang.Syntax;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// <c>#"..."</c> literals. The reader has already checked the pattern in the interpreter's dialect;
/// this refuses, at compile time and located, the syntax the native matcher (Library/70-regex.zl)
/// does not implement, so a literal never gives another answer than the interpreter's. A literal
/// is a constant cell holding a Regex object built at start-up with its source and readable form;
/// the library parses it on first use (%re-tree), once.
/// </summary>
internal static class RegexLiterals
{
    /// <summary>
    /// Throws the located compile-time error naming what the native matcher lacks: it implements
    /// the whole dialect except case-insensitive matching of non-ASCII characters (it has no
    /// Unicode case tables), refused here when a pattern with an i flag has any non-ASCII
    /// character or \x escape (a cautious test: such a pattern may well be fine).
    /// </summary>
    public static void CheckSupported(RegexValue regex, SourceSpan? span)
    {
        var source = regex.Source;
        var flags = System.Text.RegularExpressions.Regex.Match(source, @"\(\?[a-zA-Z]*i");
        if (!flags.Success)
        {
            return;
        }

        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] > 127 || (source[i] == '\\' && i + 1 < source.Length && source[++i] == 'x'))
            {
                Refuse("non-ASCII characters under (?i) (no Unicode case tables)", source, i, span);
            }
        }
    }

    private static void Refuse(string what, string source, int offset, SourceSpan? span) =>
        throw new NativeCompileException($"{what} in regular expressions (offset {offset} of #\"{source}\")", span);

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
