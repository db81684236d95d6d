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
        Builtin b => b.MaxArity < 0 ? new Arity(new List<int>(), b.MinArity) : new Arity(Counts(b.MinArity, b.MaxArity), null),
        Closure c => OfClosure(c),
        ZFunction { DeclaredArity: { } declared } => declared,
        _ => null,
    };

    // Loops filling a List<int>, not Enumerable.Range, LINQ over ints or an int[]: generic code
    // over int that ReadyToRun leaves to the JIT, in every process that analyzes a call.
    private static List<int> Counts(int from, int to)
    {
        var counts = new List<int>(to - from + 1);
        for (var n = from; n <= to; n++)
        {
            counts.Add(n);
        }

        return counts;
    }

    private static Arity OfClosure(Closure c)
    {
        var counts = new List<int>();
        int? restFrom = null;
        foreach (var arity in c.Template.Arities)
        {
            if (!arity.HasRest)
            {
                counts.Add(arity.RequiredCount);
            }
            else
            {
                restFrom ??= arity.RequiredCount;
            }
        }

        return new Arity(counts, restFrom);
    }

    public bool Accepts(int count) => Fixed.Contains(count) || (RestFrom is { } min && count >= min);

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
