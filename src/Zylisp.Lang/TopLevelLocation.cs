using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Expansion;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang;

/// <summary>
/// The last resort for "every diagnostic has a location when source exists": an error that
/// leaves a top-level form without a span of its own (macro output has none, an interrupt or a
/// memory check is not at a call) is located at that top-level form.
/// </summary>
internal static class TopLevelLocation
{
    public static object? Run(object? form, Func<object?> action) => Run((form as IHasSpan)?.Span, action);

    public static object? Run(SourceSpan? span, Func<object?> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (span is not null && FillMissing(e, span))
        {
            throw; // unreachable: FillMissing only records the span
        }
        catch (OperationCanceledException e) when (span is not null && e is not LocatedInterrupt)
        {
            throw new LocatedInterrupt(span, e);
        }
    }

    /// <summary>The span of the form that defines <c>-main</c> (<c>(defn -main ...)</c>, <c>(def -main ...)</c>), if any.</summary>
    public static SourceSpan? OfMain(ReadResult read)
    {
        for (int i = read.Forms.Count - 1; i >= 0; i--)
        {
            if (read.Forms[i] is PersistentList { Count: >= 2 } list && list.Rest.First is Symbol { Namespace: null, Name: "-main" })
            {
                return read.FormSpans[i];
            }
        }

        return null;
    }

    private static bool FillMissing(Exception e, SourceSpan span)
    {
        switch (e)
        {
            case ExpansionException { Diagnostic.Span: null } expansion:
                expansion.Diagnostic = expansion.Diagnostic with { Span = span };
                break;
            case AnalysisException { Diagnostic.Span: null } analysis:
                analysis.Diagnostic = analysis.Diagnostic with { Span = span };
                break;
            case ZylispException { Value: ErrorValue { Span: null } error }:
                error.Span = span;
                break;
            case ZylispException { Origin: null } other:
                other.AddFrame("<top-level>", span);
                break;
        }

        return false;
    }
}

/// <summary>An interrupt, with the top-level form it stopped.</summary>
internal sealed class LocatedInterrupt(SourceSpan span, OperationCanceledException inner)
    : OperationCanceledException(inner.Message, inner, inner.CancellationToken)
{
    public SourceSpan Span { get; } = span;
}
