using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Analysis.SpecialForms;

/// <summary><c>(quote datum)</c>.</summary>
internal static class QuoteForm
{
    public static Node Analyze(Analyzer a, PersistentList form, Position pos)
    {
        if (form.Count != 2)
        {
            throw a.Error(DiagnosticIds.MalformedSpecialForm, form, "quote", "expected exactly one datum");
        }

        return new ConstNode(form.Rest.First, pos.Context, a.SpanOf(form));
    }
}
