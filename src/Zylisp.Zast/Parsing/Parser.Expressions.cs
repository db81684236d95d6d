using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Parsing;

// Expressions: operands, primary expressions (selectors, index/slice/instantiation, calls,
// composite literals), unary and binary expressions.
internal sealed partial class Parser
{
    /// <summary>An expression; the result may also be a type (<c>[]int</c>), as in go/parser.</summary>
    private Expr ParseExpr() => ParseBinaryExpr(null, 1);

    private Expr ParseRhs()
    {
        var old = _inRhs;
        _inRhs = true;
        var x = ParseExpr();
        _inRhs = old;
        return x;
    }

    private List<Expr> ParseList(bool inRhs)
    {
        var old = _inRhs;
        _inRhs = inRhs;
        var list = new List<Expr> { ParseExpr() };
        while (_tok == Token.Comma)
        {
            Next();
            list.Add(ParseExpr());
        }
        _inRhs = old;
        return list;
    }

    private Expr ParseFuncTypeOrLit()
    {
        var type = ParseFuncType();
        if (_tok != Token.LBrace) return type;
        _exprLev++;
        var body = ParseBody();
        _exprLev--;
        return new FuncLit { Type = type, Body = body };
    }

    private Expr ParseOperand()
    {
        switch (_tok)
        {
            case Token.Ident:
                return ParseIdent();
            case Token.Int or Token.Float or Token.Imag or Token.Char or Token.String:
            {
                var lit = new BasicLit { ValuePos = _pos, Kind = _tok, Value = _lit! };
                Next();
                return lit;
            }
            case Token.LParen:
            {
                var lparen = _pos;
                Next();
                _exprLev++;
                var x = ParseRhs(); // types may be parenthesized: (some type)
                _exprLev--;
                var rparen = Expect(Token.RParen);
                return new ParenExpr { Lparen = lparen, X = x, Rparen = rparen };
            }
            case Token.Func:
                return ParseFuncTypeOrLit();
        }

        // a type for a composite literal or conversion
        if (TryIdentOrType() is { } type) return type;

        var pos = _pos;
        ErrorExpected(pos, "operand");
        Advance(StmtStart);
        return new BadExpr { From = pos, To = _pos };
    }

    private Expr ParseTypeAssertion(Expr x)
    {
        var lparen = Expect(Token.LParen);
        Expr? type = null;
        if (_tok == Token.Type) Next(); // type switch: x.(type)
        else type = ParseType();
        var rparen = Expect(Token.RParen);
        return new TypeAssertExpr { X = x, Lparen = lparen, Type = type, Rparen = rparen };
    }

    private Expr ParseIndexOrSliceOrInstance(Expr x)
    {
        var lbrack = Expect(Token.LBrack);
        if (_tok == Token.RBrack)
        {
            // empty index: accept for tolerance, but complain
            ErrorExpected(_pos, "operand");
            var rb = _pos;
            Next();
            return new IndexExpr { X = x, Lbrack = lbrack, Index = new BadExpr { From = rb, To = rb }, Rbrack = rb };
        }
        _exprLev++;

        List<Expr>? args = null;
        Expr? index0 = null, index1 = null, index2 = null;
        Pos colon0 = Pos.NoPos, colon1 = Pos.NoPos;
        if (_tok != Token.Colon)
        {
            // an index or the first type argument: no type context either way
            index0 = ParseRhs();
        }
        var ncolons = 0;
        switch (_tok)
        {
            case Token.Colon:
                // slice expression
                while (_tok == Token.Colon && ncolons < 2)
                {
                    if (ncolons == 0) colon0 = _pos; else colon1 = _pos;
                    ncolons++;
                    Next();
                    if (_tok != Token.Colon && _tok != Token.RBrack && _tok != Token.Eof)
                    {
                        var index = ParseRhs();
                        if (ncolons == 1) index1 = index; else index2 = index;
                    }
                }
                break;
            case Token.Comma:
                // instantiation
                args = [index0!];
                while (_tok == Token.Comma)
                {
                    Next();
                    if (_tok != Token.RBrack && _tok != Token.Eof) args.Add(ParseType());
                }
                break;
        }

        _exprLev--;
        var rbrack = Expect(Token.RBrack);

        if (ncolons > 0)
        {
            var slice3 = false;
            if (ncolons == 2)
            {
                slice3 = true;
                // checked here, not by a type checker, so gofmt cannot accept it (go.dev/issue/7305)
                if (index1 is null)
                {
                    Error(colon0, "middle index required in 3-index slice");
                    index1 = new BadExpr { From = colon0 + 1, To = colon1 };
                }
                if (index2 is null)
                {
                    Error(colon1, "final index required in 3-index slice");
                    index2 = new BadExpr { From = colon1 + 1, To = rbrack };
                }
            }
            return new SliceExpr { X = x, Lbrack = lbrack, Low = index0, High = index1, Max = index2, Slice3 = slice3, Rbrack = rbrack };
        }

        if (args is null) return new IndexExpr { X = x, Lbrack = lbrack, Index = index0!, Rbrack = rbrack };
        return PackIndexExpr(x, lbrack, args, rbrack);
    }

    private CallExpr ParseCallOrConversion(Expr fun)
    {
        var lparen = Expect(Token.LParen);
        _exprLev++;
        var list = new List<Expr>();
        var ellipsis = Pos.NoPos;
        while (_tok != Token.RParen && _tok != Token.Eof && !ellipsis.IsValid)
        {
            list.Add(ParseRhs()); // builtins may take a type: make(T, n)
            if (_tok == Token.Ellipsis)
            {
                ellipsis = _pos;
                Next();
            }
            if (!AtComma("argument list", Token.RParen)) break;
            Next();
        }
        _exprLev--;
        var rparen = ExpectClosing(Token.RParen, "argument list");
        return new CallExpr { Fun = fun, Lparen = lparen, Args = list, Ellipsis = ellipsis, Rparen = rparen };
    }

    private Expr ParseValue() => _tok == Token.LBrace ? ParseLiteralValue(null) : ParseExpr();

    private Expr ParseElement()
    {
        var x = ParseValue();
        if (_tok != Token.Colon) return x;
        var colon = _pos;
        Next();
        return new KeyValueExpr { Key = x, Colon = colon, Value = ParseValue() };
    }

    private CompositeLit ParseLiteralValue(Expr? type)
    {
        EnsureStack();
        var lbrace = Expect(Token.LBrace);
        var elts = new List<Expr>();
        _exprLev++;
        while (_tok != Token.RBrace && _tok != Token.Eof)
        {
            elts.Add(ParseElement());
            if (!AtComma("composite literal", Token.RBrace)) break;
            Next();
        }
        _exprLev--;
        var rbrace = ExpectClosing(Token.RBrace, "composite literal");
        return new CompositeLit { Type = type, Lbrace = lbrace, Elts = elts, Rbrace = rbrace };
    }

    private static Expr Unparen(Expr x)
    {
        while (x is ParenExpr paren) x = paren.X;
        return x;
    }

    private Expr ParsePrimaryExpr(Expr? x)
    {
        x ??= ParseOperand();
        // Nesting is counted per suffix, since the loop builds a nested tree iteratively.
        var n = 0;
        try
        {
            while (true)
            {
                n++;
                IncNestLev();
                switch (_tok)
                {
                    case Token.Period:
                        Next();
                        switch (_tok)
                        {
                            case Token.Ident:
                                x = new SelectorExpr { X = x, Sel = ParseIdent() };
                                break;
                            case Token.LParen:
                                x = ParseTypeAssertion(x);
                                break;
                            default:
                            {
                                var pos = _pos;
                                ErrorExpected(pos, "selector or type assertion");
                                // go/parser's targeted recovery: do not skip a closing brace
                                if (_tok != Token.RBrace) Next();
                                x = new SelectorExpr { X = x, Sel = new Ident { NamePos = pos, Name = "_" } };
                                break;
                            }
                        }
                        break;
                    case Token.LBrack:
                        x = ParseIndexOrSliceOrInstance(x);
                        break;
                    case Token.LParen:
                        x = ParseCallOrConversion(x);
                        break;
                    case Token.LBrace:
                    {
                        // is '{' a composite literal's or a block's?
                        var t = Unparen(x);
                        switch (t)
                        {
                            case BadExpr or Ident or SelectorExpr or IndexExpr or IndexListExpr:
                                if (_exprLev < 0) return x;
                                break; // maybe a composite literal type
                            case ArrayType or StructType or MapType:
                                break; // a composite literal type
                            default:
                                return x;
                        }
                        if (!ReferenceEquals(t, x)) Error(t.Pos, "cannot parenthesize type in composite literal");
                        x = ParseLiteralValue(x);
                        break;
                    }
                    default:
                        return x;
                }
            }
        }
        finally
        {
            _nestLev -= n;
        }
    }

    private Expr ParseUnaryExpr()
    {
        IncNestLev();
        try
        {
            switch (_tok)
            {
                case Token.Add or Token.Sub or Token.Not or Token.Xor or Token.And or Token.Tilde:
                {
                    var pos = _pos;
                    var op = _tok;
                    Next();
                    var x = ParseUnaryExpr();
                    return new UnaryExpr { OpPos = pos, Op = op, X = x };
                }
                case Token.Arrow:
                {
                    // a channel type <-chan T or a receive <-x: known only after the operand
                    var arrow = _pos;
                    Next();
                    var x = ParseUnaryExpr();
                    if (x is ChanType chanType)
                    {
                        // (<-type): re-associate the arrow with the channel type(s)
                        //   <- (chan T)    => (<-chan T)
                        //   <- (chan<- T)  => (<-chan (<-T))
                        var dir = ChanDir.Send;
                        ChanType? typ = chanType;
                        while (typ is not null && dir == ChanDir.Send)
                        {
                            if (typ.Dir == ChanDir.Recv) ErrorExpected(typ.Arrow, "'chan'"); // (<-(<-chan T))
                            (arrow, typ.Begin, typ.Arrow) = (typ.Arrow, arrow, arrow);
                            (dir, typ.Dir) = (typ.Dir, ChanDir.Recv);
                            typ = typ.Value as ChanType;
                        }
                        if (dir == ChanDir.Send) ErrorExpected(arrow, "channel type");
                        return x;
                    }
                    return new UnaryExpr { OpPos = arrow, Op = Token.Arrow, X = x };
                }
                case Token.Mul:
                {
                    // a pointer type or a dereference
                    var pos = _pos;
                    Next();
                    var x = ParseUnaryExpr();
                    return new StarExpr { Star = pos, X = x };
                }
            }
            return ParsePrimaryExpr(null);
        }
        finally
        {
            DecNestLev();
        }
    }

    private (Token Op, int Precedence) TokPrec()
    {
        var tok = _tok;
        if (_inRhs && tok == Token.Assign) tok = Token.Eql; // "a = b" in an expression: treat as "=="
        return (tok, tok.Precedence());
    }

    /// <summary>A binary expression at precedence at least <paramref name="prec1"/>; <paramref name="x"/> is an already parsed left operand.</summary>
    private Expr ParseBinaryExpr(Expr? x, int prec1)
    {
        x ??= ParseUnaryExpr();
        var n = 0;
        try
        {
            while (true)
            {
                n++;
                IncNestLev();
                var (op, oprec) = TokPrec();
                if (oprec < prec1) return x;
                var pos = Expect(op);
                var y = ParseBinaryExpr(null, oprec + 1);
                x = new BinaryExpr { X = x, OpPos = pos, Op = op, Y = y };
            }
        }
        finally
        {
            _nestLev -= n;
        }
    }
}
