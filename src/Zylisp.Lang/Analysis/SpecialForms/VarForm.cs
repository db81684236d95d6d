using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Analysis.SpecialForms;

/// <summary>
/// <c>(var name)</c>, read from <c>#'name</c>: the global cell itself rather than its value,
/// resolved through the namespace like any global. It is a constant of the program, so engines
/// that cannot hold a Var object (Go, native) reject it when they compile constants.
/// </summary>
internal static class VarForm
{
    public static Node Analyze(Analyzer a, PersistentList form, Position pos)
    {
        if (form.Count != 2 || form.Rest.First is not Symbol name)
        {
            throw a.Error(DiagnosticIds.MalformedSpecialForm, form, "var", "expected (var name)");
        }

        return new ConstNode(a.ResolveSymbol(name, name.Span ?? a.SpanOf(form)), pos.Context, a.SpanOf(form));
    }
}
