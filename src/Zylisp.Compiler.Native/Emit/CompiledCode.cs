using Iced.Intel;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>A compiled program before it is placed at an address: the assembler, its data and its named labels.</summary>
internal sealed class CompiledCode(Assembler asm, DataSection data, Label entry, Label start, Label bases, IReadOnlyList<NamedLabel> labelNames, Label[] routines, Label[] alignedEntries)
{
    public Assembler Asm { get; } = asm;

    public DataSection Data { get; } = data;

    /// <summary>zl_main: (writable base, read-only base, stack limit, process stack or 0) → exit status.</summary>
    public Label Entry { get; } = entry;

    /// <summary>The ELF entry point.</summary>
    public Label Start { get; } = start;

    /// <summary>Two words the ELF writer fills with the writable and read-only base addresses.</summary>
    public Label Bases { get; } = bases;

    /// <summary>Named labels in listing order: where two share an address, the first name is shown.</summary>
    public IReadOnlyList<NamedLabel> LabelNames { get; } = labelNames;

    /// <summary>
    /// Encodes the code for <paramref name="baseAddress"/>, without the runtime routines it never
    /// reaches (<see cref="RoutinePruner"/>), and its read-only data, without what only those
    /// routines referred to (<see cref="DataPruner"/>). Map these read-only bytes, never
    /// <see cref="DataSection.ReadOnlyBytes"/>: the code addresses them.
    /// </summary>
    public (byte[] Code, EncodedLabels Labels, byte[] ReadOnly) Assemble(ulong baseAddress)
    {
        var (kept, newIndex) = RoutinePruner.Prune(Asm.Instructions, routines);
        var readOnly = DataPruner.Prune(kept, Data);
        if (alignedEntries.Length > 0)
        {
            var (alignedCode, alignedLabels) = AssembleAligned(baseAddress, kept, newIndex);
            return (alignedCode, alignedLabels, readOnly);
        }

        var stream = new MemoryStream();
        var block = new InstructionBlock(new StreamCodeWriter(stream), kept, baseAddress);
        if (!BlockEncoder.TryEncode(64, block, out var error, out var result, BlockEncoderOptions.ReturnNewInstructionOffsets))
        {
            throw new InvalidOperationException("encoding the native code failed: " + error);
        }

        return (stream.ToArray(), new EncodedLabels(baseAddress, result.NewInstructionOffsets, newIndex), readOnly);
    }

    /// <summary>As <see cref="Assemble"/>, with the entries of <see cref="EntryAlignment"/> on 64-byte boundaries.</summary>
    private (byte[] Code, EncodedLabels Labels) AssembleAligned(ulong baseAddress, InstructionList kept, int[] newIndex)
    {
        var aligned = new int[alignedEntries.Length];
        for (var i = 0; i < aligned.Length; i++)
        {
            aligned[i] = newIndex[alignedEntries[i].InstructionIndex];
        }

        Array.Sort(aligned);
        var (code, offsets, paddedIndex) = EntryAlignment.Encode(kept, aligned, baseAddress);
        var finalIndex = new int[newIndex.Length];
        for (var i = 0; i < newIndex.Length; i++)
        {
            finalIndex[i] = newIndex[i] >= 0 ? paddedIndex[newIndex[i]] : -1;
        }

        return (code, new EncodedLabels(baseAddress, offsets, finalIndex));
    }
}

/// <summary>Where the labels of an encoded program ended up.</summary>
internal sealed class EncodedLabels(ulong baseAddress, uint[] offsets, int[] newIndex)
{
    /// <summary>The address of <paramref name="label"/>, or null when its code was left out (or it was never placed).</summary>
    public ulong? TryAddress(Label label) =>
        label.InstructionIndex >= 0 && label.InstructionIndex < newIndex.Length && newIndex[label.InstructionIndex] is var index and >= 0
            ? baseAddress + offsets[index]
            : null;

    public ulong Address(Label label) =>
        TryAddress(label) ?? throw new ArgumentException($"label {label} has no code", nameof(label));
}
