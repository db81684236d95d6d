using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Analysis;

/// <summary>A local visible in the current lexical scope, with the function that owns its slot.</summary>
internal sealed record LocalInfo(LocalBinding Binding, FunctionScope Owner, bool IsSelf);

/// <summary>
/// Analysis state for one function (or one top-level form): slot allocation for its frames and
/// the values it captures from enclosing functions. All arities of a fn share one capture list,
/// because they share one closure object.
/// </summary>
internal sealed class FunctionScope(FunctionScope? parent, string name)
{
    private readonly Dictionary<LocalBinding, int> captureIndex = [];

    public FunctionScope? Parent { get; } = parent;

    public string Name { get; } = name;

    public List<Capture> Captures { get; } = [];

    public int NextSlot { get; set; }

    /// <summary>Largest frame size needed so far by the arity being analyzed.</summary>
    public int FrameSize { get; set; }

    public LocalBinding NewLocal(string name, SourceSpan? span)
    {
        var binding = new LocalBinding(name, NextSlot++, span);
        FrameSize = Math.Max(FrameSize, NextSlot);
        return binding;
    }

    /// <summary>How code running in this function reaches <paramref name="local"/>, capturing it if needed.</summary>
    public (LocalAccess Access, int Index) Access(LocalInfo local)
    {
        if (local.Owner == this)
        {
            return local.IsSelf ? (LocalAccess.Self, 0) : (LocalAccess.Slot, local.Binding.Slot);
        }

        if (!captureIndex.TryGetValue(local.Binding, out int index))
        {
            // Parent is never null here: a local owned by another function is owned by an enclosing one.
            var (access, sourceIndex) = Parent!.Access(local);
            index = Captures.Count;
            Captures.Add(new Capture(local.Binding, access, sourceIndex));
            captureIndex.Add(local.Binding, index);
        }

        return (LocalAccess.Captured, index);
    }
}

/// <summary>Where a <c>recur</c> in the current position would jump, and whether one did.</summary>
internal sealed class RecurTarget(System.Collections.Immutable.ImmutableArray<LocalBinding> slots, string description)
{
    public System.Collections.Immutable.ImmutableArray<LocalBinding> Slots { get; } = slots;

    public string Description { get; } = description;

    public bool Used { get; set; }
}
