using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using Zylisp.Compiler.Clr.Emit;

namespace Zylisp.Compiler.Clr.Persist;

/// <summary>
/// Binds a form's persisted methods to the constant pools the emitter rebuilds from the form's IR
/// at load. The emitter walks the IR exactly as when the assembly was built, so the k-th method
/// it defines is the persisted method k of the group; its IL goes to a throwaway DynamicMethod
/// that is never compiled (emitting is cheap, the JIT is not).
/// </summary>
internal sealed class BindingSink(Type code, int group) : CodeSink
{
    private readonly Dictionary<MethodInfo, string> names = new(ReferenceEqualityComparer.Instance);

    public int Count => names.Count;

    public StringBuilder PoolShape { get; } = new();

    public override (MethodInfo Method, ILGenerator Il) Define(string name, Type returnType, Type[] parameters, bool optimizeAtOnce = false)
    {
        var scratch = new DynamicMethod(name, returnType, parameters, typeof(BindingSink).Module, skipVisibility: false);
        names.Add(scratch, PersistedNames.Method(group, names.Count));
        return (scratch, scratch.GetILGenerator());
    }

    public override Delegate? Bind(MethodInfo method, Type delegateType, object[] pool)
    {
        PersistedNames.AppendPoolShape(PoolShape, pool);
        var persisted = code.GetMethod(names[method], BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException("the persisted code has no method " + names[method]);
        return persisted.CreateDelegate(delegateType, pool);
    }
}
