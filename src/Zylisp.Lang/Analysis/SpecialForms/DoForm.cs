using Zylisp.Lang.Data;

namespace Zylisp.Lang.Analysis.SpecialForms;

/// <summary><c>(do exprs*)</c>.</summary>
internal static class DoForm
{
    public static Node Analyze(Analyzer a, PersistentList form, Position pos) =>
        a.AnalyzeBody(form.Rest, pos, a.SpanOf(form));
}
