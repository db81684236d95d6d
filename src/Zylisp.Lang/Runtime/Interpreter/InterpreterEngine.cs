using Zylisp.Lang.Analysis;

namespace Zylisp.Lang.Runtime.Interpreter;

/// <summary>The tree-walking interpreter as an execution engine: builds executable nodes once per form and runs them. It is the oracle every other engine is checked against.</summary>
public sealed class InterpreterEngine : IExecutionEngine
{
    public string Name => "interp";

    public object? Execute(TopLevel form, RunContext ctx)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(ctx);
        var code = ExecBuilder.Build(form.Body);
        return code.Eval(new Frame(new Slot[form.FrameSize], null, ctx));
    }
}
