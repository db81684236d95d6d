namespace Zylisp.Compiler.Clr.Emit;

/// <summary>
/// The objects one compiled method refers to (Vars, constants, templates, spans). A DynamicMethod
/// cannot embed object references in its IL, so the method is a delegate closed over this array
/// and loads entry i with <c>ldarg.0; ldc.i4 i; ldelem.ref</c>.
/// </summary>
internal sealed class ConstantPool
{
    private readonly List<object> items = [];
    // Indices are boxed in a class of ours: Dictionary<object, int>'s code is not precompiled in
    // the framework's ReadyToRun image, and its ten methods were JIT-compiled at the start of every
    // il run, while the reference-only instantiation is shared code that is.
    private readonly Dictionary<object, Index> indexOf = new(ReferenceEqualityComparer.Instance);

    public int IndexOf(object value)
    {
        if (!indexOf.TryGetValue(value, out var index))
        {
            index = new Index(items.Count);
            items.Add(value);
            indexOf.Add(value, index);
        }

        return index.Value;
    }

    private sealed class Index(int value)
    {
        public int Value { get; } = value;
    }

    /// <summary>Reserves an entry for an object that exists only after emission (the call-site table).</summary>
    public int Reserve()
    {
        items.Add(items);
        return items.Count - 1;
    }

    public void Fill(int index, object value) => items[index] = value;

    public object[] ToArray() => [.. items];
}
