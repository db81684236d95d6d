using System.Collections.Immutable;
using Iced.Intel;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Where each local of a typed body lives (docs/design/native-typed.md, "Code shape"): a leaf
/// body (one that calls nothing: no typed call, no assembly routine, no system call) keeps its
/// busiest locals in caller-saved registers the code generator never uses as scratch, and needs no
/// frame when all of them fit. A body that calls keeps every local in its frame slot: a callee
/// would clobber caller-saved registers, and callee-saved ones are not restored when an error
/// unwinds past the frame that changed them (the runtime's throw restores rsp and rbp only).
/// </summary>
internal sealed partial class TypedBodyCompiler
{
    /// <summary>
    /// The registers a leaf's locals may live in: caller-saved, and never scratch in a leaf (rax,
    /// rcx are; rdi, rsi, r8 and r9 only carry arguments to calls, which a leaf makes none of; rdx
    /// is scratch only for a division and a memory access at a computed offset).
    /// </summary>
    private static readonly AssemblerRegister64[] LeafRegisters = [rdi, rsi, r8, r9, r10, r11, rdx];

    /// <summary>rdx's index in <see cref="LeafRegisters"/>: a home only where no division and no computed address offset needs it.</summary>
    private const int Rdx = 6;

    /// <summary>Each register-kept local's index in <see cref="LeafRegisters"/> (an int: a dictionary over Iced's structs is not precompiled).</summary>
    private readonly Dictionary<LocalBinding, int> registerHomes;

    /// <summary>The local's register, if it has one.</summary>
    private bool TryRegisterHome(LocalBinding local, out AssemblerRegister64 home)
    {
        if (registerHomes.TryGetValue(local, out var index))
        {
            home = LeafRegisters[index];
            return true;
        }

        home = default;
        return false;
    }

    private bool TryRegisterHome(Operand operand, out AssemblerRegister64 home)
    {
        if (operand is LocalOperand { Access: LocalAccess.Slot } local && !typed.IsFixed(local.Binding))
        {
            return TryRegisterHome(local.Binding, out home);
        }

        home = default;
        return false;
    }

    private AssemblerMemoryOperand Slot(int slot) =>
        hasFrame
            ? __qword_ptr[rbp + SlotOffset(slotBase + slot)]
            : throw new InvalidOperationException($"typed body of `{name}`: slot {slot} used in a body planned without a frame");

    private void LoadLocal(LocalBinding local, AssemblerRegister64 target)
    {
        if (TryRegisterHome(local, out var home))
        {
            if (home != target)
            {
                asm.mov(target, home);
            }
        }
        else
        {
            asm.mov(target, Slot(local.Slot));
        }
    }

    private void StoreLocal(LocalBinding local, AssemblerRegister64 source)
    {
        if (TryRegisterHome(local, out var home))
        {
            if (home != source)
            {
                asm.mov(home, source);
            }
        }
        else
        {
            asm.mov(Slot(local.Slot), source);
        }
    }

    /// <summary>
    /// Plans the frame of a body and of every body inlined into it (<see cref="TypedFunctions.IsInlinable"/>):
    /// each inlined function's slots come after the others', and when all of them together call
    /// nothing, each function's busiest locals get registers, busiest first (a use inside a loop
    /// counts eight times one outside it, per level), and the frame goes when every stored local
    /// got one. A temporary that goes from rax straight to its one reader (<see cref="ReadsFromRax"/>)
    /// is never stored, so it needs no home. An inlined function may use any register but those of
    /// the locals live while it runs: its host's locals live across the call (<see cref="InlineSites"/>),
    /// and those live across its host; a tail call's host is done with its locals. A
    /// parameter's own argument register is only ever its own home, so the prologue's moves never
    /// overwrite an argument not yet moved.
    /// </summary>
    private void PlanHomes()
    {
        var arity = typed.Arity;
        var members = new List<TypedBodyCompiler> { this };
        var index = new Dictionary<LArity, int>(ReferenceEqualityComparer.Instance) { [arity] = 0 };
        var sites = new List<List<InlineSite>>();
        var slots = arity.FrameSize;
        for (var m = 0; m < members.Count; m++)
        {
            var found = members[m].InlineSites(members[m].typed.Arity.Body);
            sites.Add(found);
            foreach (var site in found)
            {
                if (!index.ContainsKey(site.Callee.Arity))
                {
                    index[site.Callee.Arity] = members.Count;
                    frame.SlotBases[site.Callee.Arity] = slots;
                    slots += site.Callee.Arity.FrameSize;
                    members.Add(new TypedBodyCompiler(this, site.Name, site.Callee, returnTo: null));
                }
            }
        }

        frame.FrameBytes = ((8 + (8 * slots)) + 15) & ~15;
        foreach (var member in members)
        {
            if (!member.IsLeaf(member.typed.Arity.Body))
            {
                return;
            }
        }

        // Hosts before the functions they inline (the inlining graph has no cycle).
        var order = new List<int>();
        var visited = new bool[members.Count];
        void Visit(int m)
        {
            visited[m] = true;
            foreach (var site in sites[m])
            {
                var callee = index[site.Callee.Arity];
                if (!visited[callee])
                {
                    Visit(callee);
                }
            }

            order.Add(m);
        }

        Visit(0);
        order.Reverse();
        var rdxFree = true;
        foreach (var member in members)
        {
            rdxFree &= member.LeavesRdxAlone(member.typed.Arity.Body);
        }

        var live = new int[members.Count];
        if (!rdxFree)
        {
            Array.Fill(live, 1 << Rdx);
        }

        var unhomed = 0;
        foreach (var m in order)
        {
            members[m].PlanRegisters(excluded: live[m], root: m == 0, ref unhomed);
            foreach (var site in sites[m])
            {
                var across = 0;
                foreach (var local in site.LiveAcross)
                {
                    if (!site.Tail && registerHomes.TryGetValue(local, out var register))
                    {
                        across |= 1 << register;
                    }
                }

                live[index[site.Callee.Arity]] |= live[m] | across;
            }
        }

        frame.HasFrame = unhomed > 0;
    }

    /// <summary>
    /// Gives this function's stored locals registers not in <paramref name="excluded"/> (a mask over
    /// <see cref="LeafRegisters"/>), busiest first; counts the ones left in slots.
    /// </summary>
    private void PlanRegisters(int excluded, bool root, ref int unhomed)
    {
        var arity = typed.Arity;
        var weights = new Dictionary<LocalBinding, long>(ReferenceEqualityComparer.Instance);
        var order = new List<LocalBinding>();
        var stored = new HashSet<LocalBinding>(ReferenceEqualityComparer.Instance);
        void Note(LocalBinding local, int depth)
        {
            if (typed.IsFixed(local))
            {
                return;
            }

            if (!weights.ContainsKey(local))
            {
                order.Add(local);
            }

            weights[local] = weights.GetValueOrDefault(local) + (1L << Math.Min(3 * depth, 48));
        }

        foreach (var parameter in arity.Params)
        {
            Note(parameter, 0);
            stored.Add(parameter);
        }

        Weigh(arity.Body, 0, Note, stored);

        // Busiest first; a stable sort (equal weights keep their first appearance's order, so
        // parameters first). An insertion sort, not LINQ: few locals, and LINQ with a value-type
        // key is JIT-compiled in every build (not ReadyToRun).
        var ranked = new List<LocalBinding>();
        foreach (var local in order)
        {
            if (!stored.Contains(local))
            {
                continue;
            }

            var at = ranked.Count;
            while (at > 0 && weights[ranked[at - 1]] < weights[local])
            {
                at--;
            }

            ranked.Insert(at, local);
        }

        var free = new List<int>();
        for (var r = 0; r < LeafRegisters.Length; r++)
        {
            var reserved = root && ArgumentIndex(LeafRegisters[r]) is { } argument && argument < arity.Params.Length;
            if ((excluded & (1 << r)) == 0 && !reserved)
            {
                free.Add(r);
            }
        }

        // Two locals share a register when their ranges (below) do not overlap.
        var ranges = Ranges();
        var holders = new List<LocalBinding>[LeafRegisters.Length];
        bool Fits(int register, LocalBinding local)
        {
            foreach (var other in holders[register] ?? [])
            {
                if (ranges[other].From <= ranges[local].To && ranges[local].From <= ranges[other].To)
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var local in ranked)
        {
            var own = root && ParameterIndex(local) is { } p ? Array.IndexOf(LeafRegisters, ArgumentRegisters[p]) : -1;
            var home = own >= 0 && (excluded & (1 << own)) == 0 ? own : -1;
            for (var i = 0; home < 0 && i < free.Count; i++)
            {
                if (Fits(free[i], local))
                {
                    home = free[i];
                }
            }

            if (home < 0)
            {
                unhomed++;
                continue;
            }

            registerHomes[local] = home;
            (holders[home] ??= []).Add(local);
        }
    }

    /// <summary>
    /// Each local's range: the first and last statement (numbered in order, nested blocks included)
    /// that names it, widened to every loop around one of those statements (a recur runs the loop
    /// again), and to the whole body when it starts again from its top. Outside them the local's
    /// value is never read again, so another local may use its register: statements of the other
    /// branch of an if lie outside it, and control never goes back to an earlier statement but
    /// through a loop.
    /// </summary>
    private Dictionary<LocalBinding, LocalRange> Ranges()
    {
        var ranges = new Dictionary<LocalBinding, LocalRange>(ReferenceEqualityComparer.Instance);
        var loops = new List<LocalRange>();
        var position = 0;
        void Name(LocalBinding local)
        {
            ranges[local] = ranges.TryGetValue(local, out var range)
                ? new LocalRange(Math.Min(range.From, position), Math.Max(range.To, position))
                : new LocalRange(position, position);
        }

        void Walk(ImmutableArray<LStmt> block)
        {
            foreach (var statement in block)
            {
                position++;
                foreach (var operand in LoweredChildren.Operands(statement))
                {
                    if (operand is LocalOperand { Access: LocalAccess.Slot } local)
                    {
                        Name(local.Binding);
                    }
                }

                switch (statement)
                {
                    case AssignStmt a:
                        Name(a.Target);
                        break;
                    case RecurStmt r:
                        foreach (var target in r.Targets)
                        {
                            Name(target);
                        }

                        break;
                    case LoopStmt l:
                        foreach (var binding in l.Bindings)
                        {
                            Name(binding);
                        }

                        break;
                }

                var start = position;
                foreach (var inner in LoweredChildren.Blocks(statement))
                {
                    Walk(inner);
                }

                if (statement is LoopStmt)
                {
                    loops.Add(new LocalRange(start, position));
                }
            }
        }

        foreach (var parameter in typed.Arity.Params)
        {
            Name(parameter);
        }

        Walk(typed.Arity.Body);
        if (RestartsItself(typed.Arity.Body, inLoop: false))
        {
            loops.Add(new LocalRange(0, position));
        }

        // Widen to the loops around any statement in the range, until nothing changes (a loop
        // reached by widening may lie in a larger one).
        foreach (var local in new List<LocalBinding>(ranges.Keys))
        {
            var range = ranges[local];
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var loop in loops)
                {
                    if (loop.From <= range.To && range.From <= loop.To && (loop.From < range.From || loop.To > range.To))
                    {
                        range = new LocalRange(Math.Min(range.From, loop.From), Math.Max(range.To, loop.To));
                        changed = true;
                    }
                }
            }

            ranges[local] = range;
        }

        return ranges;
    }

    /// <summary>The first and last statement numbers of a local's range (<see cref="Ranges"/>).</summary>
    private sealed record LocalRange(int From, int To);

    private int? ParameterIndex(LocalBinding local)
    {
        var parameters = typed.Arity.Params;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (ReferenceEquals(parameters[i], local))
            {
                return i;
            }
        }

        return null;
    }

    private static int? ArgumentIndex(AssemblerRegister64 register)
    {
        var index = Array.IndexOf(ArgumentRegisters, register);
        return index < 0 ? null : index;
    }

    /// <summary>
    /// Weighs every local's reads and writes, and collects in <paramref name="stored"/> the locals
    /// some statement stores: the same decision <see cref="EmitStatement"/> makes for a temporary
    /// read from rax by the next statement, so a local is never planned out of a home it needs.
    /// </summary>
    private void Weigh(ImmutableArray<LStmt> statements, int depth, Action<LocalBinding, int> note, HashSet<LocalBinding> stored)
    {
        for (var i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            foreach (var operand in LoweredChildren.Operands(statement))
            {
                if (operand is LocalOperand { Access: LocalAccess.Slot } local)
                {
                    note(local.Binding, depth);
                }
            }

            switch (statement)
            {
                case AssignStmt a when !typed.IsFixed(a.Target):
                    note(a.Target, depth);
                    var next = i + 1 < statements.Length ? statements[i + 1] : null;
                    if (!(singleUseTemps.Contains(a.Target) && next is not null && ReadsFromRax(next, a.Target)))
                    {
                        stored.Add(a.Target);
                    }

                    break;
                case RecurStmt r:
                    foreach (var target in r.Targets)
                    {
                        note(target, depth);
                        stored.Add(target);
                    }

                    break;
                case LoopStmt l:
                    foreach (var binding in l.Bindings)
                    {
                        note(binding, depth + 1);
                    }

                    break;
            }

            var inner = statement is LoopStmt ? depth + 1 : depth;
            foreach (var block in LoweredChildren.Blocks(statement))
            {
                Weigh(block, inner, note, stored);
            }
        }
    }

    /// <summary>True when no statement needs rdx as scratch: no division, no memory access at an offset that is not a constant.</summary>
    private bool LeavesRdxAlone(ImmutableArray<LStmt> statements)
    {
        foreach (var statement in statements)
        {
            if (LoweredChildren.Expression(statement) is CallExpr { Fn: GlobalOperand global } call)
            {
                if (global.Var.Name is "quot" or "rem" or "mod" or "/"
                    || (typed.LowLevel && global.Var.Name is "%load-word" or "%load-byte" or "%store-word!" or "%store-byte!"
                        && call.Args.Length > 1 && !FitsImmediate(call.Args[1], out _)))
                {
                    return false;
                }
            }

            foreach (var block in LoweredChildren.Blocks(statement))
            {
                if (!LeavesRdxAlone(block))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when the body calls nothing that may clobber a caller-saved register (a jump to itself in tail position is no call).</summary>
    private bool IsLeaf(ImmutableArray<LStmt> statements)
    {
        foreach (var statement in statements)
        {
            var expression = LoweredChildren.Expression(statement);
            var tail = statement is TailCallStmt or ReturnStmt;
            if (expression is CallExpr call && !IsLeafCall(call, tail))
            {
                return false;
            }

            foreach (var block in LoweredChildren.Blocks(statement))
            {
                if (!IsLeaf(block))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool IsLeafCall(CallExpr call, bool tail)
    {
        if (call.Fn is LocalOperand { Access: LocalAccess.Self })
        {
            return tail;
        }

        if (call.Fn is not GlobalOperand global)
        {
            return false;
        }

        if (IsDirectCall(call))
        {
            // An inlined body's own calls are checked as the plan's member.
            return ctx.Typed.GlobalFunction(NativeLibrary.GlobalName(global.Var.Name)) is { } callee && IsInlined(callee);
        }

        return !(typed.LowLevel && global.Var.Name is "%alloc" or "%routine" or "%syscall" or "%copy-bytes!");
    }
}
