using Iced.Intel;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>A compiled program before it is placed at an address: the assembler, its data and its named labels.</summary>
internal sealed class CompiledCode(Assembler asm, DataSection data, Label entry, Label start, Label bases, IReadOnlyDictionary<Label, string> labelNames)
{
    public Assembler Asm { get; } = asm;

    public DataSection Data { get; } = data;

    /// <summary>zl_main: (writable base, read-only base, stack limit, process stack or 0) → exit status.</summary>
    public Label Entry { get; } = entry;

    /// <summary>The ELF entry point.</summary>
    public Label Start { get; } = start;

    /// <summary>Two words the ELF writer fills with the writable and read-only base addresses.</summary>
    public Label Bases { get; } = bases;

    public IReadOnlyDictionary<Label, string> LabelNames { get; } = labelNames;

    /// <summary>Encodes the code for <paramref name="baseAddress"/>; returns the bytes and the result for label addresses.</summary>
    public (byte[] Code, AssemblerResult Result) Assemble(ulong baseAddress)
    {
        var stream = new MemoryStream();
        var result = Asm.Assemble(new StreamCodeWriter(stream), baseAddress, BlockEncoderOptions.ReturnNewInstructionOffsets);
        return (stream.ToArray(), result);
    }
}
