using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Code-point access to strings for the assembly routines that index them (count, get, seq):
/// docs/design/native-strings.md. A string's header word keeps its code-point count plus one
/// above the type byte, written by the compiler for literals and cached here on first use for
/// strings built at run time, so an all-ASCII string (count = byte length) indexes in O(1).
/// </summary>
internal sealed partial class RuntimeLibrary
{
    private const int HeaderCountShift = 8;

    private void EmitUtf8()
    {
        // string-count(rdi = string) → rax = its code-point count (raw). Clobbers rcx, rdx, r11.
        // The count is cached in the header; the loop that counts is the typed routine
        // %count-code-points (Library/30-strings.zl), called only the first time.
        Define("string-count");
        var uncounted = asm.CreateLabel();
        asm.mov(rax, __qword_ptr[rdi - ValueTags.PointerTag]);
        asm.shr(rax, HeaderCountShift);
        asm.jz(uncounted);
        asm.dec(rax);
        asm.ret();
        asm.Bind(ref uncounted);
        // A typed routine may use every System V scratch register; this routine's callers keep
        // values in the ones its contract spares.
        AssemblerRegister64[] kept = [rdi, rsi, r8, r9, r10];
        foreach (var register in kept)
        {
            asm.push(register);
        }

        asm.call(Label("%count-code-points"));
        for (var i = kept.Length - 1; i >= 0; i--)
        {
            asm.pop(kept[i]);
        }

        asm.ret();

        // string-offset(rdi = string, rsi = raw code-point index ≤ count) → rax = the byte offset
        // where that code point starts. Clobbers rcx, rdx, r11.
        Define("string-offset");
        asm.call(Label("string-count"));
        var scan = asm.CreateLabel();
        asm.cmp(rax, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.jne(scan);
        asm.mov(rax, rsi);
        asm.ret();
        asm.Bind(ref scan);
        asm.lea(rdx, __[rdi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.mov(rcx, rsi);
        asm.xor(eax, eax);
        var step = asm.CreateLabel();
        var skip = asm.CreateLabel();
        var stepped = asm.CreateLabel();
        var found = asm.CreateLabel();
        asm.Bind(ref step);
        asm.test(rcx, rcx);
        asm.jz(found);
        asm.inc(rax);
        asm.Bind(ref skip);
        asm.cmp(rax, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.jae(stepped);
        asm.movzx(r11d, __byte_ptr[rdx + rax]);
        asm.and(r11d, 0xC0);
        asm.cmp(r11d, 0x80);
        asm.jne(stepped);
        asm.inc(rax);
        asm.jmp(skip);
        asm.Bind(ref stepped);
        asm.dec(rcx);
        asm.jmp(step);
        asm.Bind(ref found);
        asm.ret();

        // byte-substring(rdi = string, rsi = byte offset, rdx = byte length of whole code points) → a new string.
        Define("byte-substring");
        asm.push(rdi);
        asm.push(rsi);
        asm.push(rdx);
        asm.lea(rdi, __[rdx + ObjectLayout.StringBytes]);
        asm.call(Label("alloc"));
        asm.pop(rdx);
        asm.pop(rsi);
        asm.pop(rdi);
        asm.mov(__qword_ptr[rax], (int)ObjectType.String);
        asm.mov(__qword_ptr[rax + ObjectLayout.StringLength], rdx);
        asm.lea(rsi, __[rdi + rsi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.lea(rdi, __[rax + ObjectLayout.StringBytes]);
        asm.mov(rcx, rdx);
        asm.mov(rdx, rax);
        asm.rep.movsb();
        asm.lea(rax, __[rdx + ValueTags.PointerTag]);
        asm.ret();

        // char-string(rdi = string, rsi = raw code-point index, in range) → the one-character string there.
        Define("char-string");
        asm.call(Label("string-offset"));
        asm.mov(rsi, rax);
        asm.movzx(ecx, __byte_ptr[rdi + rsi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        EmitSequenceWidth();
        asm.jmp(Label("byte-substring"));

        // string-seq(rdi = a non-empty string) → the list of its one-character strings, built from
        // the end backwards in one pass over the bytes.
        Define("string-seq");
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12, rdi);
        asm.mov(rbx, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.lea(r13, __[r14 + (data.EmptyList() + ValueTags.PointerTag)]);
        var next = asm.CreateLabel();
        var back = asm.CreateLabel();
        var start = asm.CreateLabel();
        var built = asm.CreateLabel();
        asm.Bind(ref next);
        asm.test(rbx, rbx);
        asm.jz(built);
        asm.lea(rsi, __[rbx - 1]);
        asm.Bind(ref back);
        asm.test(rsi, rsi);
        asm.jz(start);
        asm.movzx(ecx, __byte_ptr[r12 + rsi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.and(ecx, 0xC0);
        asm.cmp(ecx, 0x80);
        asm.jne(start);
        asm.dec(rsi);
        asm.jmp(back);
        asm.Bind(ref start);
        asm.mov(rdx, rbx);
        asm.sub(rdx, rsi);
        asm.mov(rbx, rsi);
        asm.mov(rdi, r12);
        asm.call(Label("byte-substring"));
        asm.mov(rsi, rax);
        asm.mov(rdi, r13);
        asm.call(Label("cons"));
        asm.mov(r13, rax);
        asm.jmp(next);
        asm.Bind(ref built);
        asm.mov(rax, r13);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();
    }

    /// <summary>rdx = the byte length of the UTF-8 sequence whose lead byte is in ecx.</summary>
    private void EmitSequenceWidth()
    {
        var known = asm.CreateLabel();
        asm.mov(edx, 1);
        asm.cmp(ecx, 0xC0);
        asm.jb(known);
        asm.inc(edx);
        asm.cmp(ecx, 0xE0);
        asm.jb(known);
        asm.inc(edx);
        asm.cmp(ecx, 0xF0);
        asm.jb(known);
        asm.inc(edx);
        asm.Bind(ref known);
    }
}
