using System.Text;
using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    /// <summary>How a value is rendered: as <c>str</c> shows it, as <c>print</c> does, or readably (<c>pr</c>).</summary>
    private enum RenderMode
    {
        Str = 0,
        Print = 1,
        Readable = 2,
    }

    /// <summary>
    /// render(rdi = value, rsi = destination or 0 to only count, edx = mode) → rax = byte count.
    /// One routine both measures and writes, so every printer allocates its string exactly once.
    /// </summary>
    private void EmitRendering()
    {
        const int Value = -32;
        const int Mode = -40;
        const int DigitsEnd = -41;
        Define("render");
        // A lazy seq or cons cell prints as the list of its items.
        var notLazy = asm.CreateLabel();
        var lazy = asm.CreateLabel();
        JumpIfLazy(rdi, lazy);
        asm.jmp(notLazy);
        asm.Bind(ref lazy);
        asm.push(rsi);
        asm.push(rdx);
        asm.sub(rsp, 8);
        asm.mov(rsi, -1);
        asm.call(Label("to-list"));
        asm.add(rsp, 8);
        asm.pop(rdx);
        asm.pop(rsi);
        asm.mov(rdi, rax);
        asm.Bind(ref notLazy);
        asm.push(rbp);
        asm.mov(rbp, rsp);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.sub(rsp, 72);
        asm.mov(__qword_ptr[rbp + Value], rdi);
        asm.mov(__qword_ptr[rbp + Mode], rdx);
        asm.mov(r12, rsi);
        asm.xor(r13d, r13d);
        var done = asm.CreateLabel();

        // Integers: digits written backwards into the frame, then copied.
        var notFixnum = asm.CreateLabel();
        asm.test(dil, 1);
        asm.jnz(notFixnum);
        asm.mov(rax, rdi);
        asm.sar(rax, 1);
        var integerDigits = asm.CreateLabel();
        asm.Bind(ref integerDigits);
        asm.mov(r8, rax);
        var positive = asm.CreateLabel();
        asm.test(rax, rax);
        asm.jns(positive);
        asm.neg(rax);
        asm.Bind(ref positive);
        asm.lea(rdi, __[rbp + DigitsEnd]);
        asm.mov(r9d, 10);
        var digit = asm.CreateLabel();
        asm.Bind(ref digit);
        asm.xor(edx, edx);
        asm.div(r9);
        asm.add(dl, (byte)'0');
        asm.dec(rdi);
        asm.mov(__byte_ptr[rdi], dl);
        asm.test(rax, rax);
        asm.jnz(digit);
        var unsigned = asm.CreateLabel();
        asm.test(r8, r8);
        asm.jns(unsigned);
        asm.dec(rdi);
        asm.mov(__byte_ptr[rdi], (byte)'-');
        asm.Bind(ref unsigned);
        asm.mov(rsi, rdi);
        asm.lea(rcx, __[rbp + DigitsEnd]);
        asm.sub(rcx, rdi);
        Put();
        asm.jmp(done);

        asm.Bind(ref notFixnum);
        var notBoxedInteger = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.BoxedInteger, notBoxedInteger);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.BoxedIntegerValue - ValueTags.PointerTag)]);
        asm.jmp(integerDigits);
        asm.Bind(ref notBoxedInteger);
        if (FloatsUsed)
        {
            // Floats print the same in every mode, into a 32-byte buffer at the bottom of the frame.
            var notFloat = asm.CreateLabel();
            JumpUnlessType(rdi, ObjectType.Float, notFloat);
            asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.FloatBits - ValueTags.PointerTag)]);
            asm.lea(rsi, __[rbp - 96]);
            asm.call(Label("format-double"));
            asm.mov(rcx, rax);
            asm.lea(rsi, __[rbp - 96]);
            Put();
            asm.jmp(done);
            asm.Bind(ref notFloat);
            asm.mov(rdi, __qword_ptr[rbp + Value]);
        }

        var notNil = asm.CreateLabel();
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.jne(notNil);
        asm.cmp(__qword_ptr[rbp + Mode], (int)RenderMode.Str);
        asm.je(done);
        PutText("nil");
        asm.jmp(done);
        asm.Bind(ref notNil);
        foreach (var (value, text) in new[] { (ValueTags.True, "true"), (ValueTags.False, "false") })
        {
            var next = asm.CreateLabel();
            asm.cmp(rdi, (int)value);
            asm.jne(next);
            PutText(text);
            asm.jmp(done);
            asm.Bind(ref next);
        }

        // Strings: raw, or quoted with the reader's escapes.
        var notString = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.String, notString);
        var quoted = asm.CreateLabel();
        asm.cmp(__qword_ptr[rbp + Mode], (int)RenderMode.Readable);
        asm.je(quoted);
        asm.lea(rsi, __[rdi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        Put();
        asm.jmp(done);
        asm.Bind(ref quoted);
        PutText("\"");
        asm.xor(ebx, ebx);
        var nextByte = asm.CreateLabel();
        var bytesDone = asm.CreateLabel();
        asm.Bind(ref nextByte);
        asm.mov(rdi, __qword_ptr[rbp + Value]);
        asm.cmp(rbx, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.jae(bytesDone);
        asm.lea(rsi, __[rdi + rbx + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.movzx(eax, __byte_ptr[rsi]);
        asm.inc(rbx);
        foreach (var (c, escape) in new[] { ('"', "\\\""), ('\\', "\\\\"), ('\n', "\\n"), ('\t', "\\t"), ('\r', "\\r") })
        {
            var next = asm.CreateLabel();
            asm.cmp(eax, c);
            asm.jne(next);
            PutText(escape);
            asm.jmp(nextByte);
            asm.Bind(ref next);
        }

        EmitUnicodeEscape(nextByte, DigitsEnd);
        asm.mov(ecx, 1);
        Put();
        asm.jmp(nextByte);
        asm.Bind(ref bytesDone);
        PutText("\"");
        asm.jmp(done);

        asm.Bind(ref notString);
        var notKeyword = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Keyword, notKeyword);
        PutText(":");
        asm.mov(rdi, __qword_ptr[rbp + Value]);
        asm.lea(rsi, __[rdi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        Put();
        asm.jmp(done);

        asm.Bind(ref notKeyword);
        var notSymbol = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Symbol, notSymbol);
        asm.lea(rsi, __[rdi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        Put();
        asm.jmp(done);

        asm.Bind(ref notSymbol);
        var notClosure = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Closure, notClosure);
        PutText("#<fn ");
        asm.mov(rdi, __qword_ptr[rbp + Value]);
        asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.ClosureName - ValueTags.PointerTag)]);
        asm.lea(rsi, __[rdi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        Put();
        PutText(">");
        asm.jmp(done);

        asm.Bind(ref notClosure);
        var notError = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Error, notError);
        // The interpreter's #error {:type :t, :message "m"}.
        PutText("#error {:type ");
        asm.mov(rdi, __qword_ptr[rbp + Value]);
        asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.ErrorType - ValueTags.PointerTag)]);
        RenderNested(rdi, RenderMode.Readable);
        PutText(", :message ");
        asm.mov(rdi, __qword_ptr[rbp + Value]);
        asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.ErrorMessage - ValueTags.PointerTag)]);
        RenderNested(rdi, RenderMode.Readable);
        PutText("}");
        asm.jmp(done);

        asm.Bind(ref notError);
        var notAtom = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Atom, notAtom);
        PutText("#<atom ");
        asm.mov(rdi, __qword_ptr[rbp + Value]);
        asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.AtomValue - ValueTags.PointerTag)]);
        RenderNested(rdi, RenderMode.Readable);
        PutText(">");
        asm.jmp(done);

        asm.Bind(ref notAtom);
        var notRegex = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Regex, notRegex);
        // #"..." when readable, the bare source otherwise; both strings are made with the pattern.
        var regexText = asm.CreateLabel();
        asm.mov(rdi, __qword_ptr[rdi + (RegexSource - ValueTags.PointerTag)]);
        asm.cmp(__qword_ptr[rbp + Mode], (int)RenderMode.Readable);
        asm.jne(regexText);
        asm.mov(rdi, __qword_ptr[rbp + Value]);
        asm.mov(rdi, __qword_ptr[rdi + (RegexReadable - ValueTags.PointerTag)]);
        asm.Bind(ref regexText);
        asm.lea(rsi, __[rdi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        Put();
        asm.jmp(done);

        asm.Bind(ref notRegex);
        var notRecord = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Record, notRecord);
        // #app.core.Point{:x 1, :y 2}: the type's name, then the fields as a map.
        PutText("#");
        asm.mov(rdi, __qword_ptr[rbp + Value]);
        asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.RecordType - ValueTags.PointerTag)]);
        asm.lea(rsi, __[rdi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.mov(rcx, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        Put();
        asm.mov(rdi, __qword_ptr[rbp + Value]);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.RecordFields - ValueTags.PointerTag)]);
        var keepRecordMode = asm.CreateLabel();
        asm.mov(rdx, __qword_ptr[rbp + Mode]);
        asm.cmp(edx, (int)RenderMode.Str);
        asm.jne(keepRecordMode);
        asm.mov(edx, (int)RenderMode.Readable);
        asm.Bind(ref keepRecordMode);
        RenderNestedWithMode(rax);
        asm.jmp(done);

        asm.Bind(ref notRecord);
        var notMap = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Map, notMap);
        PutText("{");
        asm.xor(ebx, ebx);
        var entry = asm.CreateLabel();
        var entriesDone = asm.CreateLabel();
        var firstEntry = asm.CreateLabel();
        asm.Bind(ref entry);
        asm.mov(rdi, __qword_ptr[rbp + Value]);
        asm.cmp(rbx, __qword_ptr[rdi + (ObjectLayout.MapCount - ValueTags.PointerTag)]);
        asm.jae(entriesDone);
        asm.test(rbx, rbx);
        asm.jz(firstEntry);
        PutText(", ");
        asm.Bind(ref firstEntry);
        foreach (var half in new[] { 0, 8 })
        {
            if (half == 8)
            {
                PutText(" ");
            }

            // rbx counts words of the entries (2 per entry), so entry word rbx*8 is the key.
            asm.mov(rdi, __qword_ptr[rbp + Value]);
            asm.mov(rax, __qword_ptr[rdi + (rbx * 8) + (ObjectLayout.MapEntries + half - ValueTags.PointerTag)]);
            var keepMapMode = asm.CreateLabel();
            asm.mov(rdx, __qword_ptr[rbp + Mode]);
            asm.cmp(edx, (int)RenderMode.Str);
            asm.jne(keepMapMode);
            asm.mov(edx, (int)RenderMode.Readable);
            asm.Bind(ref keepMapMode);
            RenderNestedWithMode(rax);
        }

        asm.add(rbx, 2);
        asm.jmp(entry);
        asm.Bind(ref entriesDone);
        PutText("}");
        asm.jmp(done);

        asm.Bind(ref notMap);
        foreach (var (type, open, close) in new[] { (ObjectType.Vector, "[", "]"), (ObjectType.List, "(", ")"), (ObjectType.Set, "#{", "}") })
        {
            var next = asm.CreateLabel();
            JumpUnlessType(rdi, type, next);
            PutText(open);
            asm.xor(ebx, ebx);
            var item = asm.CreateLabel();
            var itemsDone = asm.CreateLabel();
            var noSpace = asm.CreateLabel();
            asm.Bind(ref item);
            asm.mov(rdi, __qword_ptr[rbp + Value]);
            asm.lea(rax, __[rbx + rbx]);
            asm.cmp(rax, __qword_ptr[rdi + (8 - ValueTags.PointerTag)]);
            asm.jae(itemsDone);
            asm.test(rbx, rbx);
            asm.jz(noSpace);
            PutText(" ");
            asm.Bind(ref noSpace);
            asm.mov(rdi, __qword_ptr[rbp + Value]);
            asm.mov(rsi, rbx);
            asm.call(Label("nth-unchecked"));
            // Inside a collection, str renders readably; print keeps printing.
            var keepMode = asm.CreateLabel();
            asm.mov(rdx, __qword_ptr[rbp + Mode]);
            asm.cmp(edx, (int)RenderMode.Str);
            asm.jne(keepMode);
            asm.mov(edx, (int)RenderMode.Readable);
            asm.Bind(ref keepMode);
            RenderNestedWithMode(rax);
            asm.inc(rbx);
            asm.jmp(item);
            asm.Bind(ref itemsDone);
            PutText(close);
            asm.jmp(done);
            asm.Bind(ref next);
        }

        PutText("#<unknown>");
        asm.Bind(ref done);
        asm.mov(rax, r13);
        asm.lea(rsp, __[rbp - 24]);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.leave();
        asm.ret();

        // pr-str1(edi = mode, rsi = value) → the value rendered into a new string.
        Define("pr-str1");
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12d, edi);
        asm.mov(r13, rsi);
        asm.mov(rdi, r13);
        asm.xor(esi, esi);
        asm.mov(edx, r12d);
        asm.call(Label("render"));
        asm.mov(rbx, rax);
        asm.lea(rdi, __[rax + ObjectLayout.StringBytes]);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.String);
        asm.mov(__qword_ptr[rax + ObjectLayout.StringLength], rbx);
        asm.mov(rbx, rax);
        asm.mov(rdi, r13);
        asm.lea(rsi, __[rax + ObjectLayout.StringBytes]);
        asm.mov(edx, r12d);
        asm.call(Label("render"));
        asm.lea(rax, __[rbx + ValueTags.PointerTag]);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();
    }

    /// <summary>Renders the value in <paramref name="value"/> at the cursor with a fixed mode.</summary>
    private void RenderNested(AssemblerRegister64 value, RenderMode mode)
    {
        asm.mov(edx, (int)mode);
        RenderNestedWithMode(value);
    }

    /// <summary>Renders the value in <paramref name="value"/> at the cursor with the mode in edx.</summary>
    private void RenderNestedWithMode(AssemblerRegister64 value)
    {
        if (value != rdi)
        {
            asm.mov(rdi, value);
        }

        var counting = asm.CreateLabel();
        asm.xor(esi, esi);
        asm.test(r12, r12);
        asm.jz(counting);
        asm.lea(rsi, __[r12 + r13]);
        asm.Bind(ref counting);
        asm.call(Label("render"));
        asm.add(r13, rax);
    }

    /// <summary>Appends rcx bytes from rsi at the cursor (r12 + r13), or only counts them when r12 is 0.</summary>
    /// <summary>
    /// In a readable string (eax = the byte, rbx just past it, rsi at it), the interpreter's \uXXXX
    /// escapes: other control characters, and a lone surrogate (its three bytes, docs/design/native-strings.md).
    /// Falls through for any other byte.
    /// </summary>
    private void EmitUnicodeEscape(Label nextByte, int digitsEnd)
    {
        var plain = asm.CreateLabel();
        var escape = asm.CreateLabel();
        asm.cmp(eax, 0x20);
        asm.jb(escape);
        asm.cmp(eax, 0x7f);
        asm.je(escape);
        asm.cmp(eax, 0xED);
        asm.jne(plain);
        asm.movzx(ecx, __byte_ptr[rsi + 1]);
        asm.cmp(ecx, 0xA0);
        asm.jb(plain);
        asm.and(ecx, 0x3F);
        asm.shl(ecx, 6);
        asm.movzx(edx, __byte_ptr[rsi + 2]);
        asm.and(edx, 0x3F);
        asm.or(ecx, edx);
        asm.or(ecx, 0xD000);
        asm.mov(eax, ecx);
        asm.add(rbx, 2);
        asm.Bind(ref escape);
        var hex = data.String("0123456789ABCDEF") + ObjectLayout.StringBytes;
        asm.lea(rdi, __[rbp + (digitsEnd - 4)]);
        for (var k = 0; k < 4; k++)
        {
            asm.mov(edx, eax);
            if (k < 3)
            {
                asm.shr(edx, (byte)(12 - (4 * k)));
            }

            asm.and(edx, 0xF);
            asm.movzx(edx, __byte_ptr[r14 + rdx + hex]);
            asm.mov(__byte_ptr[rdi + k], dl);
        }

        PutText("\\u");
        asm.lea(rsi, __[rbp + (digitsEnd - 4)]);
        asm.mov(ecx, 4);
        Put();
        asm.jmp(nextByte);
        asm.Bind(ref plain);
    }

    private void Put()
    {
        var skip = asm.CreateLabel();
        asm.mov(rax, rcx);
        asm.test(r12, r12);
        asm.jz(skip);
        asm.lea(rdi, __[r12 + r13]);
        asm.rep.movsb();
        asm.Bind(ref skip);
        asm.add(r13, rax);
    }

    private void PutText(string text)
    {
        asm.lea(rsi, __[r14 + (data.String(text) + ObjectLayout.StringBytes)]);
        asm.mov(ecx, Encoding.UTF8.GetByteCount(text));
        Put();
    }
}
