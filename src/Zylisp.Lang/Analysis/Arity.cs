using System.Collections.Immutable;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Runtime.Interpreter;

namespace Zylisp.Lang.Analysis;

/// <summary>
/// The argument counts a defined global function accepts, known before it runs: a primitive's
/// range, or a closure's arities. Used for the wrong-arity warning at the call (ZL3010), which
/// `zylisp run` reports when the file is analyzed and `zylisp lint` reports without running it.
/// </summary>
public sealed record Arity(IReadOnlyList<int> Fixed, int? RestFrom)
{
    /// <summary>The arity of a function value, or null for values whose arity is not known.</summary>
    public static Arity? Of(object? value) => value switch
    {
        Builtin b => b.MaxArity < 0 ? new Arity([], b.MinArity) : new Arity(CountsFrom(b.MinArity, b.MaxArity), null),
        Closure c => OfArities(c.Template.Arities),
        ZFunction { DeclaredArity: { } declared } => declared,
        _ => null,
    };

    // Loops rather than LINQ: the analyzer asks this at every call to a defined global, and on
    // `zylisp run` it is on the start-up path, where each LINQ-over-int instantiation is a method
    // ReadyToRun could not precompile (docs/design/cli-startup.md).
    private static int[] CountsFrom(int min, int max)
    {
        var counts = new int[max - min + 1];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = min + i;
        }

        return counts;
    }

    private static Arity OfArities(ImmutableArray<ArityCode> arities)
    {
        var fixedCounts = new List<int>(arities.Length);
        int? restFrom = null;
        foreach (var arity in arities)
        {
            if (!arity.HasRest)
            {
                fixedCounts.Add(arity.RequiredCount);
            }
            else
            {
                restFrom ??= arity.RequiredCount;
            }
        }

        return new Arity(fixedCounts, restFrom);
    }

    public bool Accepts(int count)
    {
        if (RestFrom is { } min && count >= min)
        {
            return true;
        }

        for (var i = 0; i < Fixed.Count; i++)
        {
            if (Fixed[i] == count)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How the accepted counts read in a message: "1", "1 or 2", "2 or more", "0, 1 or 3 or more".</summary>
    public string Describe()
    {
        var parts = Fixed.Order().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (RestFrom is { } min)
        {
            parts.Add(min.ToString(System.Globalization.CultureInfo.InvariantCulture) + " or more");
        }

        return parts.Count switch
        {
            0 => "no",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " or " + parts[^1],
        };
    }
}
