using Zylisp.Zast.Ast;
using static Zylisp.Zast.Tests.Printing.GoAstFactory;

namespace Zylisp.Zast.Tests.Printing;

/// <summary>
/// Random position-less Go trees, as a code generator might build them: syntactically valid
/// Go (not type-correct), covering operators of every precedence, unary chains, calls,
/// selectors, indexing, slicing, literals and most statements.
/// </summary>
internal sealed class RandomGoTrees(int seed)
{
    private static readonly Token[] BinaryOps =
    [
        Token.LOr, Token.LAnd, Token.Eql, Token.Neq, Token.Lss, Token.Leq, Token.Gtr, Token.Geq,
        Token.Add, Token.Sub, Token.Or, Token.Xor, Token.Mul, Token.Quo, Token.Rem, Token.Shl, Token.Shr, Token.And, Token.AndNot,
    ];

    private static readonly Token[] UnaryOps = [Token.Add, Token.Sub, Token.Not, Token.Xor, Token.And, Token.Arrow];

    private static readonly Token[] AssignOps = [Token.Assign, Token.Define, Token.AddAssign, Token.ShlAssign, Token.AndNotAssign];

    private readonly Random _random = new(seed);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string Name() => Pick(new[] { "a", "b", "x", "yy", "value", "n1" });

    public Expr Expr(int depth)
    {
        if (depth <= 0) return _random.Next(3) == 0 ? Int(_random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture)) : Id(Name());
        return _random.Next(14) switch
        {
            11 => new CompositeLit { Type = _random.Next(2) == 0 ? Id("T") : Sel(Id("pkg"), "T"), Elts = [new KeyValueExpr { Key = Id("f"), Value = Expr(depth - 1) }] },
            12 => new CompositeLit { Type = new ArrayType { Elt = Id("int") }, Elts = [Expr(depth - 1), Expr(depth - 1)] },
            13 => new FuncLit { Type = new FuncType { Params = Fields(Param("v", Id("int"))) }, Body = Block(Return(Expr(depth - 1))) },
            0 or 1 or 2 => Bin(Expr(depth - 1), Pick(BinaryOps), Expr(depth - 1)),
            3 => Un(Pick(UnaryOps), Expr(depth - 1)),
            4 => new StarExpr { X = Expr(depth - 1) },
            5 => Call(Operand(depth - 1), Enumerable.Range(0, _random.Next(4)).Select(_ => Expr(depth - 1)).ToArray()),
            6 => Sel(Operand(depth - 1), Name()),
            7 => new IndexExpr { X = Operand(depth - 1), Index = Expr(depth - 1) },
            8 => new SliceExpr { X = Operand(depth - 1), Low = Maybe(depth - 1), High = Maybe(depth - 1) },
            9 => new ParenExpr { X = Expr(depth - 1) },
            _ => Str("s" + _random.Next(10)),
        };
    }

    /// <summary>An operand that binds tighter than any operator (call targets, selector bases).</summary>
    private Expr Operand(int depth) => _random.Next(3) == 0 ? new ParenExpr { X = Expr(depth) } : Id(Name());

    private Expr? Maybe(int depth) => _random.Next(2) == 0 ? null : Expr(depth);

    public Stmt Stmt(int depth)
    {
        switch (_random.Next(depth <= 0 ? 5 : 9))
        {
            case 0:
            {
                var tok = Pick(AssignOps);
                // := needs identifiers on the left.
                Expr lhs = tok == Token.Define ? Id(Name()) : Expr(1);
                return new AssignStmt { Lhs = [lhs], Tok = tok, Rhs = [Expr(2)] };
            }
            case 1:
                return Do(Call(Id(Name()), Expr(2), Expr(1)));
            case 2:
                return new IncDecStmt { X = Id(Name()), Tok = _random.Next(2) == 0 ? Token.Inc : Token.Dec };
            case 3:
                return new SendStmt { Chan = Id("ch"), Value = Expr(2) };
            case 4:
                return Return(Enumerable.Range(0, _random.Next(3)).Select(_ => Expr(2)).ToArray());
            case 5:
                return new IfStmt { Cond = Expr(2), Body = Body(depth - 1), Else = _random.Next(2) == 0 ? null : Body(depth - 1) };
            case 6:
                return new ForStmt { Cond = _random.Next(3) == 0 ? null : Expr(2), Body = Body(depth - 1) };
            case 7:
                return new SwitchStmt
                {
                    Tag = Expr(1),
                    Body = Block(new CaseClause { List = [Expr(1)], Body = [Stmt(depth - 1)] }, new CaseClause { Body = [Stmt(depth - 1)] }),
                };
            default:
                return new GoStmt { Call = Call(Id(Name()), Expr(2)) };
        }
    }

    private BlockStmt Body(int depth) => Block(Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Stmt(depth)).ToArray());

    public FuncDecl Function(string name) =>
        Func(name, Fields(Param("ch", new ChanType { Value = Id("int") })), null, Body(2).List.ToArray());

    /// <summary>A tree with random required children removed: printing must report it, never throw.</summary>
    public Node Malformed(int depth)
    {
        var stmt = Stmt(depth);
        Break(stmt);
        return stmt;
    }

    private void Break(Node node)
    {
        foreach (var property in node.GetType().GetProperties())
        {
            if (!property.CanWrite) continue;
            var value = property.GetValue(node);
            if (value is Node child)
            {
                if (_random.Next(4) == 0 && !property.PropertyType.IsValueType) property.SetValue(node, null);
                else Break(child);
            }
            else if (value is System.Collections.IList list && _random.Next(4) == 0)
            {
                if (list.Count > 0 && _random.Next(2) == 0) list[0] = null; else list.Clear();
            }
        }
    }
}
