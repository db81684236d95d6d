using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Parsing;

// Statements: simple statements, blocks, control flow (if, switch, select, for/range).
internal sealed partial class Parser
{
    private enum SimpleStmtMode { Basic, LabelOk, RangeOk }

    private List<Stmt> ParseStmtList()
    {
        var list = new List<Stmt>();
        while (_tok != Token.Case && _tok != Token.Default && _tok != Token.RBrace && _tok != Token.Eof)
            list.Add(ParseStmt());
        return list;
    }

    private BlockStmt ParseBody()
    {
        var lbrace = Expect(Token.LBrace);
        var list = ParseStmtList();
        var rbrace = Expect2(Token.RBrace);
        return new BlockStmt { Lbrace = lbrace, List = list, Rbrace = rbrace };
    }

    private BlockStmt ParseBlockStmt() => ParseBody();

    /// <summary>A simple statement; the flag says whether it was a range clause (<c>k, v := range x</c>).</summary>
    private (Stmt Stmt, bool IsRange) ParseSimpleStmt(SimpleStmtMode mode)
    {
        var x = ParseList(false);

        switch (_tok)
        {
            case Token.Define or Token.Assign or Token.AddAssign or Token.SubAssign or Token.MulAssign
                or Token.QuoAssign or Token.RemAssign or Token.AndAssign or Token.OrAssign or Token.XorAssign
                or Token.ShlAssign or Token.ShrAssign or Token.AndNotAssign:
            {
                var pos = _pos;
                var tok = _tok;
                Next();
                List<Expr> y;
                var isRange = false;
                if (mode == SimpleStmtMode.RangeOk && _tok == Token.Range && tok is Token.Define or Token.Assign)
                {
                    var rangePos = _pos;
                    Next();
                    y = [new UnaryExpr { OpPos = rangePos, Op = Token.Range, X = ParseRhs() }];
                    isRange = true;
                }
                else
                {
                    y = ParseList(true);
                }
                return (new AssignStmt { Lhs = x, TokPos = pos, Tok = tok, Rhs = y }, isRange);
            }
        }

        if (x.Count > 1) ErrorExpected(x[0].Pos, "1 expression"); // continue with the first

        switch (_tok)
        {
            case Token.Colon:
            {
                var colon = _pos;
                Next();
                if (mode == SimpleStmtMode.LabelOk && x[0] is Ident label)
                    return (new LabeledStmt { Label = label, Colon = colon, Stmt = ParseStmt() }, false);
                // The colon, not x[0], because the real mistake may lie between them.
                Error(colon, "illegal label declaration");
                return (new BadStmt { From = x[0].Pos, To = colon + 1 }, false);
            }
            case Token.Arrow:
            {
                var arrow = _pos;
                Next();
                var y = ParseRhs();
                return (new SendStmt { Chan = x[0], Arrow = arrow, Value = y }, false);
            }
            case Token.Inc or Token.Dec:
            {
                var s = new IncDecStmt { X = x[0], TokPos = _pos, Tok = _tok };
                Next();
                return (s, false);
            }
        }

        return (new ExprStmt { X = x[0] }, false);
    }

    private CallExpr? ParseCallExpr(string callType)
    {
        var x = ParseRhs(); // could be a conversion: (some type)(x)
        var t = Unparen(x);
        if (!ReferenceEquals(t, x))
        {
            Error(x.Pos, $"expression in {callType} must not be parenthesized");
            x = t;
        }
        if (x is CallExpr call) return call;
        if (x is not BadExpr) Error(SafePos(x.End), $"expression in {callType} must be function call");
        return null;
    }

    private Stmt ParseGoStmt()
    {
        var pos = Expect(Token.Go);
        var call = ParseCallExpr("go");
        ExpectSemi();
        return call is null ? new BadStmt { From = pos, To = pos + 2 } : new GoStmt { Go = pos, Call = call };
    }

    private Stmt ParseDeferStmt()
    {
        var pos = Expect(Token.Defer);
        var call = ParseCallExpr("defer");
        ExpectSemi();
        return call is null ? new BadStmt { From = pos, To = pos + 5 } : new DeferStmt { Defer = pos, Call = call };
    }

    private ReturnStmt ParseReturnStmt()
    {
        var pos = _pos;
        Expect(Token.Return);
        var results = _tok != Token.Semicolon && _tok != Token.RBrace ? ParseList(true) : [];
        ExpectSemi();
        return new ReturnStmt { Return = pos, Results = results };
    }

    private BranchStmt ParseBranchStmt(Token tok)
    {
        var pos = Expect(tok);
        Ident? label = null;
        if (tok != Token.Fallthrough && _tok == Token.Ident) label = ParseIdent();
        ExpectSemi();
        return new BranchStmt { TokPos = pos, Tok = tok, Label = label };
    }

    /// <summary>The expression of an expression statement, or a BadExpr and an error for any other statement.</summary>
    private Expr? MakeExpr(Stmt? s, string want)
    {
        if (s is null) return null;
        if (s is ExprStmt es) return es.X;
        var found = s is AssignStmt ? "assignment" : "simple statement";
        Error(s.Pos, $"expected {want}, found {found} (missing parentheses around composite literal?)");
        return new BadExpr { From = s.Pos, To = SafePos(s.End) };
    }

    private (Stmt? Init, Expr Cond) ParseIfHeader()
    {
        if (_tok == Token.LBrace)
        {
            Error(_pos, "missing condition in if statement");
            return (null, new BadExpr { From = _pos, To = _pos });
        }

        var prevLev = _exprLev;
        _exprLev = -1;

        Stmt? init = null;
        if (_tok != Token.Semicolon)
        {
            // accept a variable declaration, but complain
            if (_tok == Token.Var)
            {
                Next();
                Error(_pos, "var declaration not allowed in if initializer");
            }
            (init, _) = ParseSimpleStmt(SimpleStmtMode.Basic);
        }

        Stmt? condStmt = null;
        var semiPos = Pos.NoPos;
        string? semiLit = null;
        if (_tok != Token.LBrace)
        {
            if (_tok == Token.Semicolon)
            {
                semiPos = _pos;
                semiLit = _lit;
                Next();
            }
            else
            {
                Expect(Token.Semicolon);
            }
            if (_tok != Token.LBrace) (condStmt, _) = ParseSimpleStmt(SimpleStmtMode.Basic);
        }
        else
        {
            condStmt = init;
            init = null;
        }

        Expr? cond = null;
        if (condStmt is not null)
        {
            cond = MakeExpr(condStmt, "boolean expression");
        }
        else if (semiPos.IsValid)
        {
            Error(semiPos, semiLit == "\n" ? "unexpected newline, expecting { after if clause" : "missing condition in if statement");
        }

        cond ??= new BadExpr { From = _pos, To = _pos }; // keep the tree valid
        _exprLev = prevLev;
        return (init, cond);
    }

    private IfStmt ParseIfStmt()
    {
        IncNestLev();
        try
        {
            var pos = Expect(Token.If);
            var (init, cond) = ParseIfHeader();
            var body = ParseBlockStmt();
            Stmt? elseStmt = null;
            if (_tok == Token.Else)
            {
                Next();
                switch (_tok)
                {
                    case Token.If:
                        elseStmt = ParseIfStmt();
                        break;
                    case Token.LBrace:
                        elseStmt = ParseBlockStmt();
                        ExpectSemi();
                        break;
                    default:
                        ErrorExpected(_pos, "if statement or block");
                        elseStmt = new BadStmt { From = _pos, To = _pos };
                        break;
                }
            }
            else
            {
                ExpectSemi();
            }
            return new IfStmt { If = pos, Init = init, Cond = cond, Body = body, Else = elseStmt };
        }
        finally
        {
            DecNestLev();
        }
    }

    private CaseClause ParseCaseClause(bool typeSwitch)
    {
        var pos = _pos;
        List<Expr> list = [];
        if (_tok == Token.Case)
        {
            Next();
            list = typeSwitch ? ParseTypeList() : ParseList(true);
        }
        else
        {
            Expect(Token.Default);
        }
        var colon = Expect(Token.Colon);
        var body = ParseStmtList();
        return new CaseClause { Case = pos, List = list, Colon = colon, Body = body };
    }

    private List<Expr> ParseTypeList()
    {
        var list = new List<Expr> { ParseType() };
        while (_tok == Token.Comma)
        {
            Next();
            list.Add(ParseType());
        }
        return list;
    }

    private static bool IsTypeSwitchAssert(Expr x) => x is TypeAssertExpr { Type: null };

    private bool IsTypeSwitchGuard(Stmt? s)
    {
        switch (s)
        {
            case ExprStmt es:
                return IsTypeSwitchAssert(es.X); // x.(type)
            case AssignStmt assign when assign.Lhs.Count == 1 && assign.Rhs.Count == 1 && IsTypeSwitchAssert(assign.Rhs[0]):
                // v := x.(type); accept v = x.(type) but complain
                if (assign.Tok == Token.Assign)
                {
                    Error(assign.TokPos, "expected ':=', found '='");
                    return true;
                }
                return assign.Tok == Token.Define;
            default:
                return false;
        }
    }

    private Stmt ParseSwitchStmt()
    {
        var pos = Expect(Token.Switch);
        Stmt? s1 = null, s2 = null;
        if (_tok != Token.LBrace)
        {
            var prevLev = _exprLev;
            _exprLev = -1;
            if (_tok != Token.Semicolon) (s2, _) = ParseSimpleStmt(SimpleStmtMode.Basic);
            if (_tok == Token.Semicolon)
            {
                Next();
                s1 = s2;
                s2 = null;
                if (_tok != Token.LBrace) (s2, _) = ParseSimpleStmt(SimpleStmtMode.Basic);
            }
            _exprLev = prevLev;
        }

        var typeSwitch = IsTypeSwitchGuard(s2);
        var lbrace = Expect(Token.LBrace);
        var list = new List<Stmt>();
        while (_tok is Token.Case or Token.Default) list.Add(ParseCaseClause(typeSwitch));
        var rbrace = Expect(Token.RBrace);
        ExpectSemi();
        var body = new BlockStmt { Lbrace = lbrace, List = list, Rbrace = rbrace };

        if (typeSwitch) return new TypeSwitchStmt { Switch = pos, Init = s1, Assign = s2!, Body = body };
        return new SwitchStmt { Switch = pos, Init = s1, Tag = MakeExpr(s2, "switch expression"), Body = body };
    }

    private CommClause ParseCommClause()
    {
        var pos = _pos;
        Stmt? comm = null;
        if (_tok == Token.Case)
        {
            Next();
            var lhs = ParseList(false);
            if (_tok == Token.Arrow)
            {
                if (lhs.Count > 1) ErrorExpected(lhs[0].Pos, "1 expression");
                var arrow = _pos;
                Next();
                var rhs = ParseRhs();
                comm = new SendStmt { Chan = lhs[0], Arrow = arrow, Value = rhs };
            }
            else if (_tok is Token.Assign or Token.Define)
            {
                var tok = _tok;
                if (lhs.Count > 2)
                {
                    ErrorExpected(lhs[0].Pos, "1 or 2 expressions");
                    lhs = lhs.GetRange(0, 2);
                }
                var tokPos = _pos;
                Next();
                var rhs = ParseRhs();
                comm = new AssignStmt { Lhs = lhs, TokPos = tokPos, Tok = tok, Rhs = [rhs] };
            }
            else
            {
                if (lhs.Count > 1) ErrorExpected(lhs[0].Pos, "1 expression");
                comm = new ExprStmt { X = lhs[0] };
            }
        }
        else
        {
            Expect(Token.Default);
        }
        var colon = Expect(Token.Colon);
        var body = ParseStmtList();
        return new CommClause { Case = pos, Comm = comm, Colon = colon, Body = body };
    }

    private SelectStmt ParseSelectStmt()
    {
        var pos = Expect(Token.Select);
        var lbrace = Expect(Token.LBrace);
        var list = new List<Stmt>();
        while (_tok is Token.Case or Token.Default) list.Add(ParseCommClause());
        var rbrace = Expect(Token.RBrace);
        ExpectSemi();
        return new SelectStmt { Select = pos, Body = new BlockStmt { Lbrace = lbrace, List = list, Rbrace = rbrace } };
    }

    private Stmt ParseForStmt()
    {
        var pos = Expect(Token.For);
        Stmt? s1 = null, s2 = null, s3 = null;
        var isRange = false;
        if (_tok != Token.LBrace)
        {
            var prevLev = _exprLev;
            _exprLev = -1;
            if (_tok != Token.Semicolon)
            {
                if (_tok == Token.Range)
                {
                    // "for range x": no key, no value
                    var rangePos = _pos;
                    Next();
                    s2 = new AssignStmt { Rhs = [new UnaryExpr { OpPos = rangePos, Op = Token.Range, X = ParseRhs() }] };
                    isRange = true;
                }
                else
                {
                    (s2, isRange) = ParseSimpleStmt(SimpleStmtMode.RangeOk);
                }
            }
            if (!isRange && _tok == Token.Semicolon)
            {
                Next();
                s1 = s2;
                s2 = null;
                if (_tok != Token.Semicolon) (s2, _) = ParseSimpleStmt(SimpleStmtMode.Basic);
                ExpectSemi();
                if (_tok != Token.LBrace) (s3, _) = ParseSimpleStmt(SimpleStmtMode.Basic);
            }
            _exprLev = prevLev;
        }

        var body = ParseBlockStmt();
        ExpectSemi();

        if (isRange)
        {
            var assign = (AssignStmt)s2!;
            Expr? key = null, value = null;
            switch (assign.Lhs.Count)
            {
                case 0:
                    break;
                case 1:
                    key = assign.Lhs[0];
                    break;
                case 2:
                    key = assign.Lhs[0];
                    value = assign.Lhs[1];
                    break;
                default:
                    ErrorExpected(assign.Lhs[^1].Pos, "at most 2 expressions");
                    return new BadStmt { From = pos, To = SafePos(body.End) };
            }
            var rangeExpr = (UnaryExpr)assign.Rhs[0];
            return new RangeStmt
            {
                For = pos, Key = key, Value = value, TokPos = assign.TokPos, Tok = assign.Tok,
                Range = rangeExpr.Pos, X = rangeExpr.X, Body = body,
            };
        }

        return new ForStmt { For = pos, Init = s1, Cond = MakeExpr(s2, "boolean or range expression"), Post = s3, Body = body };
    }

    private Stmt ParseStmt()
    {
        IncNestLev();
        try
        {
            switch (_tok)
            {
                case Token.Const or Token.Type or Token.Var:
                    return new DeclStmt { Decl = ParseDecl(StmtStart) };
                case Token.Ident or Token.Int or Token.Float or Token.Imag or Token.Char or Token.String
                    or Token.Func or Token.LParen or Token.LBrack or Token.Struct or Token.Map or Token.Chan
                    or Token.Interface or Token.Add or Token.Sub or Token.Mul or Token.And or Token.Xor
                    or Token.Arrow or Token.Not:
                {
                    var (s, _) = ParseSimpleStmt(SimpleStmtMode.LabelOk);
                    // a labeled statement already consumed its statement's semicolon
                    if (s is not LabeledStmt) ExpectSemi();
                    return s;
                }
                case Token.Go:
                    return ParseGoStmt();
                case Token.Defer:
                    return ParseDeferStmt();
                case Token.Return:
                    return ParseReturnStmt();
                case Token.Break or Token.Continue or Token.Goto or Token.Fallthrough:
                    return ParseBranchStmt(_tok);
                case Token.LBrace:
                {
                    var block = ParseBlockStmt();
                    ExpectSemi();
                    return block;
                }
                case Token.If:
                    return ParseIfStmt();
                case Token.Switch:
                    return ParseSwitchStmt();
                case Token.Select:
                    return ParseSelectStmt();
                case Token.For:
                    return ParseForStmt();
                case Token.Semicolon:
                {
                    var s = new EmptyStmt { Semicolon = _pos, Implicit = _lit == "\n" };
                    Next();
                    return s;
                }
                case Token.RBrace:
                    // a semicolon may be omitted before a closing "}"
                    return new EmptyStmt { Semicolon = _pos, Implicit = true };
                default:
                {
                    var pos = _pos;
                    ErrorExpected(pos, "statement");
                    Advance(StmtStart);
                    return new BadStmt { From = pos, To = _pos };
                }
            }
        }
        finally
        {
            DecNestLev();
        }
    }
}
