using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr.Runtime;

/// <summary>The compiled body of a fixed arity of 0-3 parameters; returns a value or the tail-call marker.</summary>
public delegate object? ArityBody0(ZFunction self, object?[] captured, RunContext ctx);

public delegate object? ArityBody1(ZFunction self, object?[] captured, RunContext ctx, object? a);

public delegate object? ArityBody2(ZFunction self, object?[] captured, RunContext ctx, object? a, object? b);

public delegate object? ArityBody3(ZFunction self, object?[] captured, RunContext ctx, object? a, object? b, object? c);

/// <summary>The compiled body of a variadic arity, or one with more than three parameters: the arguments come as an array.</summary>
public delegate object? ArityBodyN(ZFunction self, object?[] captured, RunContext ctx, object?[] args);

/// <summary>
/// A function value made by compiled code (the <c>il</c> engine): its shared
/// <see cref="CompiledTemplate"/> plus the values it captured. In the tiered engine, function
/// values stay the interpreter's and forward to the same template once hot.
/// </summary>
public sealed class CompiledFunction : ZFunction
{
    public CompiledFunction(CompiledTemplate template, object?[] captured)
    {
        Template = template;
        Captured = captured;
    }

    public CompiledTemplate Template { get; }

    /// <summary>The captured values, in the order of the fn's captures.</summary>
    public object?[] Captured { get; }

    public override string Name => Template.Name;

    public override bool AcceptsArgumentCount(int count) => Template.Accepts(count);

    public override Lang.Analysis.Arity? DeclaredArity
    {
        get
        {
            // Loops, not LINQ: Where/Select/ToList over ints are not precompiled, and this runs at
            // every definition (about fifteen methods JIT-compiled at the start of an il run).
            var arities = Template.Arities;
            int fixedCount = 0;
            int? restFrom = null;
            foreach (var arity in arities)
            {
                if (arity.HasRest)
                {
                    restFrom ??= arity.RequiredCount;
                }
                else
                {
                    fixedCount++;
                }
            }

            var fixedCounts = new int[fixedCount];
            int next = 0;
            foreach (var arity in arities)
            {
                if (!arity.HasRest)
                {
                    fixedCounts[next++] = arity.RequiredCount;
                }
            }

            return new(fixedCounts, restFrom);
        }
    }

    public override object? Invoke(RunContext ctx, object?[] args) => Template.Invoke(this, Captured, ctx, args);

    public override object? Invoke0(RunContext ctx) => Template.Invoke0(this, Captured, ctx);

    public override object? Invoke1(RunContext ctx, object? a) => Template.Invoke1(this, Captured, ctx, a);

    public override object? Invoke2(RunContext ctx, object? a, object? b) => Template.Invoke2(this, Captured, ctx, a, b);

    public override object? Invoke3(RunContext ctx, object? a, object? b, object? c) => Template.Invoke3(this, Captured, ctx, a, b, c);

    public override object? InvokeStep(RunContext ctx, object?[] args) => Template.InvokeStep(this, Captured, ctx, args);
}
