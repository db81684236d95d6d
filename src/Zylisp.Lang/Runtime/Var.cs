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

    private object? root = Unbound;

    // Thread-local bindings of a dynamic var (binding), innermost first; null until the var is
    // declared ^:dynamic, so reading any other var costs one null check.
    private ThreadLocal<DynamicBinding?>? bindings;

    /// <summary>The current value, or <see cref="Unbound"/>: this thread's innermost binding of a dynamic var, else its root value.</summary>
    public object? Value
    {
        // Only a dynamic var pays for the thread-local lookup, kept out of line: compiled code
        // inlines this getter at every global read, and inlining ThreadLocal's too made each of
        // them cost JIT time for nothing (bench/il/latency).
        get => bindings is null ? root : DynamicValue();
        internal set
        {
            if (bindings?.Value is { } binding)
            {
                binding.Value = value;
            }
            else
            {
                root = value;
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private object? DynamicValue() => bindings!.Value is { } binding ? binding.Value : root;

    /// <summary>True for a var defined with ^:dynamic, which binding may rebind per thread.</summary>
    public bool IsDynamic => bindings is not null;

    /// <summary>Where the var was last defined (its :file and :line metadata), or null.</summary>
    public Syntax.SourceSpan? DefinedAt { get; internal set; }

    /// <summary>The text <see cref="DefinedAt"/> points into, kept when the var is defined (a REPL entry's text is replaced by the next).</summary>
    internal Syntax.SourceText? DefinedIn { get; set; }

    /// <summary>The source of the var's last definition, as written, or null when it has none (host primitives).</summary>
    public string? SourceCode =>
        DefinedAt is { } at && DefinedIn is { } text && at.EndOffset <= text.Text.Length ? text.Text[at.StartOffset..at.EndOffset] : null;

    /// <summary>Binds the dynamic var to <paramref name="value"/> on this thread until <see cref="PopBinding"/>.</summary>
    public void PushBinding(object? value)
    {
        var frames = bindings ?? throw new InvalidOperationException("not dynamic");
        frames.Value = new DynamicBinding(value, frames.Value);
    }

    /// <summary>Ends this thread's innermost binding of the var.</summary>
    public void PopBinding()
    {
        if (bindings?.Value is { } binding)
        {
            bindings.Value = binding.Outer;
        }
    }

    private sealed class DynamicBinding(object? value, DynamicBinding? outer)
    {
        public object? Value { get; set; } = value;

        public DynamicBinding? Outer { get; } = outer;
    }

    public bool IsDefined => !ReferenceEquals(Value, Unbound);

    /// <summary>Metadata from the defining <c>def</c> (:doc, :arglists, :macro, :const), or empty.</summary>
    public PersistentMap Meta
    {
        // Null until a def sets it: a Var is made for every core primitive at engine start, and
        // not touching PersistentMap there keeps its generic instantiations out of start-up JIT.
        get => meta ?? PersistentMap.Empty;
        internal set
        {
            meta = value;
            if (bindings is null && value.Get(DynamicKey) is true)
            {
                bindings = new ThreadLocal<DynamicBinding?>();
            }
        }
    }

    private static readonly Keyword DynamicKey = Keyword.Of("dynamic");

    private PersistentMap? meta;

    public bool IsMacro { get; internal set; }

    /// <summary>True for the host primitives and prelude definitions loaded at engine start.</summary>
    public bool IsCore { get; internal set; }

    /// <summary>True once <c>declare</c> named it: a definition made later (by <c>eval</c>, say) is expected, so no "never defined" warning.</summary>
    public bool IsDeclared { get; internal set; }

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
