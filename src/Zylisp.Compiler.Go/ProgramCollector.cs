using System.Text.RegularExpressions;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Runtime.Interpreter;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Go;

/// <summary>A whole program for an ahead-of-time build: its analyzed forms in run order, and its dialect.</summary>
public sealed record CollectedProgram(IReadOnlyList<TopLevel> Forms, Truthiness Truthiness, IReadOnlyList<Diagnostic> Diagnostics, SourceRegistry Sources)
{
    public bool Success => !Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Collects a program for compilation through the engine seam: the front end hands every
/// analyzed top-level form to <see cref="Recorder"/>, user forms and the prelude definitions
/// they require, in the order they would run. Only definitions execute (so macros and their
/// helpers work while expanding later forms, exactly as in <c>zylisp expand</c>); nothing else
/// runs, and output written by a definition at compile time is discarded.
/// </summary>
public static partial class ProgramCollector
{
    public static CollectedProgram Collect(string source, string file)
    {
        var recorder = new Recorder();
        var engine = new Engine(new EngineOptions
        {
            CreateExecutionEngine = () => recorder,
            Out = TextWriter.Null,
            WriteWarnings = false,
        });
        var result = engine.Eval(source, file);
        var slisp = file.EndsWith(".slisp", StringComparison.OrdinalIgnoreCase) || SlispDirective().IsMatch(source);
        return new CollectedProgram(recorder.Forms, slisp ? Truthiness.Slisp : Truthiness.Clojure, result.Diagnostics, engine.Sources);
    }

    [GeneratedRegex(@"^\s*\(dialect\s+:slisp\s*\)", RegexOptions.Multiline)]
    private static partial Regex SlispDirective();

    /// <summary>Records forms in order; runs definitions with the interpreter and skips everything else.</summary>
    private sealed class Recorder : IExecutionEngine
    {
        private static readonly Keyword MacroKey = Keyword.Of("macro");
        private readonly InterpreterEngine interpreter = new();

        public List<TopLevel> Forms { get; } = [];

        public string Name => "go-collect";

        public object? Execute(TopLevel form, RunContext ctx)
        {
            if (form.Body is DefNode def)
            {
                // Macros are expanded before any backend; only their effect at compile time matters.
                if (def.Meta.Get(MacroKey) is not true)
                {
                    Forms.Add(form);
                }

                return interpreter.Execute(form, ctx);
            }

            Forms.Add(form);
            return null;
        }
    }
}
