using System.Collections.Immutable;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Analysis.SpecialForms;

/// <summary><c>let</c>, <c>loop</c> and <c>recur</c>: the forms that bind slots and jump back to them.</summary>
internal static class BindingForms
{
    public static Node AnalyzeLet(Analyzer a, PersistentList form, Position pos) => Analyze(a, form, pos, isLoop: false);

    public static Node AnalyzeLoop(Analyzer a, PersistentList form, Position pos) => Analyze(a, form, pos, isLoop: true);

    public static Node AnalyzeRecur(Analyzer a, PersistentList form, Position pos)
    {
        if (pos.Recur is not { } target)
        {
            throw a.Error(DiagnosticIds.RecurNotInTailPosition, form);
        }

        int given = form.Count - 1;
        if (given != target.Slots.Length)
        {
            throw a.Error(DiagnosticIds.RecurArity, form, target.Slots.Length, target.Description, given);
        }

        target.Used = true;
        var args = form.Rest.Select(arg => a.Analyze(arg, Position.Value)).ToImmutableArray();
        return new RecurNode(args, target.Slots, pos.Context, a.SpanOf(form));
    }

    private static Node Analyze(Analyzer a, PersistentList form, Position pos, bool isLoop)
    {
        string name = isLoop ? "loop" : "let";
        if (form.Count < 2 || form.Rest.First is not PersistentVector bindings || bindings.Count % 2 != 0)
        {
            throw a.Error(DiagnosticIds.MalformedSpecialForm, form, name, "expected a vector of name value pairs");
        }

        var saved = a.SaveLocals();
        try
        {
            var built = ImmutableArray.CreateBuilder<LetBinding>(bindings.Count / 2);
            for (int i = 0; i < bindings.Count; i += 2)
            {
                if (bindings[i] is not Symbol { Namespace: null } symbol || symbol.Name == "&")
                {
                    throw a.Error(DiagnosticIds.MalformedSpecialForm, bindings[i] ?? form, name, "binding names must be plain symbols");
                }

                var init = a.Analyze(bindings[i + 1], Position.Value);
                var local = a.Scope.NewLocal(symbol.Name, symbol.Span);
                a.Bind(new LocalInfo(local, a.Scope, false));
                built.Add(new LetBinding(local, init));
            }

            var body = form.Rest.Rest;
            var span = a.SpanOf(form);
            if (!isLoop)
            {
                return new LetNode(built.MoveToImmutable(), a.AnalyzeBody(body, pos, span), pos.Context, span);
            }

            var target = new RecurTarget([.. built.Select(b => b.Local)], "loop bindings");
            var bodyNode = a.AnalyzeBody(body, pos with { Recur = target }, span);
            return new LoopNode(built.MoveToImmutable(), bodyNode, pos.Context, span);
        }
        finally
        {
            a.RestoreLocals(saved);
        }
    }
}
