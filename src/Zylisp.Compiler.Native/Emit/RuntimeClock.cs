using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The clock and the printers that return or divert their text: <c>%nano-time</c> (the prelude's
/// `time` reads it, and the library seeds its random numbers from it), <c>print-str</c>,
/// <c>prn-str</c>, and standard error for <c>%eprintln</c> (Library/65-misc.zl).
/// </summary>
internal sealed partial class RuntimeLibrary
{
    private const int SysClockGettime = 228;
    private const int ClockMonotonic = 1;

    private void RegisterClockPrimitives()
    {
        foreach (var name in new[] { "%nano-time", "print-str", "prn-str", "%println-str", "%write-stderr", "%string->keyword" })
        {
            Primitive(name, name);
        }
    }

    private void EmitClock()
    {
        // (%nano-time) → nanoseconds of the monotonic clock, a fixnum (62 bits last ~73 years).
        Define("%nano-time");
        Fixed("%nano-time", 0);
        asm.sub(rsp, 24);
        asm.mov(edi, ClockMonotonic);
        asm.mov(rsi, rsp);
        asm.mov(eax, SysClockGettime);
        asm.syscall();
        asm.imul(rax, __qword_ptr[rsp], 1_000_000_000);
        asm.add(rax, __qword_ptr[rsp + 8]);
        asm.add(rax, rax);
        asm.add(rsp, 24);
        asm.ret();

        EmitJoin("print-str", RenderMode.Print, separated: true, newline: false, writeOut: false);
        EmitJoin("prn-str", RenderMode.Readable, separated: true, newline: true, writeOut: false);
        EmitJoin("%println-str", RenderMode.Print, separated: true, newline: true, writeOut: false);

        // (%write-stderr s) → writes the string to standard error; nil.
        Define("%write-stderr");
        Fixed("%write-stderr", 1);
        asm.mov(rsi, rdi);
        asm.mov(edi, 2);
        asm.call(Label("write"));
        asm.mov(rax, ValueTags.Nil);
        asm.ret();
    }
}
