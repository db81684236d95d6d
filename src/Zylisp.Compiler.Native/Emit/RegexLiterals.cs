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
    /// <summary>Throws the located compile-time error naming the first construct the native matcher lacks.</summary>
    public static void CheckSupported(RegexValue regex, SourceSpan? span)
    {
        var source = regex.Source;
        var inClass = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c > 127 && inClass)
            {
                Refuse("non-ASCII characters in a class", source, i, span);
            }

            if (c == '\\' && i + 1 < source.Length)
            {
                var e = source[++i];
                var allowed = inClass ? "dwsntrfv" : "dDwWsSbBntrfv";
                if (char.IsAsciiLetterOrDigit(e) ? !allowed.Contains(e, StringComparison.Ordinal) : e > 127)
                {
                    Refuse($"the escape \\{e}", source, i - 1, span);
                }

                continue;
            }

            if (inClass)
            {
                if (c == '[' && i + 1 < source.Length && source[i + 1] == ':')
                {
                    Refuse("POSIX classes ([:name:])", source, i, span);
                }

                // A ] right after [ or [^ is a member, not the end.
                inClass = c != ']' || source[i - 1] == '[' || (source[i - 1] == '^' && source[i - 2] == '[');
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(' && i + 1 < source.Length && source[i + 1] == '?' && (i + 2 >= source.Length || source[i + 2] != ':'))
            {
                Refuse("group flags, look-around and named groups ((?...))", source, i, span);
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
