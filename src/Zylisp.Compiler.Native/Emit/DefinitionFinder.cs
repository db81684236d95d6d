using System.Collections.Immutable;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>Finds every global a program's statements define (including inside nested functions).</summary>
internal static class DefinitionFinder
{
    public static void Collect(ImmutableArray<LStmt> statements, ISet<Var> into)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case ExprStmt e:
                    CollectExpr(e.Value, into);
                    break;
                case AssignStmt a:
                    CollectExpr(a.Value, into);
                    break;
                case ReturnStmt r:
                    CollectExpr(r.Value, into);
                    break;
                case IfStmt i:
                    Collect(i.Then, into);
                    Collect(i.Else, into);
                    break;
                case LoopStmt l:
                    Collect(l.Body, into);
                    break;
                case TryStmt t:
                    Collect(t.Body, into);
                    Collect(t.Handler ?? [], into);
                    Collect(t.Finally ?? [], into);
                    break;
            }
        }
    }

    private static void CollectExpr(LExpr expr, ISet<Var> into)
    {
        switch (expr)
        {
            case DefExpr d:
                into.Add(d.Var);
                break;
            case FnExpr f:
                foreach (var arity in f.Function.Arities)
                {
                    Collect(arity.Body, into);
                }

                break;
        }
    }

    /// <summary>Every global the statements read (including inside nested functions).</summary>
    public static void References(ImmutableArray<LStmt> statements, ISet<Var> into)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case ExprStmt e:
                    ReferencesExpr(e.Value, into);
                    break;
                case AssignStmt a:
                    ReferencesExpr(a.Value, into);
                    break;
                case ReturnStmt r:
                    ReferencesExpr(r.Value, into);
                    break;
                case TailCallStmt t:
                    ReferencesExpr(t.Call, into);
                    break;
                case IfStmt i:
                    ReferencesExpr(i.Test, into);
                    References(i.Then, into);
                    References(i.Else, into);
                    break;
                case LoopStmt l:
                    References(l.Body, into);
                    break;
                case RecurStmt r:
                    r.Args.ToList().ForEach(a => ReferencesExpr(a, into));
                    break;
                case TryStmt t:
                    References(t.Body, into);
                    References(t.Handler ?? [], into);
                    References(t.Finally ?? [], into);
                    break;
                case ThrowStmt t:
                    ReferencesExpr(t.Value, into);
                    break;
            }
        }
    }

    private static void ReferencesExpr(LExpr expr, ISet<Var> into)
    {
        switch (expr)
        {
            case GlobalOperand g:
                into.Add(g.Var);
                break;
            case CallExpr c:
                ReferencesExpr(c.Fn, into);
                c.Args.ToList().ForEach(a => ReferencesExpr(a, into));
                break;
            case CollectionExpr c:
                c.Items.ToList().ForEach(a => ReferencesExpr(a, into));
                break;
            case DefExpr d when d.Init is not null:
                ReferencesExpr(d.Init, into);
                break;
            case FnExpr f:
                foreach (var arity in f.Function.Arities)
                {
                    References(arity.Body, into);
                }

                break;
        }
    }
}
