using System.Diagnostics.SymbolStore;
using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using Zylisp.Compiler.Clr.Emit;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Clr.Persist;

/// <summary>
/// Emits methods as public static methods of the persisted assembly's code type, named by form
/// group and emission order, with sequence points for its PDB. Nothing runs while building, so
/// it binds no delegates; it records the shape of each constant pool for the loader to check.
/// </summary>
internal sealed class PersistingSink(ModuleBuilder module, TypeBuilder type) : CodeSink
{
    private readonly Dictionary<string, ISymbolDocumentWriter> documents = new(StringComparer.Ordinal);
    private int group;

    public int Count { get; private set; }

    public StringBuilder PoolShape { get; private set; } = new();

    /// <summary>Starts the methods of the next top-level form.</summary>
    public void BeginGroup(int index)
    {
        group = index;
        Count = 0;
        PoolShape = new StringBuilder();
    }

    public override (MethodInfo Method, ILGenerator Il) Define(string name, Type returnType, Type[] parameters, bool optimizeAtOnce = false)
    {
        var method = type.DefineMethod(
            PersistedNames.Method(group, Count++),
            MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig,
            returnType,
            parameters);
        if (optimizeAtOnce)
        {
            // A persisted method is tiered like any other: a typed fib(38) ran its first ~100 ms
            // as Tier-0 code (call counting, then a background Tier-1 compile). Kernels skip that.
            method.SetImplementationFlags(MethodImplAttributes.IL | MethodImplAttributes.AggressiveOptimization);
        }

        return (method, method.GetILGenerator());
    }

    public override Delegate? Bind(MethodInfo method, Type delegateType, object[] pool)
    {
        PersistedNames.AppendPoolShape(PoolShape, pool);
        return null;
    }

    public override void MarkSource(ILGenerator il, SourceSpan? span)
    {
        if (span is null || span.Line < 1)
        {
            return;
        }

        if (!documents.TryGetValue(span.File, out var document))
        {
            document = module.DefineDocument(span.File);
            documents.Add(span.File, document);
        }

        int column = Math.Max(1, span.Column);
        // A sequence point on one line must end after it starts.
        bool ordered = span.EndLine > span.Line || (span.EndLine == span.Line && span.EndColumn > column);
        il.MarkSequencePoint(document, span.Line, column, ordered ? span.EndLine : span.Line, ordered ? span.EndColumn : column + 1);
    }
}
