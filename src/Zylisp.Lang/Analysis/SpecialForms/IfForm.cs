using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Analysis.SpecialForms;

/// <summary><c>(if test then else?)</c>: records the unit's truthiness rule on the node.</summary>
internal static class IfForm
{
    public static Node Analyze(Analyzer a, PersistentList form, Position pos)
    {
        if (form.Count is < 3 or > 4)
        {
            throw a.Error(DiagnosticIds.MalformedSpecialForm, form, "if", "expected (if test then else?)");
        }

        var args = form.Rest;
        var test = a.Analyze(args.First, Position.Value);
        var then = a.Analyze(args.Rest.First, pos);
        var otherwise = form.Count == 4
            ? a.Analyze(args.Rest.Rest.First, pos)
            : new ConstNode(null, pos.Context, a.SpanOf(form));
        return new IfNode(test, then, otherwise, a.Truthiness, pos.Context, a.SpanOf(form));
    }
}
