using Iced.Intel;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Leaves out the runtime routines a program never reaches, so a small program is a small
/// executable (every routine is emitted; most programs use a fraction of them). The program's own
/// code comes first in the instruction list and is always kept; the runtime follows, cut into
/// ranges at each routine's label. A range is kept when a kept instruction branches to, calls or
/// takes the address of (RIP-relative) any label inside it, or when the range before it is kept
/// and falls through into it.
/// </summary>
internal static class RoutinePruner
{
    // Arrays and Iced's own InstructionList only: framework collections over value types (a
    // Dictionary<ulong, int>, a Stack<int>, a List<Instruction>, LINQ over ints) have no
    // ReadyToRun code, and JIT-compiling them cost ~9 ms of every native build.

    /// <summary>The kept instructions, and for each original instruction index its index among them (-1 when left out).</summary>
    public static (InstructionList Kept, int[] NewIndex) Prune(IReadOnlyList<Instruction> instructions, Label[] routines)
    {
        var starts = RoutineStarts(routines);
        var reached = new bool[starts.Length];
        if (starts.Length > 0)
        {
            MarkReached(instructions, starts, reached);
        }

        var newIndex = new int[instructions.Count];
        var count = 0;
        for (var i = 0; i < instructions.Count; i++)
        {
            var range = RangeOf(starts, i);
            newIndex[i] = range >= 0 && !reached[range] ? -1 : count++;
        }

        var kept = new InstructionList(count);
        for (var i = 0; i < instructions.Count; i++)
        {
            if (newIndex[i] >= 0)
            {
                kept.Add(instructions[i]);
            }
        }

        return (kept, newIndex);
    }

    /// <summary>The distinct instruction indices of the bound routine labels, in order.</summary>
    private static int[] RoutineStarts(Label[] routines)
    {
        var indices = new int[routines.Length];
        var count = 0;
        foreach (var label in routines)
        {
            if (label.InstructionIndex >= 0)
            {
                indices[count++] = label.InstructionIndex;
            }
        }

        // Insertion sort: a few hundred routines, mostly bound in order already; Array.Sort<int>
        // and Array.Resize<int> would be JIT-compiled.
        for (var i = 1; i < count; i++)
        {
            var value = indices[i];
            var j = i - 1;
            for (; j >= 0 && indices[j] > value; j--)
            {
                indices[j + 1] = indices[j];
            }

            indices[j + 1] = value;
        }

        var distinct = 0;
        for (var i = 0; i < count; i++)
        {
            if (distinct == 0 || indices[distinct - 1] != indices[i])
            {
                indices[distinct++] = indices[i];
            }
        }

        var starts = new int[distinct];
        for (var i = 0; i < distinct; i++)
        {
            starts[i] = indices[i];
        }

        return starts;
    }

    private static void MarkReached(IReadOnlyList<Instruction> instructions, int[] starts, bool[] reached)
    {
        // The assembler gives a labelled instruction the label's id as its IP, and a branch or
        // RIP-relative operand to a label the label's id as its target, until encoding. Label ids
        // are small consecutive numbers, so an array maps them to instruction indices.
        ulong largestId = 0;
        for (var i = 0; i < instructions.Count; i++)
        {
            largestId = Math.Max(largestId, instructions[i].IP);
        }

        // labelled[id] = the instruction's index + 1, so that 0 means no instruction.
        var labelled = new int[largestId + 1];
        for (var i = 0; i < instructions.Count; i++)
        {
            if (instructions[i].IP != 0)
            {
                labelled[instructions[i].IP] = i + 1;
            }
        }

        var work = new int[starts.Length];
        var pending = 0;
        void Reach(int range)
        {
            if (range >= 0 && !reached[range])
            {
                reached[range] = true;
                work[pending++] = range;
            }
        }

        void Scan(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var instruction = instructions[i];
                for (var operand = 0; operand < instruction.OpCount; operand++)
                {
                    if (Target(instruction, operand) is var target and not 0 && target < (ulong)labelled.Length && labelled[target] is var index and > 0)
                    {
                        Reach(RangeOf(starts, index - 1));
                    }
                }
            }
        }

        Scan(0, starts[0]);
        while (pending > 0)
        {
            var range = work[--pending];
            var end = range + 1 < starts.Length ? starts[range + 1] : instructions.Count;
            Scan(starts[range], end);
            if (range + 1 < starts.Length && FallsThrough(instructions[end - 1]))
            {
                Reach(range + 1);
            }
        }
    }

    /// <summary>The label id an operand refers to (a branch target or a RIP-relative address), or 0.</summary>
    private static ulong Target(in Instruction instruction, int operand)
    {
        var kind = instruction.GetOpKind(operand);
        if (kind is OpKind.NearBranch64 or OpKind.NearBranch32 or OpKind.NearBranch16)
        {
            return instruction.NearBranchTarget;
        }

        return kind == OpKind.Memory && instruction.MemoryBase == Register.RIP ? instruction.MemoryDisplacement64 : 0;
    }

    private static bool FallsThrough(Instruction last) =>
        last.FlowControl is not (FlowControl.UnconditionalBranch or FlowControl.IndirectBranch or FlowControl.Return or FlowControl.Exception);

    /// <summary>The routine range holding instruction <paramref name="index"/>, or -1 in the program's own code.</summary>
    private static int RangeOf(int[] starts, int index)
    {
        // The last start at or before index (a hand-written search: Array.BinarySearch<int> is JIT-compiled).
        int low = 0, high = starts.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (starts[middle] <= index)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
