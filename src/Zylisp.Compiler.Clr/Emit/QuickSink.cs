using System.Reflection;
using System.Reflection.Emit;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>
/// The quick tier's code (docs/design/il-backend.md, "The quick tier"): static methods marked
/// <see cref="MethodImplAttributes.NoOptimization"/> in a collectible assembly, which the JIT
/// compiles without optimizing (MinOpts), several times faster than the fully optimized
/// compilation every DynamicMethod gets. Each method is the one method of a type of its own, so
/// it can run as soon as it is finished; a new assembly is started every
/// <see cref="TypesPerAssembly"/> types, so code that is no longer referenced can be collected.
/// The IL is the IL an optimized DynamicMethod gets (it uses only public members, as persisted
/// code does); only the JIT's effort differs.
/// </summary>
internal sealed class QuickSink : CodeSink
{
    /// <summary>
    /// Types per collectible assembly: a whole assembly is collected only once none of its types
    /// is referenced, so fewer types keep less dead code alive, while each new assembly costs
    /// ~0.1 ms to define.
    /// </summary>
    private const int TypesPerAssembly = 256;

    private readonly Dictionary<MethodInfo, TypeBuilder> types = new(ReferenceEqualityComparer.Instance);
    private ModuleBuilder? module;

    public override bool Optimizes => false;
    private int typeCount;
    private int assemblyCount;

    public override (MethodInfo Method, ILGenerator Il) Define(string name, Type returnType, Type[] parameters, bool optimizeAtOnce = false)
    {
        if (module is null || typeCount == TypesPerAssembly)
        {
            var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("zylisp-quick-" + assemblyCount++), AssemblyBuilderAccess.RunAndCollect);
            module = assembly.DefineDynamicModule("quick");
            typeCount = 0;
        }

        var type = module.DefineType("q" + typeCount++, TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed);
        var method = type.DefineMethod("m", MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig, returnType, parameters);
        method.SetImplementationFlags(MethodImplAttributes.IL | MethodImplAttributes.NoOptimization);
        types.Add(method, type);
        return (method, method.GetILGenerator());
    }

    public override Delegate? Bind(MethodInfo method, Type delegateType, object[] pool)
    {
        if (!types.Remove(method, out var type))
        {
            throw new InvalidOperationException("the quick tier did not define " + method.Name);
        }

        var created = type.CreateType();
        var runnable = created.GetMethod("m", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException("the quick tier's type lost its method");
        return runnable.CreateDelegate(delegateType, pool);
    }
}
