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
    /// rcx and rdx are; rdi, rsi, r8 and r9 only carry arguments to calls, which a leaf makes none of).
    /// </summary>
    private static readonly AssemblerRegister64[] LeafRegisters = [rdi, rsi, r8, r9, r10, r11];

    private readonly Dictionary<LocalBinding, AssemblerRegister64> registerHomes = new(ReferenceEqualityComparer.Instance);

    /// <summary>False for a leaf whose locals all live in registers: no rbp frame at all.</summary>
    private bool hasFrame = true;

    /// <summary>The local's register, if it has one.</summary>
    private bool TryRegisterHome(LocalBinding local, out AssemblerRegister64 home) =>
        registerHomes.TryGetValue(local, out home);

    private bool TryRegisterHome(Operand operand, out AssemblerRegister64 home)
    {
        if (operand is LocalOperand { Access: LocalAccess.Slot } local && !typed.TryConstant(local.Binding, out _))
        {
            return registerHomes.TryGetValue(local.Binding, out home);
        }

        home = default;
        return false;
    }

    private AssemblerMemoryOperand Slot(int slot) =>
        hasFrame
            ? __qword_ptr[rbp + SlotOffset(slot)]
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
    /// Gives the body's busiest locals registers when it is a leaf, busiest first (a use inside a
    /// loop counts eight times one outside it, per level), and drops the frame when every stored
    /// local got one. A temporary that goes from rax straight to its one reader (<see cref="ReadsFromRax"/>)
    /// is never stored, so it needs no home. A parameter's own argument register is only ever its
    /// own home, so the prologue's moves never overwrite an argument not yet moved.
    /// </summary>
    private void PlanHomes()
    {
        var arity = typed.Arity;
        if (!IsLeaf(arity.Body))
        {
            return;
        }

        var weights = new Dictionary<LocalBinding, long>(ReferenceEqualityComparer.Instance);
        var order = new List<LocalBinding>();
        void Note(LocalBinding local, int depth)
        {
            if (typed.TryConstant(local, out _))
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
        }

        var stored = new HashSet<LocalBinding>(ReferenceEqualityComparer.Instance);
        foreach (var parameter in arity.Params)
        {
            stored.Add(parameter);
        }

        Weigh(arity.Body, 0, Note, stored);
        var candidates = new List<LocalBinding>();
        foreach (var local in order)
        {
            if (stored.Contains(local) && !typed.TryConstant(local, out _))
            {
                candidates.Add(local);
            }
        }

        // Busiest first; a stable sort (equal weights keep their first appearance's order, so
        // parameters first). An insertion sort, not LINQ: few locals, and LINQ with a value-type
        // key is JIT-compiled in every build (not ReadyToRun).
        var ranked = new List<LocalBinding>(candidates.Count);
        foreach (var local in candidates)
        {
            var at = ranked.Count;
            while (at > 0 && weights[ranked[at - 1]] < weights[local])
            {
                at--;
            }

            ranked.Insert(at, local);
        }
        var free = new List<AssemblerRegister64>();
        foreach (var register in LeafRegisters)
        {
            if (ArgumentIndex(register) is not { } index || index >= arity.Params.Length)
            {
                free.Add(register);
            }
        }

        var unhomed = 0;
        foreach (var local in ranked)
        {
            var own = ParameterIndex(local) is { } p && p < ArgumentRegisters.Length ? ArgumentRegisters[p] : (AssemblerRegister64?)null;
            if (own is { } register && Array.IndexOf(LeafRegisters, register) >= 0)
            {
                registerHomes[local] = register;
            }
            else if (free.Count > 0)
            {
                registerHomes[local] = free[0];
                free.RemoveAt(0);
            }
            else
            {
                unhomed++;
            }
        }

        hasFrame = unhomed > 0;
    }

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
                case AssignStmt a when !typed.TryConstant(a.Target, out _):
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

        if (call.Fn is not GlobalOperand global || IsDirectCall(call))
        {
            return false;
        }

        return !(typed.LowLevel && global.Var.Name is "%alloc" or "%routine" or "%syscall" or "%copy-bytes!");
    }
}
