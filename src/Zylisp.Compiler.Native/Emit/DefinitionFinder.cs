using System.Collections.Immutable;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>Finds every global a program's statements define (including inside nested functions).</summary>
internal static class DefinitionFinder
{
    public static void Collect(ImmutableArray<LStmt> statements, ISet<Var> into) =>
        Collect(statements, def => into.Add(def.Var));

    /// <summary>Calls <paramref name="into"/> with every def of the statements, in order.</summary>
    public static void Collect(ImmutableArray<LStmt> statements, Action<DefExpr> into)
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

    private static void CollectExpr(LExpr expr, Action<DefExpr> into)
    {
        switch (expr)
        {
            case DefExpr d:
                into(d);
                break;
            case FnExpr f:
                foreach (var arity in f.Function.Arities)
                {
                    Collect(arity.Body, into);
                }

                break;
        }
    }
}
