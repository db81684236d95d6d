using Zylisp.Lang.Data;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Runtime.Interpreter;

/// <summary>
/// A call of a core numeric primitive through its global, inlined: while the global still holds
/// the primitive the arithmetic runs here on longs without a call; if the program redefines the
/// global, the node calls whatever it holds now, like any call.
/// </summary>
internal sealed class PrimBinaryExec(PrimitiveOp op, Var v, Builtin primitive, ExecNode a, ExecNode b, string caller, SourceSpan? span)
    : CallSite(caller, span)
{
    public override object? Eval(Frame f)
    {
        try
        {
            var current = v.Value;
            var x = a.Eval(f);
            var y = b.Eval(f);
            if (!ReferenceEquals(current, primitive))
            {
                return current is ZFunction z ? z.Invoke2(f.Ctx, x, y) : InvokeValue(f.Ctx, current, [x, y]);
            }

            if (x is long l && y is long m)
            {
                return op switch
                {
                    PrimitiveOp.Add => Box.Long(unchecked(l + m)),
                    PrimitiveOp.Subtract => Box.Long(unchecked(l - m)),
                    PrimitiveOp.Multiply => Box.Long(unchecked(l * m)),
                    PrimitiveOp.Less => l < m ? Box.True : Box.False,
                    PrimitiveOp.Greater => l > m ? Box.True : Box.False,
                    PrimitiveOp.LessOrEqual => l <= m ? Box.True : Box.False,
                    PrimitiveOp.GreaterOrEqual => l >= m ? Box.True : Box.False,
                    PrimitiveOp.NumEquals or PrimitiveOp.Equals => l == m ? Box.True : Box.False,
                    _ => primitive.Invoke2(f.Ctx, x, y),
                };
            }

            return primitive.Invoke2(f.Ctx, x, y);
        }
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
        {
            throw Translate(e);
        }
    }
}

/// <summary>Inlined <c>inc</c> and <c>dec</c>; see <see cref="PrimBinaryExec"/>.</summary>
internal sealed class PrimUnaryExec(PrimitiveOp op, Var v, Builtin primitive, ExecNode a, string caller, SourceSpan? span)
    : CallSite(caller, span)
{
    public override object? Eval(Frame f)
    {
        try
        {
            var current = v.Value;
            var x = a.Eval(f);
            if (ReferenceEquals(current, primitive) && x is long l)
            {
                return Box.Long(op == PrimitiveOp.Inc ? unchecked(l + 1) : unchecked(l - 1));
            }

            return current is ZFunction z ? z.Invoke1(f.Ctx, x) : InvokeValue(f.Ctx, current, [x]);
        }
        catch (Exception e) when (Trace(e))
        {
            throw;
        }
        catch (Exception e) when (IsHost(e))
        {
            throw Translate(e);
        }
    }
}
