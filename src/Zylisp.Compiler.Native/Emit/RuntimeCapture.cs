using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The host's part of with-out-str (the primitive <c>%with-captured-output</c>, written in
/// Library/85-capture.zl): the cell that names the innermost capture's buffer, the primitive that
/// swaps it, and the test in write that sends standard output to the buffer. The buffer itself
/// (growing, appending, the final string) is Zylisp.
/// </summary>
internal sealed partial class RuntimeLibrary
{
    /// <summary>
    /// False when the program cannot capture output (ProgramCompiler: the library's
    /// %with-captured-output is not reached): then write has no capture test and the buffer's
    /// routines are pruned. Sessions can eval anything, so they keep it.
    /// </summary>
    public bool CapturePossible { get; set; } = true;

    private void RegisterCapturePrimitives() => Primitive("%capture-swap!", "%capture-swap!");

    private void EmitCapture()
    {
        // (%capture-swap! buffer-or-nil) → the previous buffer, or nil: the library's
        // %with-captured-output installs its buffer and puts the outer one back in a finally.
        Define("%capture-swap!");
        Fixed("%capture-swap!", 1);
        asm.mov(rax, __qword_ptr[r15 + RuntimeCells.CaptureBuffer]);
        asm.xor(ecx, ecx);
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.cmove(rdi, rcx);
        asm.mov(__qword_ptr[r15 + RuntimeCells.CaptureBuffer], rdi);
        var had = asm.CreateLabel();
        asm.test(rax, rax);
        asm.jnz(had);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.Bind(ref had);
        asm.ret();
    }

    /// <summary>
    /// The start of write(edi = fd, rsi = string): standard output while a capture is running is
    /// appended to its buffer (the typed routine %capture-append) and write returns. The bytes go
    /// in as they are, before the U+FFFD pass, as the interpreter's capture keeps the string it
    /// printed. Keeps every register the system call path keeps.
    /// </summary>
    private void EmitCaptureTest()
    {
        if (!CapturePossible)
        {
            return;
        }

        var notCaptured = asm.CreateLabel();
        asm.cmp(edi, 1);
        asm.jne(notCaptured);
        asm.cmp(__qword_ptr[r15 + RuntimeCells.CaptureBuffer], 0);
        asm.je(notCaptured);
        AssemblerRegister64[] kept = [rdi, rsi, rdx, rcx, r8, r9, r10, r11];
        foreach (var register in kept)
        {
            asm.push(register);
        }

        // Eight registers and one pad: the call sees the stack as write's caller left it.
        asm.sub(rsp, 8);
        asm.mov(rdi, __qword_ptr[r15 + RuntimeCells.CaptureBuffer]);
        asm.call(Label("%capture-append"));
        asm.add(rsp, 8);
        for (var i = kept.Length - 1; i >= 0; i--)
        {
            asm.pop(kept[i]);
        }

        asm.ret();
        asm.Bind(ref notCaptured);
    }
}
