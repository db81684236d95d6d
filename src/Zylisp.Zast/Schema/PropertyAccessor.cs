using System.Reflection;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Schema;

/// <summary>Reads and writes one model property through delegates bound once, which is several times
/// faster than <see cref="PropertyInfo.GetValue(object)"/> on the writer's and builder's hot paths.
/// The typed getters let the writer read positions, nodes and lists without boxing.</summary>
internal abstract class PropertyAccessor
{
    public abstract object? Get(Node node);

    public abstract Pos GetPos(Node node);

    public abstract Node? GetNode(Node node);

    public abstract System.Collections.IList GetList(Node node);

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

    // For TValue = Pos the JIT compiles the box/unbox pair away; for reference types it is a cast.
    public override Pos GetPos(Node node) => (Pos)(object)_get((TNode)node)!;

    public override Node? GetNode(Node node) => (Node?)(object?)_get((TNode)node);

    public override System.Collections.IList GetList(Node node) => (System.Collections.IList)(object)_get((TNode)node)!;

    public override void Set(Node node, object? value) => _set((TNode)node, (TValue)value!);
}
