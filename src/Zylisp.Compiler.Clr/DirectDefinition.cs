using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Clr;

/// <summary>
/// A top-level <c>def</c> whose value needs no code of its own: a fn expression (compiled as
/// usual), a constant, or no value at all. Its method would only build the function object (or
/// load the constant) and call <see cref="OutOfLineRuntime.Define"/>, yet it cost a JIT
/// compilation and a type of its own, a quarter of a define-and-call's time
/// (docs/design/il-backend.md, "Definitions without a method"). So the compiler returns that
/// action itself, as Clojure's <c>Compiler.eval</c> runs a <c>DefExpr</c> after compiling its
/// fn. Only for in-process code: a persisted program keeps one method per top-level form.
/// </summary>
internal static class DirectDefinition
{
    /// <summary>The form's body, when it is such a definition; null for anything else.</summary>
    public static ArityBody0? TryCompile(IlCompiler compiler, TopLevel top)
    {
        if (top.Body is not DefNode definition)
        {
            return null;
        }

        var global = definition.Var;
        var meta = definition.Meta;
        switch (definition.Init)
        {
            case null:
                return (_, _, _) => OutOfLineRuntime.Define(global, false, null, meta);
            case ConstNode constant:
                object? value = constant.Value;
                return (_, _, _) => OutOfLineRuntime.Define(global, true, value, meta);
            case FnNode { Captures.IsEmpty: true } fn:
                // Compiled now, as the emitter compiles a nested fn while emitting its parent;
                // each run of the form makes a new function value, as the method would.
                var template = compiler.CompileFunction(fn);
                return (_, _, _) => OutOfLineRuntime.Define(global, true, new CompiledFunction(template, []), meta);
            default:
                return null;
        }
    }
}
