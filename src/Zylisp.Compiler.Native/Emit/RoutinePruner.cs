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
    /// <summary>The kept instructions, and for each original instruction index its index among them (-1 when left out).</summary>
    public static (List<Instruction> Kept, int[] NewIndex) Prune(IReadOnlyList<Instruction> instructions, IEnumerable<Label> routines)
    {
        var starts = routines.Select(label => label.InstructionIndex).Where(index => index >= 0).Distinct().Order().ToArray();
        var reached = new bool[starts.Length];
        if (starts.Length > 0)
        {
            MarkReached(instructions, starts, reached);
        }

        var kept = new List<Instruction>(instructions.Count);
        var newIndex = new int[instructions.Count];
        for (var i = 0; i < instructions.Count; i++)
        {
            var range = RangeOf(starts, i);
            if (range >= 0 && !reached[range])
            {
                newIndex[i] = -1;
                continue;
            }

            newIndex[i] = kept.Count;
            kept.Add(instructions[i]);
        }

        return (kept, newIndex);
    }

    private static void MarkReached(IReadOnlyList<Instruction> instructions, int[] starts, bool[] reached)
    {
        // The assembler gives a labelled instruction the label's id as its IP, and a branch or
        // RIP-relative operand to a label the label's id as its target, until encoding.
        var labelled = new Dictionary<ulong, int>();
        for (var i = 0; i < instructions.Count; i++)
        {
            if (instructions[i].IP != 0)
            {
                labelled[instructions[i].IP] = i;
            }
        }

        var work = new Stack<int>();
        void Reach(int range)
        {
            if (range >= 0 && !reached[range])
            {
                reached[range] = true;
                work.Push(range);
            }
        }

        void Scan(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                foreach (var target in Targets(instructions[i]))
                {
                    if (labelled.TryGetValue(target, out var index))
                    {
                        Reach(RangeOf(starts, index));
                    }
                }
            }
        }

        Scan(0, starts[0]);
        while (work.TryPop(out var range))
        {
            var end = range + 1 < starts.Length ? starts[range + 1] : instructions.Count;
            Scan(starts[range], end);
            if (range + 1 < starts.Length && FallsThrough(instructions[end - 1]))
            {
                Reach(range + 1);
            }
        }
    }

    private static IEnumerable<ulong> Targets(Instruction instruction)
    {
        for (var operand = 0; operand < instruction.OpCount; operand++)
        {
            var kind = instruction.GetOpKind(operand);
            if (kind is OpKind.NearBranch64 or OpKind.NearBranch32 or OpKind.NearBranch16)
            {
                yield return instruction.NearBranchTarget;
            }
            else if (kind == OpKind.Memory && instruction.MemoryBase == Register.RIP)
            {
                yield return instruction.MemoryDisplacement64;
            }
        }
    }

    private static bool FallsThrough(Instruction last) =>
        last.FlowControl is not (FlowControl.UnconditionalBranch or FlowControl.IndirectBranch or FlowControl.Return or FlowControl.Exception);

    /// <summary>The routine range holding instruction <paramref name="index"/>, or -1 in the program's own code.</summary>
    private static int RangeOf(int[] starts, int index)
    {
        var found = Array.BinarySearch(starts, index);
        return found >= 0 ? found : ~found - 1;
    }
}
