using Iced.Intel;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Leaves out the read-only data only left-out code referred to, after <see cref="RoutinePruner"/>:
/// the names, messages and keywords of the routines a program never reaches. An item of
/// <see cref="DataSection.Items"/> is kept when it is pinned or a kept instruction addresses it
/// through r14 (the read-only base); the kept items are packed in their order, and every
/// reference to one is moved by as much as the item moved.
/// </summary>
/// <remarks>
/// Code refers to read-only data in two ways only: a memory operand based on r14, whose
/// displacement lies inside the item (an object's offset plus the pointer tag or a field's
/// offset, a table's offset), and the immediate of the store that records the current error site,
/// <c>mov qword [r15 + CurrentSite], site</c> (sites are pinned). An r14 operand that lies in no
/// item is a compiler bug, reported rather than encoded wrong.
/// </remarks>
internal static class DataPruner
{
    /// <summary>Packs the read-only bytes for <paramref name="kept"/>, whose instructions it rewrites to the new offsets.</summary>
    public static byte[] Prune(InstructionList kept, DataSection data)
    {
        var bytes = data.ReadOnlyBytes();
        var items = data.Items;
        var live = new bool[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            live[i] = items[i].Pinned;
        }

        for (var i = 0; i < kept.Count; i++)
        {
            if (ReferenceOf(kept[i]) is var offset and >= 0)
            {
                live[ItemAt(items, offset)] = true;
            }
        }

        // New start of each kept item (-1 for a left-out one), packed in address order.
        var newStart = new int[items.Count];
        var size = 0;
        for (var i = 0; i < items.Count; i++)
        {
            newStart[i] = live[i] ? size : -1;
            size += live[i] ? items[i].End - items[i].Start : 0;
        }

        var packed = new byte[size];
        for (var i = 0; i < items.Count; i++)
        {
            if (live[i])
            {
                Array.Copy(bytes, items[i].Start, packed, newStart[i], items[i].End - items[i].Start);
            }
        }

        for (var i = 0; i < kept.Count; i++)
        {
            ref var instruction = ref kept[i];
            if (ReferenceOf(instruction) is var offset and >= 0)
            {
                var item = ItemAt(items, offset);
                Move(ref instruction, newStart[item] - items[item].Start);
            }
        }

        return packed;
    }

    /// <summary>The read-only offset an instruction refers to, or -1.</summary>
    private static long ReferenceOf(in Instruction instruction)
    {
        if (instruction.MemoryBase == Register.R14 && HasMemoryOperand(instruction))
        {
            return (long)instruction.MemoryDisplacement64;
        }

        return IsSiteStore(instruction) && instruction.GetImmediate(1) is var site and not 0 ? (long)site : -1;
    }

    private static bool HasMemoryOperand(in Instruction instruction)
    {
        for (var operand = 0; operand < instruction.OpCount; operand++)
        {
            if (instruction.GetOpKind(operand) == OpKind.Memory)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>mov qword [r15 + CurrentSite], imm32</c>: FunctionCompiler's and TypedBodyCompiler's SetSite.</summary>
    private static bool IsSiteStore(in Instruction instruction) =>
        instruction.Code == Code.Mov_rm64_imm32
        && instruction.Op0Kind == OpKind.Memory
        && instruction.MemoryBase == Register.R15
        && instruction.MemoryIndex == Register.None
        && (long)instruction.MemoryDisplacement64 == RuntimeCells.CurrentSite;

    private static void Move(ref Instruction instruction, int delta)
    {
        if (instruction.MemoryBase == Register.R14)
        {
            var displacement = (long)instruction.MemoryDisplacement64 + delta;
            instruction.MemoryDisplacement64 = (ulong)displacement;
            // Iced's sizes in 64-bit code: 1 for a disp8, 8 for a sign-extended disp32.
            instruction.MemoryDisplSize = displacement is >= sbyte.MinValue and <= sbyte.MaxValue ? 1 : 8;
        }
        else
        {
            instruction.SetImmediate(1, instruction.GetImmediate(1) + (ulong)(long)delta);
        }
    }

    /// <summary>The index of the item holding <paramref name="offset"/>.</summary>
    private static int ItemAt(IReadOnlyList<DataItem> items, long offset)
    {
        int low = 0, high = items.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (offset < items[middle].Start)
            {
                high = middle - 1;
            }
            else if (offset >= items[middle].End)
            {
                low = middle + 1;
            }
            else
            {
                return middle;
            }
        }

        throw new InvalidOperationException($"code refers to read-only offset {offset}, which lies in no read-only object");
    }
}
