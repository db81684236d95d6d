using System.Collections.Immutable;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The locals one body reads exactly once, whose frame slot a call may clear once the value is in
/// an argument register, so a frame does not keep a value alive for the whole call:
/// (reduce + (take n (range))) must not hold the head of the sequence it walks, or the collector
/// (which scans frames conservatively) keeps all of it. Clojure's compiler calls this locals
/// clearing. The lowering's temporaries (t1, t2 ...: ANF operands) always qualify: their one read
/// is their only use. With <c>namedLocals</c>, parameters and let locals qualify too when that one
/// read is outside every loop (a loop runs its reads again without assigning the local again), so
/// (defn f [s] (+ 1 (count s))) does not hold s while count walks it. Function-level recur assigns
/// every parameter before it runs the body again. A local a closure captures never qualifies.
/// </summary>
internal static class SingleUseTemps
{
    public static IReadOnlySet<LocalBinding> Of(ImmutableArray<LStmt> body, bool namedLocals = false)
    {
        var reads = new Dictionary<LocalBinding, int>(ReferenceEqualityComparer.Instance);
        var captured = new SlotSet();
        Count(body, reads, captured);
        var inLoops = new Dictionary<LocalBinding, int>(ReferenceEqualityComparer.Instance);
        if (namedLocals)
        {
            foreach (var statement in body)
            {
                CountInLoops(statement, inLoops);
            }
        }

        var once = new HashSet<LocalBinding>(ReferenceEqualityComparer.Instance);
        foreach (var (binding, count) in reads)
        {
            if (count == 1 && !captured.Contains(binding.Slot)
                && (IsTemporary(binding) || (namedLocals && !inLoops.ContainsKey(binding))))
            {
                once.Add(binding);
            }
        }

        return once;
    }

    /// <summary>Counts, into <paramref name="reads"/>, the reads inside the loops of a statement.</summary>
    private static void CountInLoops(LStmt statement, Dictionary<LocalBinding, int> reads)
    {
        switch (statement)
        {
            case LoopStmt l:
                Count(l.Body, reads, new SlotSet());
                break;
            case IfStmt i:
                foreach (var inner in i.Then.Concat(i.Else))
                {
                    CountInLoops(inner, reads);
                }

                break;
            case TryStmt t:
                foreach (var inner in t.Body.Concat(t.Handler ?? []).Concat(t.Finally ?? []))
                {
                    CountInLoops(inner, reads);
                }

                break;
        }
    }

    /// <summary>A lowering temporary: no source span and the name the lowerer gives ("t" and a number).</summary>
    private static bool IsTemporary(LocalBinding binding) =>
        binding.Span is null && binding.Name.Length > 1 && binding.Name[0] == 't' && IsDigits(binding.Name, 1);

    private static bool IsDigits(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void Count(ImmutableArray<LStmt> statements, Dictionary<LocalBinding, int> reads, SlotSet captured)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case ExprStmt e:
                    Count(e.Value, reads, captured);
                    break;
                case AssignStmt a:
                    Count(a.Value, reads, captured);
                    break;
                case ReturnStmt r:
                    Count(r.Value, reads, captured);
                    break;
                case TailCallStmt t:
                    Count(t.Call, reads, captured);
                    break;
                case IfStmt i:
                    Count(i.Test, reads);
                    Count(i.Then, reads, captured);
                    Count(i.Else, reads, captured);
                    break;
                case LoopStmt l:
                    Count(l.Body, reads, captured);
                    break;
                case RecurStmt r:
                    foreach (var arg in r.Args)
                    {
                        Count(arg, reads);
                    }

                    break;
                case TryStmt t:
                    Count(t.Body, reads, captured);
                    Count(t.Handler ?? [], reads, captured);
                    Count(t.Finally ?? [], reads, captured);
                    break;
                case ThrowStmt t:
                    Count(t.Value, reads);
                    break;
            }
        }
    }

    private static void Count(LExpr expr, Dictionary<LocalBinding, int> reads, SlotSet captured)
    {
        switch (expr)
        {
            case Operand o:
                Count(o, reads);
                break;
            case CallExpr c:
                Count(c.Fn, reads);
                foreach (var arg in c.Args)
                {
                    Count(arg, reads);
                }

                break;
            case CollectionExpr c:
                foreach (var item in c.Items)
                {
                    Count(item, reads);
                }

                break;
            case DefExpr { Init: { } init }:
                Count(init, reads);
                break;
            case FnExpr f:
                // A closure copies the slots it captures when it is made: never clear those.
                foreach (var capture in f.Function.Captures)
                {
                    if (capture.SourceAccess == LocalAccess.Slot)
                    {
                        captured.Add(capture.SourceIndex);
                    }
                }

                break;
        }
    }

    private static void Count(Operand operand, Dictionary<LocalBinding, int> reads)
    {
        if (operand is LocalOperand local)
        {
            reads[local.Binding] = reads.GetValueOrDefault(local.Binding) + 1;
        }
    }

    /// <summary>
    /// Frame slots captured by some closure: a growing bit array rather than a HashSet&lt;int&gt;,
    /// whose code is not precompiled and was JIT-compiled in every native build.
    /// </summary>
    private sealed class SlotSet
    {
        private bool[] slots = new bool[16];

        public void Add(int slot)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(slot);
            if (slot >= slots.Length)
            {
                var larger = new bool[Math.Max(slot + 1, slots.Length * 2)];
                slots.CopyTo(larger, 0);
                slots = larger;
            }

            slots[slot] = true;
        }

        public bool Contains(int slot) => slot >= 0 && slot < slots.Length && slots[slot];
    }
}
