using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Runtime.Interpreter;

namespace Zylisp.Lang.Compilation;

/// <summary>
/// The execution engine of an ahead-of-time build: it records every analyzed top-level form in
/// the order the pipeline hands them over (prelude definitions load just before the form that
/// needs them) and runs only definitions, on the interpreter, so that later macros can call
/// them. Everything else is left for the built program to run.
/// </summary>
internal sealed class ProgramCollector : IExecutionEngine
{
    private readonly InterpreterEngine interpreter = new();
    private readonly List<TopLevel> seen = [];

    public string Name => "collect";

    public IReadOnlyList<TopLevel> Seen => seen;

    public object? Execute(TopLevel form, RunContext ctx)
    {
        seen.Add(form);
        if (form.Body is not DefNode)
        {
            return null;
        }

        try
        {
            return interpreter.Execute(form, ctx);
        }
        catch (ZylispException)
        {
            // A definition that fails at compile time (it reads a file the program creates,
            // say) fails again, in the same way, when the built program runs it.
            return null;
        }
    }

    /// <summary>
    /// Splits what was seen into the program's own forms and the prelude definitions they reach
    /// (transitively, through each global's definition), keeping load order.
    /// </summary>
    public (List<TopLevel> Definitions, List<TopLevel> Forms) Partition(DefinitionTable table)
    {
        var forms = seen.Where(f => !IsPrelude(f)).ToList();
        var reached = new HashSet<TopLevel>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<TopLevel>(forms);
        while (pending.Count > 0)
        {
            foreach (var (global, _) in GlobalReferences.Of(pending.Pop().Body))
            {
                if (table.Of(global) is { } definition && IsPrelude(definition) && reached.Add(definition))
                {
                    pending.Push(definition);
                }
            }
        }

        return ([.. seen.Where(reached.Contains)], forms);
    }

    private static bool IsPrelude(TopLevel form) => form.Body.Span?.File == Prelude.PreludeSource.FileName;
}
