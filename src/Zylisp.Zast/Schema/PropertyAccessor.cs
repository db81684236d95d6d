using System.Reflection;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Schema;

/// <summary>Reads and writes one model property through delegates bound once, which is several times
/// faster than <see cref="PropertyInfo.GetValue(object)"/> on the writer's and builder's hot paths.</summary>
internal abstract class PropertyAccessor
{
    public abstract object? Get(Node node);

    public abstract void Set(Node node, object? value);

    public static PropertyAccessor For(PropertyInfo property) =>
        (PropertyAccessor)Activator.CreateInstance(
            typeof(PropertyAccessor<,>).MakeGenericType(property.DeclaringType!, property.PropertyType), property)!;
}

internal sealed class PropertyAccessor<TNode, TValue> : PropertyAccessor where TNode : Node
{
    private readonly Func<TNode, TValue> _get;
    private readonly Action<TNode, TValue> _set;

    public PropertyAccessor(PropertyInfo property)
    {
        _get = property.GetMethod!.CreateDelegate<Func<TNode, TValue>>();
        _set = property.SetMethod!.CreateDelegate<Action<TNode, TValue>>();
    }

    public override object? Get(Node node) => _get((TNode)node);

    public override void Set(Node node, object? value) => _set((TNode)node, (TValue)value!);
}
