using System.Collections.Immutable;
using Zylisp.Compiler.Native.Emit;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Runtime.Interpreter;

namespace Zylisp.Compiler.Native;

/// <summary>The outcome of collecting a program: its forms, or the front end's diagnostics.</summary>
public sealed record CollectedProgram(NativeProgram? Program, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Collects a whole program for an ahead-of-time build through the engine seam: the front end
/// hands every analyzed top-level form, in order (prelude definitions as they are required, then
/// the user's forms), to a recording execution engine. Nothing of the program runs at compile
/// time except macro definitions and function definitions, which the interpreter evaluates so
/// later macros can expand. A stop-gap until the engine's own whole-program API lands on main.
/// </summary>
public static class ProgramCollector
{
    public static CollectedProgram Collect(string source, string file, ExitRule exit)
    {
        ArgumentNullException.ThrowIfNull(source);
        var recorder = new RecordingEngine();
        var engine = new Engine(new EngineOptions { CreateExecutionEngine = () => recorder });
        var result = engine.Eval(source, file);
        if (!result.Success)
        {
            return new CollectedProgram(null, result.Diagnostics);
        }

        // The dialect decides -main's exit status for booleans (SLisp's true exits 1).
        var truthiness = file.EndsWith(".slisp", StringComparison.OrdinalIgnoreCase) ? Truthiness.Slisp : Truthiness.Clojure;

        var lowered = ReachableForms(recorder.Forms.Select(Lowerer.Lower).ToList());
        return new CollectedProgram(new NativeProgram(lowered, truthiness, exit), result.Diagnostics);
    }

    /// <summary>
    /// The user's forms plus only the prelude definitions they reach: the require step may load a
    /// definition that is never used (a name mentioned in quoted data, a redefined core name).
    /// </summary>
    private static ImmutableArray<LTopLevel> ReachableForms(List<LTopLevel> forms)
    {
        static Var? Defines(LTopLevel form) =>
            form.Body is [.., ReturnStmt { Value: DefExpr def }] ? def.Var : null;

        static bool IsPrelude(LTopLevel form) =>
            Defines(form) is not null && form.Body.Any(s => s.Span?.File == "<prelude>");

        var reachable = new HashSet<Var>();
        var pending = new Queue<LTopLevel>(forms.Where(f => !IsPrelude(f)));
        var included = new HashSet<LTopLevel>(ReferenceEqualityComparer.Instance);
        var byVar = forms.Where(IsPrelude).GroupBy(f => Defines(f)!).ToDictionary(g => g.Key, g => g.ToList());
        while (pending.TryDequeue(out var form))
        {
            if (!included.Add(form))
            {
                continue;
            }

            var references = new HashSet<Var>();
            DefinitionFinder.References(form.Body, references);
            foreach (var var in references.Where(reachable.Add))
            {
                foreach (var definition in byVar.GetValueOrDefault(var) ?? [])
                {
                    pending.Enqueue(definition);
                }
            }
        }

        return [.. forms.Where(included.Contains)];
    }

    private sealed class RecordingEngine : IExecutionEngine
    {
        private static readonly Keyword MacroKey = Keyword.Of("macro");
        private readonly InterpreterEngine interpreter = new();

        public List<TopLevel> Forms { get; } = [];

        public string Name => "native";

        public object? Execute(TopLevel form, RunContext ctx)
        {
            if (form.Body is DefNode def)
            {
                var isMacro = def.Meta.Get(MacroKey) is true;
                if (!isMacro)
                {
                    Forms.Add(form);
                }

                // Definitions of functions and macros have no effects, and macros need them.
                if (isMacro || def.Init is FnNode or ConstNode)
                {
                    return interpreter.Execute(form, ctx);
                }

                return null;
            }

            if (form.Body is ConstNode { Value: null })
            {
                return null;
            }

            Forms.Add(form);
            return null;
        }
    }
}
