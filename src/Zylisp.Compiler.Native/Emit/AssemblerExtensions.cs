using Iced.Intel;

namespace Zylisp.Compiler.Native.Emit;

internal static class AssemblerExtensions
{
    /// <summary>
    /// Places a label. Iced allows one label per instruction, and code generation often ends one
    /// block where another begins, so a second label at the same spot gets a one-byte nop to sit on.
    /// </summary>
    public static void Bind(this Assembler asm, ref Label label)
    {
        if (!asm.CurrentLabel.IsEmpty)
        {
            asm.nop();
        }

        asm.Label(ref label);
    }
}
