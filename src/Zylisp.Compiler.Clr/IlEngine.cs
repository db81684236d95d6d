using Zylisp.Compiler.Clr.Persist;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Runtime.Interpreter;

namespace Zylisp.Compiler.Clr;

/// <summary>
/// The <c>il</c> engine: compiles every top-level form to IL before running it (or takes it from
/// the on-disk cache when given one). Macro definitions are the exception: a macro runs while code
/// is expanded, a few times, not as part of the program, so the interpreter defines it, as on the
/// tiered engine. Compiling the prelude's <c>defn</c> and <c>deffunc</c> alone cost ~25 ms of
/// start-up CPU (the JIT of their large bodies) in every run that used them.
/// Fresh code starts in the quick tier and hot fns are promoted to optimized code
/// (<see cref="IlCompiler(int)"/>; <paramref name="promotionThreshold"/> 0 compiles everything optimized at once).
/// </summary>
public sealed class IlEngine(CodeCache? cache = null, int promotionThreshold = IlCompiler.DefaultPromotionThreshold) : IExecutionEngine
{
    private static readonly Keyword MacroKey = Keyword.Of("macro");

    private readonly IlCompiler compiler = new(promotionThreshold);
    private readonly InterpreterEngine interpreter = new();

    public string Name => "il";

    /// <summary>The compiler, with its in-memory cache of compiled fns.</summary>
    public IlCompiler Compiler => compiler;

    public object? Execute(TopLevel form, RunContext ctx)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (IsMacroDefinition(form))
        {
            return interpreter.Execute(form, ctx);
        }

        var body = cache?.TryBind(form) ?? compiler.CompileTopLevel(form);
        return body(null!, [], ctx);
    }

    /// <summary>Whether the form is <c>(def name {:macro true …} (fn …))</c>, what <c>defmacro</c> expands to.</summary>
    internal static bool IsMacroDefinition(TopLevel form) =>
        form.Body is DefNode { Init: FnNode } definition && definition.Meta.Get(MacroKey) is true;
}
