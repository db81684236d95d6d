using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Analysis.SpecialForms;

/// <summary><c>(try body* (catch e handler*)? (finally cleanup*)?)</c> and <c>(throw value)</c>.</summary>
internal static class ExceptionForms
{
    public static Node AnalyzeTry(Analyzer a, PersistentList form, Position pos)
    {
        var body = new List<object?>();
        PersistentList? catchForm = null, finallyForm = null;
        foreach (var item in form.Rest)
        {
            if (item is PersistentList { First: Symbol { Namespace: null, Name: "catch" } } c)
            {
                if (catchForm is not null || finallyForm is not null)
                {
                    throw a.Error(DiagnosticIds.MalformedSpecialForm, c, "try", "catch clauses go after the body and before finally");
                }

                catchForm = c;
            }
            else if (item is PersistentList { First: Symbol { Namespace: null, Name: "finally" } } f)
            {
                if (finallyForm is not null)
                {
                    throw a.Error(DiagnosticIds.MalformedSpecialForm, f, "try", "only one finally");
                }

                finallyForm = f;
            }
            else if (catchForm is not null || finallyForm is not null)
            {
                throw a.Error(DiagnosticIds.MalformedSpecialForm, item, "try", "the body must come before catch and finally");
            }
            else
            {
                body.Add(item);
            }
        }

        var span = a.SpanOf(form);

        // Neither tail calls nor recur may leave a try: the handler must stay on the stack.
        var bodyNode = a.AnalyzeBody(PersistentList.CreateRange(body), Position.Value, span);
        LocalBinding? local = null;
        Node? handler = null;
        if (catchForm is not null)
        {
            if (catchForm.Rest.First is not Symbol { Namespace: null } name)
            {
                throw a.Error(DiagnosticIds.MalformedSpecialForm, catchForm, "catch", "expected (catch name handler*)");
            }

            var saved = a.SaveLocals();
            try
            {
                local = a.Scope.NewLocal(name.Name, name.Span);
                a.Bind(new LocalInfo(local, a.Scope, false));
                handler = a.AnalyzeBody(catchForm.Rest.Rest, Position.Value, a.SpanOf(catchForm));
            }
            finally
            {
                a.RestoreLocals(saved);
            }
        }

        var cleanup = finallyForm is null ? null : a.AnalyzeBody(finallyForm.Rest, Position.Statement, a.SpanOf(finallyForm));
        return new TryNode(bodyNode, local, handler, cleanup, pos.Context, span);
    }

    public static Node AnalyzeThrow(Analyzer a, PersistentList form, Position pos)
    {
        if (form.Count != 2)
        {
            throw a.Error(DiagnosticIds.MalformedSpecialForm, form, "throw", "expected (throw value)");
        }

        return new ThrowNode(a.Analyze(form.Rest.First, Position.Value), a.Scope.Name, pos.Context, a.SpanOf(form));
    }

    public static Node AnalyzeMisplaced(Analyzer a, PersistentList form, Position pos) =>
        throw a.Error(DiagnosticIds.MalformedSpecialForm, form, ((Symbol)form.First!).Name, "only allowed inside try");
}
