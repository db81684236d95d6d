using Iced.Intel;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Starts chosen functions on a 64-byte boundary by putting NOP bytes before them. Iced's block
/// encoder has no align directive, and where an instruction lands is known only after encoding
/// (a branch is 2 or 5 bytes depending on its distance), so this encodes, pads each chosen entry
/// by what its address is off, and encodes again until every entry is aligned (two rounds as a
/// rule; padding can lengthen a branch that spans it, and then a third fixes the shift).
/// Why: the raw body of a call-bound typed function (fib) ran 1.0× to 1.4× the time of an aligned
/// copy depending only on where it started (docs/benchmarks.md, "Native typed fib, second pass").
/// The padding is never executed: the code before an entry ends in a jump or a return.
/// </summary>
internal static class EntryAlignment
{
    public const int Boundary = 64;

    private const int MaxRounds = 4;

    /// <summary>Intel's recommended NOPs by length (1 to 9 bytes).</summary>
    private static readonly byte[][] Nops =
    [
        [],
        [0x90],
        [0x66, 0x90],
        [0x0F, 0x1F, 0x00],
        [0x0F, 0x1F, 0x40, 0x00],
        [0x0F, 0x1F, 0x44, 0x00, 0x00],
        [0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00],
        [0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00],
        [0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
        [0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
    ];

    /// <summary>
    /// Encodes <paramref name="instructions"/> at <paramref name="baseAddress"/> with the
    /// instructions at <paramref name="aligned"/> (ascending indices) on 64-byte boundaries.
    /// Returns the code, each instruction's offset, and for each input index its index in the
    /// padded list (the offsets are the padded list's).
    /// </summary>
    public static (byte[] Code, uint[] Offsets, int[] PaddedIndex) Encode(InstructionList instructions, int[] aligned, ulong baseAddress)
    {
        var pads = new int[aligned.Length];
        var (code, offsets, paddedIndex) = EncodeWith(instructions, aligned, pads, baseAddress);
        for (var round = 0; round < MaxRounds; round++)
        {
            // Each entry's shortfall, counting what the entries before it gain in this round.
            var changed = false;
            var shift = 0L;
            for (var j = 0; j < aligned.Length; j++)
            {
                var at = (long)(baseAddress + offsets[paddedIndex[aligned[j]]]) + shift;
                var add = (int)((Boundary - (at % Boundary)) % Boundary);
                if (add != 0)
                {
                    pads[j] += add;
                    if (pads[j] >= Boundary)
                    {
                        pads[j] -= Boundary;
                        add -= Boundary;
                    }

                    shift += add;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }

            (code, offsets, paddedIndex) = EncodeWith(instructions, aligned, pads, baseAddress);
        }

        return (code, offsets, paddedIndex);
    }

    private static (byte[] Code, uint[] Offsets, int[] PaddedIndex) EncodeWith(InstructionList instructions, int[] aligned, int[] pads, ulong baseAddress)
    {
        var padded = new InstructionList(instructions.Count + (aligned.Length * 4));
        var paddedIndex = new int[instructions.Count];
        var next = 0;
        for (var i = 0; i < instructions.Count; i++)
        {
            if (next < aligned.Length && aligned[next] == i)
            {
                AddPadding(padded, pads[next]);
                next++;
            }

            paddedIndex[i] = padded.Count;
            padded.Add(instructions[i]);
        }

        var stream = new MemoryStream();
        var block = new InstructionBlock(new StreamCodeWriter(stream), padded, baseAddress);
        if (!BlockEncoder.TryEncode(64, block, out var error, out var result, BlockEncoderOptions.ReturnNewInstructionOffsets))
        {
            throw new InvalidOperationException("encoding the native code failed: " + error);
        }

        return (stream.ToArray(), result.NewInstructionOffsets, paddedIndex);
    }

    /// <summary>Adds <paramref name="bytes"/> bytes of NOPs as data directives (at most 16 bytes each).</summary>
    private static void AddPadding(InstructionList padded, int bytes)
    {
        while (bytes > 0)
        {
            var chunk = new byte[Math.Min(bytes, 9)];
            Nops[chunk.Length].CopyTo(chunk, 0);
            padded.Add(Instruction.CreateDeclareByte(chunk));
            bytes -= chunk.Length;
        }
    }
}
