using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>Enumerates lowered statements and expressions, optionally descending into nested functions.</summary>
internal static class LoweredWalker
{
    /// <summary>Every statement of the list, nested blocks included (not inside nested functions).</summary>
    public static IEnumerable<LStmt> Statements(IEnumerable<LStmt> stmts)
    {
        foreach (var s in stmts)
        {
            yield return s;
            foreach (var child in Children(s).SelectMany(Statements))
            {
                yield return child;
            }
        }
    }

    public static IEnumerable<IEnumerable<LStmt>> Children(LStmt s) => LoweredChildren.Blocks(s).Select(block => block.AsEnumerable());

    /// <summary>The expression a statement evaluates directly, if any.</summary>
    public static LExpr? ExprOf(LStmt s) => LoweredChildren.Expression(s);

    /// <summary>The operands a statement reads itself, in evaluation order (nested blocks excluded).</summary>
    public static IEnumerable<Operand> ImmediateOperands(LStmt s) => LoweredChildren.Operands(s);

    public static IEnumerable<Operand> Operands(LExpr e) => LoweredChildren.Operands(e);

    /// <summary>Every function defined anywhere inside the statements, nested ones included.</summary>
    public static IEnumerable<LFunction> Functions(IEnumerable<LStmt> stmts)
    {
        foreach (var s in Statements(stmts))
        {
            if (ExprOf(s) is FnExpr fn)
            {
                yield return fn.Function;
                foreach (var inner in fn.Function.Arities.SelectMany(a => Functions(a.Body)))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Every def anywhere in the statements, inside nested functions too.</summary>
    public static IEnumerable<DefExpr> Defs(IEnumerable<LStmt> stmts)
    {
        foreach (var s in Statements(stmts))
        {
            if (ExprOf(s) is DefExpr d)
            {
                yield return d;
            }
        }

        foreach (var f in Functions(stmts))
        {
            foreach (var a in f.Arities)
            {
                foreach (var s in Statements(a.Body))
                {
                    if (ExprOf(s) is DefExpr d)
                    {
                        yield return d;
                    }
                }
            }
        }
    }

    /// <summary>Every call anywhere in the statements, inside nested functions too.</summary>
    public static IEnumerable<CallExpr> Calls(IEnumerable<LStmt> stmts)
    {
        IEnumerable<LStmt> all = Statements(stmts).Concat(Functions(stmts).SelectMany(f => f.Arities).SelectMany(a => Statements(a.Body)));
        foreach (var s in all)
        {
            if (ExprOf(s) is CallExpr c)
            {
                yield return c;
            }
            else if (s is TailCallStmt t)
            {
                yield return t.Call;
            }
        }
    }

    /// <summary>
    /// Every var the statements use as a value (<c>#'x</c>, <c>(var x)</c>, binding's vector of
    /// vars), inside nested functions and quoted collections too.
    /// </summary>
    public static IEnumerable<Var> VarObjects(IEnumerable<LStmt> stmts)
    {
        IEnumerable<LStmt> all = Statements(stmts).Concat(Functions(stmts).SelectMany(f => f.Arities).SelectMany(a => Statements(a.Body)));
        foreach (var s in all)
        {
            foreach (var operand in ImmediateOperands(s))
            {
                if (operand is ConstOperand c)
                {
                    foreach (var v in VarsIn(c.Value))
                    {
                        yield return v;
                    }
                }
            }
        }
    }

    private static IEnumerable<Var> VarsIn(object? value) => value switch
    {
        Var v => [v],
        Zylisp.Lang.Data.PersistentVector vector => vector.SelectMany(VarsIn),
        Zylisp.Lang.Data.PersistentList list => list.SelectMany(VarsIn),
        Zylisp.Lang.Data.PersistentSet set => set.SelectMany(VarsIn),
        Zylisp.Lang.Data.PersistentMap map => map.Entries.SelectMany(e => VarsIn(e.Key).Concat(VarsIn(e.Value))),
        _ => [],
    };
}
