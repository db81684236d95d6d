using System.Runtime.CompilerServices;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

// Statements and blocks.
internal sealed partial class SourcePrinter
{
    /// <summary>Prints statements one per line, keeping up to one blank line from the source between them.</summary>
    private void StmtList(List<Stmt> list, int nindent, bool nextIsRBrace)
    {
        if (nindent > 0) Print(Whitespace.Indent);
        var line = new LineRecord();
        var i = 0;
        foreach (var s in list)
        {
            if (s is EmptyStmt) continue;
            if (_output.Length > 0)
            {
                // A new section unless this continues a run of single-line statements.
                Linebreak(LineFor(s.Pos), 1, Whitespace.Ignore, i == 0 || nindent == 0 || LinesFrom(line) > 0);
            }
            RecordLine(line);
            Stmt(s, nextIsRBrace && i == list.Count - 1);
            // A labeled statement's label is on its own line: the statement starts one line later.
            for (var t = s; t is LabeledStmt labeled; t = labeled.Stmt) line.Line++;
            i++;
        }
        if (nindent > 0) Print(Whitespace.Unindent);
    }

    private void Block(BlockStmt b, int nindent)
    {
        Print(b.Lbrace, Token.LBrace);
        StmtList(b.List, nindent, true);
        Linebreak(LineFor(b.Rbrace), 1, Whitespace.Ignore, true);
        Print(b.Rbrace, Token.RBrace);
    }

    private static bool IsTypeName(Expr? x) => x switch
    {
        Ident => true,
        SelectorExpr selector => IsTypeName(selector.X),
        _ => false,
    };

    /// <summary>Removes redundant parentheses around a control clause's expression, unless they protect a composite literal.</summary>
    private static Expr StripParens(Expr x)
    {
        if (x is not ParenExpr paren) return x;
        var strip = true;
        Inspect(paren.X);
        return strip ? StripParens(paren.X) : x;

        void Inspect(Node? node)
        {
            // "if x == (T{}) {" needs its parentheses: T{ would start the block.
            switch (node)
            {
                case null or ParenExpr:
                    return;
                case CompositeLit literal:
                    if (IsTypeName(literal.Type)) strip = false;
                    return;
            }
            foreach (var child in AstChildren.Of(node)) Inspect(child);
        }
    }

    private static Expr StripParensAlways(Expr x) => x is ParenExpr paren ? StripParensAlways(paren.X) : x;

    /// <summary>
    /// The expression of an if, for, switch or range header, without redundant parentheses, but
    /// with the parentheses Go requires around a composite literal of a named type (<c>T{}</c>
    /// would open the block). Parsed trees always carry that ParenExpr; built trees may not.
    /// </summary>
    private static Expr ClauseExpr(Expr x)
    {
        var stripped = StripParens(x);
        return StartsBareNamedLiteral(stripped) ? new ParenExpr { X = stripped } : stripped;
    }

    /// <summary>Whether a composite literal of a named type occurs where the parser is at expression level 0 (not inside (), [] or {}).</summary>
    private static bool StartsBareNamedLiteral(Expr? x) => x switch
    {
        CompositeLit literal => literal.Type is Ident or Ast.SelectorExpr or IndexExpr or IndexListExpr || StartsBareNamedLiteral(literal.Type),
        BinaryExpr binary => StartsBareNamedLiteral(binary.X) || StartsBareNamedLiteral(binary.Y),
        UnaryExpr unary => StartsBareNamedLiteral(unary.X),
        StarExpr star => StartsBareNamedLiteral(star.X),
        Ast.SelectorExpr selector => StartsBareNamedLiteral(selector.X),
        Ast.CallExpr call => StartsBareNamedLiteral(call.Fun),
        IndexExpr index => StartsBareNamedLiteral(index.X),
        IndexListExpr indexList => StartsBareNamedLiteral(indexList.X),
        Ast.SliceExpr slice => StartsBareNamedLiteral(slice.X),
        TypeAssertExpr assert => StartsBareNamedLiteral(assert.X),
        _ => false,
    };

    private void ControlClause(bool isForStmt, Stmt? init, Expr? expr, Stmt? post)
    {
        Print(Whitespace.Blank);
        var needsBlank = false;
        if (init is null && post is null)
        {
            if (expr is not null)
            {
                Expr(ClauseExpr(expr));
                needsBlank = true;
            }
        }
        else
        {
            if (init is not null) Stmt(init, false);
            Print(Token.Semicolon, Whitespace.Blank);
            if (expr is not null)
            {
                Expr(ClauseExpr(expr));
                needsBlank = true;
            }
            if (isForStmt)
            {
                Print(Token.Semicolon, Whitespace.Blank);
                needsBlank = false;
                if (post is not null)
                {
                    Stmt(post, false);
                    needsBlank = true;
                }
            }
        }
        if (needsBlank) Print(Whitespace.Blank);
    }

    /// <summary>Whether a multi-line return list should be indented (it starts a new line, or several elements span lines).</summary>
    private bool IndentList(List<Expr> list)
    {
        if (list.Count < 2) return false;
        var b = LineFor(list[0].Pos);
        var e = LineFor(list[^1].End);
        if (b == 0)
        {
            // Built without positions: judge by the printed form, as gofmt will when it re-reads it.
            return list.Count(PrintsOnSeveralLines) > 1;
        }
        if (0 < b && b < e)
        {
            var multiLine = 0;
            var line = b;
            foreach (var x in list)
            {
                var xb = LineFor(x.Pos);
                var xe = LineFor(x.End);
                if (line < xb) return true; // x starts on a new line
                if (xb < xe) multiLine++;
                line = xe;
            }
            return multiLine > 1;
        }
        return false;
    }

    private bool PrintsOnSeveralLines(Expr x) =>
        Format(new PrinterOptions { Mode = PrinterMode.RawFormat, TabWidth = _config.TabWidth }, _fset, x, _nodeSizes).Contains('\n');

    private void Stmt(Stmt stmt, bool nextIsRBrace)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        Print(stmt.Pos);

        switch (stmt)
        {
            case BadStmt:
                Print("BadStmt");
                break;

            case DeclStmt declStmt:
                Decl(declStmt.Decl);
                break;

            case EmptyStmt:
                break;

            case LabeledStmt labeled:
                // Labels are outdented by one level.
                Print(Whitespace.Unindent);
                Expr(labeled.Label);
                Print(labeled.Colon, Token.Colon, Whitespace.Indent);
                if (labeled.Stmt is EmptyStmt empty)
                {
                    if (!nextIsRBrace)
                    {
                        Print(Whitespace.Newline, empty.Pos, Token.Semicolon);
                        break;
                    }
                }
                else
                {
                    Linebreak(LineFor(labeled.Stmt.Pos), 1, Whitespace.Ignore, true);
                }
                Stmt(labeled.Stmt, nextIsRBrace);
                break;

            case ExprStmt exprStmt:
                Expr0(exprStmt.X, 1);
                break;

            case SendStmt send:
                Expr0(send.Chan, 1);
                Print(Whitespace.Blank, send.Arrow, Token.Arrow, Whitespace.Blank);
                Expr0(send.Value, 1);
                break;

            case IncDecStmt incDec:
                Expr0(incDec.X, 2);
                Print(incDec.TokPos, incDec.Tok);
                break;

            case AssignStmt assign:
            {
                var depth = assign.Lhs.Count > 1 && assign.Rhs.Count > 1 ? 2 : 1;
                ExprList(assign.Pos, assign.Lhs, depth, ListMode.None, assign.TokPos, false);
                Print(Whitespace.Blank, assign.TokPos, assign.Tok, Whitespace.Blank);
                ExprList(assign.TokPos, assign.Rhs, depth, ListMode.None, Pos.NoPos, false);
                break;
            }

            case GoStmt goStmt:
                Print(Token.Go, Whitespace.Blank);
                Expr(goStmt.Call);
                break;

            case DeferStmt deferStmt:
                Print(Token.Defer, Whitespace.Blank);
                Expr(deferStmt.Call);
                break;

            case ReturnStmt returnStmt:
                Print(Token.Return);
                if (returnStmt.Results.Count > 0)
                {
                    Print(Whitespace.Blank);
                    if (IndentList(returnStmt.Results))
                    {
                        Print(Whitespace.Indent);
                        ExprList(Pos.NoPos, returnStmt.Results, 1, ListMode.NoIndent, Pos.NoPos, false);
                        Print(Whitespace.Unindent);
                    }
                    else
                    {
                        ExprList(Pos.NoPos, returnStmt.Results, 1, ListMode.None, Pos.NoPos, false);
                    }
                }
                break;

            case BranchStmt branch:
                Print(branch.Tok);
                if (branch.Label is not null)
                {
                    Print(Whitespace.Blank);
                    Expr(branch.Label);
                }
                break;

            case BlockStmt block:
                Block(block, 1);
                break;

            case IfStmt ifStmt:
                Print(Token.If);
                ControlClause(false, ifStmt.Init, ifStmt.Cond, null);
                Block(ifStmt.Body, 1);
                if (ifStmt.Else is not null)
                {
                    Print(Whitespace.Blank, Token.Else, Whitespace.Blank);
                    if (ifStmt.Else is BlockStmt or IfStmt)
                    {
                        Stmt(ifStmt.Else, nextIsRBrace);
                    }
                    else
                    {
                        // Not valid Go, but print it as a block so the output parses.
                        Print(Token.LBrace, Whitespace.Indent, Whitespace.Formfeed);
                        Stmt(ifStmt.Else, true);
                        Print(Whitespace.Unindent, Whitespace.Formfeed, Token.RBrace);
                    }
                }
                break;

            case CaseClause caseClause:
                if (caseClause.List.Count > 0)
                {
                    Print(Token.Case, Whitespace.Blank);
                    ExprList(caseClause.Pos, caseClause.List, 1, ListMode.None, caseClause.Colon, false);
                }
                else
                {
                    Print(Token.Default);
                }
                Print(caseClause.Colon, Token.Colon);
                StmtList(caseClause.Body, 1, nextIsRBrace);
                break;

            case SwitchStmt switchStmt:
                Print(Token.Switch);
                ControlClause(false, switchStmt.Init, switchStmt.Tag, null);
                Block(switchStmt.Body, 0);
                break;

            case TypeSwitchStmt typeSwitch:
                Print(Token.Switch);
                if (typeSwitch.Init is not null)
                {
                    Print(Whitespace.Blank);
                    Stmt(typeSwitch.Init, false);
                    Print(Token.Semicolon);
                }
                Print(Whitespace.Blank);
                Stmt(typeSwitch.Assign, false);
                Print(Whitespace.Blank);
                Block(typeSwitch.Body, 0);
                break;

            case CommClause commClause:
                if (commClause.Comm is not null)
                {
                    Print(Token.Case, Whitespace.Blank);
                    Stmt(commClause.Comm, false);
                }
                else
                {
                    Print(Token.Default);
                }
                Print(commClause.Colon, Token.Colon);
                StmtList(commClause.Body, 1, nextIsRBrace);
                break;

            case SelectStmt select:
            {
                Print(Token.Select, Whitespace.Blank);
                var body = select.Body;
                if (body.List.Count == 0 && !CommentBefore(PosFor(body.Rbrace)))
                {
                    Print(body.Lbrace, Token.LBrace, body.Rbrace, Token.RBrace); // select {}
                }
                else
                {
                    Block(body, 0);
                }
                break;
            }

            case ForStmt forStmt:
                Print(Token.For);
                ControlClause(true, forStmt.Init, forStmt.Cond, forStmt.Post);
                Block(forStmt.Body, 1);
                break;

            case RangeStmt range:
                Print(Token.For, Whitespace.Blank);
                if (range.Key is not null)
                {
                    Expr(range.Key);
                    if (range.Value is not null)
                    {
                        Print(range.Value.Pos, Token.Comma, Whitespace.Blank);
                        Expr(range.Value);
                    }
                    Print(Whitespace.Blank, range.TokPos, range.Tok, Whitespace.Blank);
                }
                Print(Token.Range, Whitespace.Blank);
                Expr(ClauseExpr(range.X));
                Print(Whitespace.Blank);
                Block(range.Body, 1);
                break;

            default:
                throw new MalformedAstException($"unsupported statement node {stmt.GetType().Name}", stmt);
        }
    }
}
