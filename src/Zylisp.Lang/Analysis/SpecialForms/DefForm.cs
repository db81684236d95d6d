using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Analysis.SpecialForms;

/// <summary><c>(def name)</c>, <c>(def name value)</c>, <c>(def name meta value)</c>, <c>(def name "doc" value)</c>.</summary>
internal static class DefForm
{
    public static Node Analyze(Analyzer a, PersistentList form, Position pos)
    {
        if (form.Count is < 2 or > 4 || form.Rest.First is not Symbol name)
        {
            throw a.Error(DiagnosticIds.MalformedSpecialForm, form, "def", "expected (def name meta? value?)");
        }

        var meta = PersistentMap.Empty;
        object? init = null;
        bool hasInit = form.Count >= 3;
        if (form.Count == 4)
        {
            meta = form.Rest.Rest.First switch
            {
                PersistentMap m => m,
                string doc => PersistentMap.Empty.Assoc(Keyword.Of("doc"), doc),
                _ => throw a.Error(DiagnosticIds.MalformedSpecialForm, form, "def", "the metadata must be a literal map or a docstring"),
            };
            init = form.Rest.Rest.Rest.First;
        }
        else if (hasInit)
        {
            init = form.Rest.Rest.First;
        }

        var ns = a.Namespaces.Current;
        ns.Define(name.Name, meta.Get(Keyword.Of("private")) is true);
        var v = a.Globals.Intern(ns.GlobalNameOf(name.Name));
        if (v.IsCore)
        {
            // Redefining a core name: install the remaining host primitives first, so none is
            // installed over the user's definition later (the pipeline's require step has loaded the prelude).
            a.Globals.LoadAllPending();
        }

        v.DefinedAt = a.SpanOf(form);
        var initNode = hasInit ? a.Analyze(init, Position.Value) : null;
        return new DefNode(v, initNode, meta, pos.Context, a.SpanOf(form));
    }
}
