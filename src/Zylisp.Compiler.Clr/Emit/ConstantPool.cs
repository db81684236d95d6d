namespace Zylisp.Compiler.Clr.Emit;

/// <summary>
/// The objects one compiled method refers to (Vars, constants, templates, spans). A DynamicMethod
/// cannot embed object references in its IL, so the method is a delegate closed over this array
/// and loads entry i with <c>ldarg.0; ldc.i4 i; ldelem.ref</c>.
/// </summary>
internal sealed class ConstantPool
{
    private readonly List<object> items = [];
    private readonly Dictionary<object, int> indexOf = new(ReferenceEqualityComparer.Instance);

    public int IndexOf(object value)
    {
        if (!indexOf.TryGetValue(value, out int index))
        {
            index = items.Count;
            items.Add(value);
            indexOf.Add(value, index);
        }

        return index;
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
