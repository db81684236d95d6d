using System.Collections.Immutable;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Clr.Runtime;

/// <summary>One compiled arity: exactly one of the bodies is set, matching its shape.</summary>
public sealed class CompiledArity
{
    private readonly Delegate body;

    public CompiledArity(int requiredCount, bool hasRest, Delegate body)
    {
        RequiredCount = requiredCount;
        HasRest = hasRest;
        this.body = body;
    }

    public int RequiredCount { get; }

    public bool HasRest { get; }

    /// <summary>True when the body takes its arguments as one array (variadic, or more than three parameters).</summary>
    public bool TakesArray => HasRest || RequiredCount > 3;

    public Delegate Body => body;

    /// <summary>Runs the body with arguments from an array (already known to fit this arity).</summary>
    public object? Run(CompiledFunction self, RunContext ctx, object?[] args) => body switch
    {
        ArityBodyN n => n(self, ctx, args),
        ArityBody0 f0 => f0(self, ctx),
        ArityBody1 f1 => f1(self, ctx, args[0]),
        ArityBody2 f2 => f2(self, ctx, args[0], args[1]),
        ArityBody3 f3 => f3(self, ctx, args[0], args[1], args[2]),
        _ => throw new InvalidOperationException("unknown arity body " + body.GetType().Name),
    };
}

/// <summary>The shared, immutable part of every function value made by one compiled fn expression.</summary>
public sealed class CompiledTemplate
{
    public CompiledTemplate(string name, ImmutableArray<CompiledArity> arities)
    {
        Name = name;
        Arities = arities;
        foreach (var arity in arities)
        {
            switch (arity.Body)
            {
                case ArityBody0 b0:
                    Fixed0 = b0;
                    break;
                case ArityBody1 b1:
                    Fixed1 = b1;
                    break;
                case ArityBody2 b2:
                    Fixed2 = b2;
                    break;
                case ArityBody3 b3:
                    Fixed3 = b3;
                    break;
            }
        }
    }

    public string Name { get; }

    public ImmutableArray<CompiledArity> Arities { get; }

    public ArityBody0? Fixed0 { get; }

    public ArityBody1? Fixed1 { get; }

    public ArityBody2? Fixed2 { get; }

    public ArityBody3? Fixed3 { get; }

    /// <summary>The arity for <paramref name="count"/> arguments: an exact fixed one first, else the variadic one; else the interpreter's arity error.</summary>
    public CompiledArity Select(int count)
    {
        CompiledArity? variadic = null;
        foreach (var arity in Arities)
        {
            if (!arity.HasRest && arity.RequiredCount == count)
            {
                return arity;
            }

            if (arity.HasRest && count >= arity.RequiredCount)
            {
                variadic = arity;
            }
        }

        return variadic ?? throw RuntimeErrors.Arity(Name, count);
    }
}
