using System.Text;
using Zylisp.Lang.Data;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// A global cell. The analyzer resolves every global symbol to its Var once, so running code
/// reads <see cref="Value"/> without any name lookup. A Var exists before it is defined when code
/// refers to it first (forward references); until then it holds <see cref="Unbound"/>.
/// </summary>
public sealed class Var : IZylispPrintable
{
    /// <summary>The value of a Var that has been referred to but not defined yet.</summary>
    public static readonly object Unbound = new UnboundMarker();

    internal Var(string name) => Name = name;

    public string Name { get; }

    /// <summary>The current value, or <see cref="Unbound"/>.</summary>
    public object? Value { get; internal set; } = Unbound;

    public bool IsDefined => !ReferenceEquals(Value, Unbound);

    /// <summary>Metadata from the defining <c>def</c> (:doc, :arglists, :macro, :const), or empty.</summary>
    public PersistentMap Meta
    {
        // Null until a def sets it: a Var is made for every core primitive at engine start, and
        // not touching PersistentMap there keeps its generic instantiations out of start-up JIT.
        get => meta ?? PersistentMap.Empty;
        internal set => meta = value;
    }

    private PersistentMap? meta;

    public bool IsMacro { get; internal set; }

    /// <summary>True for the host primitives and prelude definitions loaded at engine start.</summary>
    public bool IsCore { get; internal set; }

    public string? Doc => meta?.Get(Keyword.Of("doc")) as string;

    public void Print(StringBuilder sb, bool readably)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.Append("#'").Append(Name);
    }

    public override string ToString() => "#'" + Name;

    private sealed class UnboundMarker
    {
        public override string ToString() => "#<unbound>";
    }
}
