using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Analysis.SpecialForms;

/// <summary>
/// Go's own spelling of composite types inside a type annotation: <c>[]string</c>,
/// <c>map[string]int</c>, <c>[]*T</c>, <c>map[string][]int</c>, <c>interface{}</c>. The reader
/// reads <c>[]string</c> as an empty vector and a symbol, so this joins forms that touch in the
/// source (one's span ends where the next one's begins) into one type name, the same string a
/// quoted annotation (<c>"[]string"</c>) gives.
/// </summary>
/// <remarks>
/// Only touching forms of which one is a vector or a map join, so every annotation that was
/// valid before means what it meant: a vector was never a valid type, and two names cannot touch
/// (they would be one symbol). Outside annotation clauses nothing changes. See
/// docs/design/go-backend.md, "Go type names in annotations".
/// </remarks>
internal static class GoTypeSpelling
{
    /// <summary>
    /// The annotation's types: each form on its own, except touching runs, which become one string.
    /// Throws ZL3007 at the offending form for a run that is no Go type (<c>[] string</c> with a
    /// space is two forms and fails later as a vector; <c>[]</c> at the end of a run fails here).
    /// </summary>
    public static List<object?> Group(Analyzer a, IEnumerable<object?> forms)
    {
        var result = new List<object?>();
        var run = new List<object?>();
        foreach (var form in forms)
        {
            if (run.Count > 0 && !Touch(run[^1], form))
            {
                result.Add(Close(a, run));
                run.Clear();
            }

            run.Add(form);
        }

        if (run.Count > 0)
        {
            result.Add(Close(a, run));
        }

        return result;
    }

    private static object? Close(Analyzer a, List<object?> run)
    {
        if (run.Count == 1 && run[0] is not PersistentVector { Count: 0 })
        {
            return run[0];
        }

        int next = 0;
        string type = TypeFrom(a, run, ref next);
        if (next < run.Count)
        {
            throw a.Error(DiagnosticIds.BadAnnotation, run[next], "`" + type + "` is a whole type; put a space before the next one");
        }

        return type;
    }

    private static bool Touch(object? left, object? right) =>
        (left is PersistentVector or PersistentMap || right is PersistentVector or PersistentMap)
        && SpanOf(left) is { } l && SpanOf(right) is { } r
        && l.File == r.File && l.EndOffset == r.StartOffset;

    private static Syntax.SourceSpan? SpanOf(object? form) => form is IHasSpan h ? h.Span : null;

    /// <summary>One Go type from run[next..]: <c>[]T</c>, <c>*T</c> (a pointer star written apart),
    /// <c>map[K]V</c>, <c>interface{}</c>/<c>struct{}</c>, or a name.</summary>
    private static string TypeFrom(Analyzer a, List<object?> run, ref int next)
    {
        var form = run[next++];
        bool more = next < run.Count;
        switch (form)
        {
            case PersistentVector { Count: 0 } when more:
                return "[]" + TypeFrom(a, run, ref next);
            case PersistentVector { Count: 0 }:
                throw a.Error(DiagnosticIds.BadAnnotation, form, "[] must be followed by the element type with no space, as in []string");
            case PersistentVector:
                throw a.Error(DiagnosticIds.BadAnnotation, form, "Go array types ([4]int) are not supported in annotations; use a slice, []int");
            case Symbol { Name: "map", Namespace: null } when more && run[next] is PersistentVector { Count: > 0 } key:
                next++;
                if (next >= run.Count)
                {
                    throw a.Error(DiagnosticIds.BadAnnotation, key, "map[K] must be followed by the value type with no space, as in map[string]int");
                }

                return "map[" + KeyType(a, key) + "]" + TypeFrom(a, run, ref next);
            case Symbol { Name: "interface" or "struct", Namespace: null } s when more && run[next] is PersistentMap { Count: 0 }:
                next++;
                return s.Name + "{}";
            case Symbol { Name: var stars, Namespace: null } when more && stars.All(c => c == '*'):
                return stars + TypeFrom(a, run, ref next);
            case Symbol s:
                return s.Namespace is null ? s.Name : s.Namespace + "." + s.Name;
            default:
                throw a.Error(DiagnosticIds.BadAnnotation, form, "a Go type is written as T, []T, *T or map[K]V");
        }
    }

    private static string KeyType(Analyzer a, PersistentVector key)
    {
        var inner = Group(a, key);
        if (inner.Count != 1 || inner[0] is not (Symbol or string))
        {
            throw a.Error(DiagnosticIds.BadAnnotation, key, "a map type has one key type: map[string]int");
        }

        return inner[0] is Symbol s ? (s.Namespace is null ? s.Name : s.Namespace + "." + s.Name) : (string)inner[0]!;
    }
}
