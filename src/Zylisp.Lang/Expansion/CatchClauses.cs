using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Expansion;

/// <summary>
/// Typed and multiple <c>catch</c> clauses, rewritten into the core form's single catch-all:
/// <c>(try body (catch :arithmetic-error e h1) (catch e h2))</c> becomes
/// <c>(try body (catch err (if (%catches? err :arithmetic-error) (let [e err] h1) (let [e err] h2))))</c>,
/// and a thrown value no clause takes is thrown again (keeping its trace). A clause's keyword
/// matches an error's <c>:type</c>, or the <c>:type</c> in an ex-info's data; <c>:default</c> and a
/// clause without a keyword take everything. Core forms keep one catch (docs/design/core-forms.md).
/// </summary>
internal static class CatchClauses
{
    private static readonly Symbol Catch = Symbol.Of("catch");
    private static readonly Symbol If = Symbol.Of("if");
    private static readonly Symbol Throw = Symbol.Of("throw");
    private static readonly Symbol Catches = Symbol.Of("%catches?");
    private static readonly Keyword Default = Keyword.Of("default");

    /// <summary>The try form with its catch clauses merged into one, or the form itself when it needs no rewriting.</summary>
    public static PersistentList Merge(PersistentList form, Func<string, Symbol> gensym)
    {
        var clauses = new List<PersistentList>();
        int firstCatch = -1, index = 0;
        bool catchAfterFinally = false, seenFinally = false;
        foreach (var item in form)
        {
            if (item is PersistentList { First: Symbol { Namespace: null, Name: "catch" } } clause)
            {
                RejectClassName(clause);
                firstCatch = firstCatch < 0 ? index : firstCatch;
                clauses.Add(clause);
                catchAfterFinally |= seenFinally;
            }

            seenFinally |= item is PersistentList { First: Symbol { Namespace: null, Name: "finally" } };
            index++;
        }

        // Out-of-order clauses are left as written, for the analyzer to report where they are.
        if (clauses.Count == 0 || catchAfterFinally || (clauses.Count == 1 && clauses[0].Rest.First is not Keyword))
        {
            return form;
        }

        var caught = gensym("caught");
        object? dispatch = PersistentList.Create(Throw, caught).WithSpan(form.Span);
        for (int i = clauses.Count - 1; i >= 0; i--)
        {
            var clause = clauses[i];
            var typed = clause.Rest.First is Keyword;
            var type = typed ? (Keyword)clause.Rest.First! : null;
            var rest = typed ? clause.Rest.Rest : clause.Rest;
            if (rest.First is not Symbol { Namespace: null } name)
            {
                throw new ExpansionException(Diagnostic.Create(
                    DiagnosticIds.MalformedSpecialForm, clause.Span, "catch", "expected (catch name handler*) or (catch :type name handler*)"));
            }

            var handler = Destructuring.LetAround([name, caught], rest.Rest, clause.Span);
            dispatch = type is null || type == Default
                ? handler
                : PersistentList.Create(If, PersistentList.Create(Catches, caught, type), handler, dispatch).WithSpan(clause.Span);
        }

        // The merged clause takes the first catch's place; the other catches go.
        var merged = PersistentList.Create(Catch, caught, dispatch).WithSpan(clauses[0].Span);
        var items = new List<object?>();
        index = 0;
        foreach (var item in form)
        {
            if (index == firstCatch)
            {
                items.Add(merged);
            }
            else if (item is not PersistentList { First: Symbol { Namespace: null, Name: "catch" } })
            {
                items.Add(item);
            }

            index++;
        }

        return PersistentList.CreateRange(items).WithSpan(form.Span);
    }

    // (catch Exception e ...) is Clojure's shape; here it would bind `Exception` and evaluate `e`.
    private static void RejectClassName(PersistentList clause)
    {
        if (clause.Rest.First is Symbol { Namespace: null } type && clause.Rest.Rest.First is Symbol
            && (char.IsUpper(type.Name[0]) || type.Name.Contains('.', StringComparison.Ordinal)))
        {
            throw new ExpansionException(Diagnostic.Create(DiagnosticIds.ExceptionClassInCatch, type.Span ?? clause.Span, type.Name));
        }
    }
}
