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
    /// The printer itself is Zylisp: <c>%render(value, destination or 0 to only count, cursor, mode,
    /// depth 0)</c> → the cursor after the value, a typed routine in Library/80-printer.zl (<see cref="TypedRoutines"/>).
    /// One routine both measures and writes, so every printer allocates its string exactly once.
    /// What stays here: pr-str1, and the float printer's length for the measuring pass.
    /// </summary>
    private void EmitRendering()
    {
        // pr-str1(edi = mode, rsi = value) → the value rendered into a new string.
        Define("pr-str1");
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(r12d, edi);
        asm.mov(r13, rsi);
        CallRender(r13, destination: null, r12);
        asm.mov(rbx, rax);
        asm.lea(rdi, __[rax + ObjectLayout.StringBytes]);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.String);
        asm.mov(__qword_ptr[rax + ObjectLayout.StringLength], rbx);
        asm.mov(rbx, rax);
        CallRender(r13, __[rbx + ObjectLayout.StringBytes], r12);
        asm.lea(rax, __[rbx + ValueTags.PointerTag]);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        // float-text(rdi = float bits, rsi = buffer) → length; float-text-length(rdi = bits) → the
        // same length, written nowhere. A program that cannot make floats has no float printer,
        // and then the printer's float case is unreachable.
        Define("float-text");
        if (FloatsUsed)
        {
            asm.jmp(Label("format-double"));
        }
        else
        {
            asm.xor(eax, eax);
            asm.ret();
        }

        Define("float-text-length");
        if (FloatsUsed)
        {
            asm.sub(rsp, 40);
            asm.mov(rsi, rsp);
            asm.call(Label("format-double"));
            asm.add(rsp, 40);
        }
        else
        {
            asm.xor(eax, eax);
        }

        asm.ret();
    }

    /// <summary>
    /// Calls %render on <paramref name="value"/> at <paramref name="destination"/> (null: only count)
    /// with the mode in <paramref name="mode"/>; rax is the byte count.
    /// </summary>
    private void CallRender(AssemblerRegister64 value, AssemblerMemoryOperand? destination, AssemblerRegister64 mode)
    {
        asm.mov(rcx, mode);
        CallRender(value, destination);
    }

    private void CallRender(AssemblerRegister64 value, AssemblerMemoryOperand? destination, RenderMode mode)
    {
        asm.mov(ecx, (int)mode);
        CallRender(value, destination);
    }

    private void CallRender(AssemblerRegister64 value, AssemblerMemoryOperand? destination)
    {
        if (destination is { } d)
        {
            asm.lea(rsi, d);
        }
        else
        {
            asm.xor(esi, esi);
        }

        if (value != rdi)
        {
            asm.mov(rdi, value);
        }

        asm.xor(edx, edx);
        asm.xor(r8d, r8d);
        asm.call(Label("%render"));
    }
}
