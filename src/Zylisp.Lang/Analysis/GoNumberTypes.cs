using System.Collections.Immutable;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Analysis;

/// <summary>
/// Go's narrow number types in annotations (int8, int16, int32/rune, uint8/byte, uint16, uint32,
/// float32). Go's arithmetic on them wraps (or rounds) at every operation; Zylisp's integers are
/// 64 bits. So that every engine prints the same, the analyzer decides once which values have a
/// narrow type, and marks them with <c>(%narrow "int32" x)</c>, a prelude function that wraps
/// x to the type's range:
/// <list type="bullet">
/// <item>each read of a parameter annotated with the type (its value may come from anywhere);</item>
/// <item>each call of <c>+ - * inc dec</c> whose operands are all that type or integer literals
/// that fit it (nested calls count, so <c>(* (+ a b) c)</c> is int32 throughout);</item>
/// <item>the result of a function whose <c>(:return ...)</c> is the type.</item>
/// </list>
/// Everything else treats the value as a Zylisp integer: a let-bound copy, a mixed call such as
/// <c>(+ a n)</c> with <c>n</c> an integer, comparisons, <c>quot</c>. The go target compiles a
/// marked call to Go arithmetic on the Go type, which wraps the same way, and widens every other
/// use (<c>int(a)</c>). uint64, uint and uintptr keep all 64 bits, so they need no marks: they are
/// Zylisp integers with the same bits (signed comparisons and division). float32 rounds at every
/// operation, which only the go target computes: elsewhere it is ZL3012 at the annotation.
/// </summary>
internal static class GoNumberTypes
{
    /// <summary>The prelude function that wraps an integer to a narrow type's range.</summary>
    public const string Marker = "%narrow";

    public static bool IsNarrow(string type) => IsWrappingInteger(type) || type == "float32";

    private static bool IsWrappingInteger(string type) =>
        type is "int8" or "int16" or "int32" or "rune" or "uint8" or "byte" or "uint16" or "uint32";

    /// <summary>The narrow type a node is marked with, or null.</summary>
    public static string? TypeOf(Node node) =>
        node is InvokeNode { Fn: GlobalRefNode { Var.Name: Marker }, Args: [ConstNode { Value: string type }, _] } ? type : null;

    /// <summary>Whether the analyzer marks values of the annotated type.</summary>
    public static bool Admit(TypeAnnotation? annotation) => annotation is { Name: var type } && IsNarrow(type);

    /// <summary>float32 needs the go target: elsewhere it is ZL3012 at the annotation.</summary>
    public static void CheckEngine(Analyzer a, string type, object? where)
    {
        if (type == "float32" && a.Namespaces.EngineName != "go")
        {
            throw a.Error(DiagnosticIds.GoNumberTypeElsewhere, where, type, a.Namespaces.EngineName);
        }
    }

    /// <summary><c>(%narrow "type" node)</c>, in node's context; node itself becomes a value.</summary>
    public static Node Mark(Analyzer a, string type, Node node) =>
        new InvokeNode(
            new GlobalRefNode(a.ResolveGlobal(Marker, node.Span), NodeContext.Value, node.Span),
            [new ConstNode(type, NodeContext.Value, node.Span), WithContext(node, NodeContext.Value)],
            a.Scope.Name,
            node.Context == NodeContext.Tail ? NodeContext.Value : node.Context,
            node.Span);

    /// <summary>A call of + - * inc dec on one narrow type (and fitting literals), marked; any other call as it is.</summary>
    public static Node MarkArithmetic(Analyzer a, InvokeNode call)
    {
        if (call.Fn is not GlobalRefNode { Var.Name: "+" or "-" or "*" or "inc" or "dec" } || call.Args.Length == 0)
        {
            return call;
        }

        string? type = null;
        foreach (var arg in call.Args)
        {
            if (TypeOf(arg) is { } t)
            {
                if (type is not null && type != t)
                {
                    return call;
                }

                type = t;
            }
            else if (arg is not ConstNode { Value: long or double })
            {
                return call;
            }
        }

        if (type is null || call.Args.Any(arg => arg is ConstNode c && !Fits(type, c.Value)))
        {
            return call;
        }

        return Mark(a, type, call);
    }

    /// <summary>
    /// A function body whose result has a narrow type: the mark goes on each value it can return
    /// (into if branches, a do's or let's last form), so a function-level recur stays in tail position.
    /// </summary>
    public static Node MarkResult(Analyzer a, string type, Node body) => body switch
    {
        _ when TypeOf(body) == type => body,
        RecurNode or ThrowNode => body,
        IfNode i => i with { Then = MarkResult(a, type, i.Then), Else = MarkResult(a, type, i.Else) },
        DoNode d => d with { Result = MarkResult(a, type, d.Result) },
        LetNode l => l with { Body = MarkResult(a, type, l.Body) },
        _ => Mark(a, type, body),
    };

    private static bool Fits(string type, object? value) => value switch
    {
        double => type == "float32",
        long n => type switch
        {
            "int8" => n is >= sbyte.MinValue and <= sbyte.MaxValue,
            "int16" => n is >= short.MinValue and <= short.MaxValue,
            "int32" or "rune" => n is >= int.MinValue and <= int.MaxValue,
            "uint8" or "byte" => n is >= 0 and <= byte.MaxValue,
            "uint16" => n is >= 0 and <= ushort.MaxValue,
            "uint32" => n is >= 0 and <= uint.MaxValue,
            _ => true, // float32: an integer literal is exact up to 2^24, and Go converts the constant
        },
        _ => false,
    };

    private static Node WithContext(Node node, NodeContext context) => node.Context == context ? node : node switch
    {
        InvokeNode n => n with { Context = context },
        LocalRefNode n => n with { Context = context },
        IfNode n => n with { Context = context },
        DoNode n => n with { Context = context },
        LetNode n => n with { Context = context },
        _ => node,
    };
}
