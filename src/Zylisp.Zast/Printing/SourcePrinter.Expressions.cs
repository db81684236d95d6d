using System.Runtime.CompilerServices;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

// Expressions. Binary expressions use "depth"-based spacing: at the top level operators are
// surrounded by blanks, but inside a larger expression the tighter-binding operators lose them
// so that precedence shows (a*b + c, f(a+b, c)).
internal sealed partial class SourcePrinter
{
    // WalkBinary is pure per node; go/printer recomputes it at every level of a nested binary
    // expression, which is quadratic in a long a + b + c + ... chain. Memoising keeps it linear.
    private readonly Dictionary<BinaryExpr, BinaryFacts> _binaryFacts = new(ReferenceEqualityComparer.Instance);

    /// <summary>A class, not a value tuple: the dictionary's generic code over it comes precompiled.</summary>
    private sealed record BinaryFacts(bool Has4, bool Has5, int MaxProblem);

    /// <summary>Collects which precedence levels (4: + - | ^, 5: * / etc.) occur and whether omitting blanks could create a wrong token.</summary>
    private BinaryFacts WalkBinary(BinaryExpr e)
    {
        if (_binaryFacts.TryGetValue(e, out var known)) return known;
        var facts = ComputeBinaryFacts(e);
        _binaryFacts[e] = facts;
        return facts;
    }

    private BinaryFacts ComputeBinaryFacts(BinaryExpr e)
    {
        var has4 = false;
        var has5 = false;
        var maxProblem = 0;
        switch (e.Op.Precedence())
        {
            case 4: has4 = true; break;
            case 5: has5 = true; break;
        }

        if (e.X is BinaryExpr left && left.Op.Precedence() >= e.Op.Precedence())
        {
            var (h4, h5, mp) = WalkBinary(left);
            has4 |= h4;
            has5 |= h5;
            maxProblem = Math.Max(maxProblem, mp);
        }

        switch (e.Y)
        {
            case BinaryExpr right when right.Op.Precedence() > e.Op.Precedence():
            {
                var (h4, h5, mp) = WalkBinary(right);
                has4 |= h4;
                has5 |= h5;
                maxProblem = Math.Max(maxProblem, mp);
                break;
            }
            case StarExpr:
                if (e.Op == Token.Quo) maxProblem = 5; // x / *p would start a comment
                break;
            case UnaryExpr unary:
                switch (e.Op.Text() + unary.Op.Text())
                {
                    case "/*" or "&&" or "&^":
                        maxProblem = 5;
                        break;
                    case "++" or "--":
                        maxProblem = Math.Max(maxProblem, 4);
                        break;
                }
                break;
        }
        return new BinaryFacts(has4, has5, maxProblem);
    }

    /// <summary>The precedence from which operators are printed without surrounding blanks.</summary>
    private int Cutoff(BinaryExpr e, int depth)
    {
        var (has4, has5, maxProblem) = WalkBinary(e);
        if (maxProblem > 0) return maxProblem + 1;
        if (has4 && has5) return depth == 1 ? 5 : 4;
        return depth == 1 ? 6 : 4;
    }

    private static int DiffPrec(Expr expr, int prec) =>
        expr is BinaryExpr binary && prec == binary.Op.Precedence() ? 0 : 1;

    private static int ReduceDepth(int depth) => Math.Max(1, depth - 1);

    private void BinaryExpr(BinaryExpr x, int prec1, int cutoff, int depth)
    {
        var prec = x.Op.Precedence();
        if (prec < prec1)
        {
            // Needs parentheses (only for hand-built trees; parsed ones carry ParenExpr nodes).
            Print(Token.LParen);
            Expr0(x, ReduceDepth(depth)); // parentheses undo one level of depth
            Print(Token.RParen);
            return;
        }

        var printBlank = prec < cutoff;
        var ws = Whitespace.Indent;
        Expr1(x.X, prec, depth + DiffPrec(x.X, prec));
        if (printBlank) Print(Whitespace.Blank);
        var xline = _pos.Line; // before the operator, which may be on the next line
        var yline = LineFor(x.Y.Pos);
        Print(x.OpPos, x.Op);
        if (xline != yline && xline > 0 && yline > 0)
        {
            // The operand was on a later line in the source: keep the break, indented.
            if (Linebreak(yline, 1, ws, true) > 0)
            {
                ws = Whitespace.Ignore;
                printBlank = false;
            }
        }
        if (printBlank) Print(Whitespace.Blank);
        Expr1(x.Y, prec + 1, depth + 1);
        if (ws == Whitespace.Ignore) Print(Whitespace.Unindent);
    }

    private void Expr1(Expr expr, int prec1, int depth)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        Print(expr.Pos);
        if (_lineObserver is not null && _lineObserver.Wants(expr))
        {
            _pendingObserved.Add(expr);
        }

        switch (expr)
        {
            case BadExpr:
                Print("BadExpr");
                break;

            case Ident ident:
                Print(ident);
                break;

            case BinaryExpr binary:
                depth = Math.Max(1, depth);
                BinaryExpr(binary, prec1, Cutoff(binary, depth), depth);
                break;

            case KeyValueExpr pair:
                Expr(pair.Key);
                Print(pair.Colon, Token.Colon, Whitespace.Blank);
                Expr(pair.Value);
                break;

            case StarExpr star:
                // go/printer prints the operand at the lowest precedence, which is only right
                // because parsed trees wrap a binary operand in a ParenExpr. A built tree may
                // not, so the operand is printed as a unary operand: a binary one gets the
                // parentheses it needs (*(a + b)), and parsed trees print exactly as before.
                if (TokenInfo.UnaryPrecedence < prec1)
                {
                    Print(Token.LParen, Token.Mul);
                    Expr1(star.X, TokenInfo.UnaryPrecedence, 1);
                    Print(Token.RParen);
                }
                else
                {
                    Print(Token.Mul);
                    Expr1(star.X, TokenInfo.UnaryPrecedence, 1);
                }
                break;

            case UnaryExpr unary:
                if (TokenInfo.UnaryPrecedence < prec1)
                {
                    Print(Token.LParen);
                    Expr(unary);
                    Print(Token.RParen);
                }
                else
                {
                    Print(unary.Op);
                    if (unary.Op == Token.Range) Print(Whitespace.Blank); // range x in a for clause
                    Expr1(unary.X, TokenInfo.UnaryPrecedence, depth);
                }
                break;

            case BasicLit literal:
                Print((_config.Mode & PrinterMode.NormalizeNumbers) != 0 ? LiteralNormalizer.NormalizeNumber(literal) : literal);
                break;

            case FuncLit funcLit:
            {
                Print(funcLit.Type.Pos, Token.Func);
                var startCol = _out.Column - "func".Length;
                Signature(funcLit.Type);
                FuncBody(DistanceFrom(funcLit.Type.Pos, startCol), Whitespace.Blank, funcLit.Body);
                break;
            }

            case ParenExpr paren:
                if (paren.X is ParenExpr)
                {
                    Expr0(paren.X, depth); // (( x )) prints as ( x )
                }
                else
                {
                    Print(Token.LParen);
                    Expr0(paren.X, ReduceDepth(depth));
                    Print(paren.Rparen, Token.RParen);
                }
                break;

            case SelectorExpr selector:
                SelectorExpr(selector, depth, false);
                break;

            case TypeAssertExpr assert:
                Expr1(assert.X, TokenInfo.HighestPrecedence, depth);
                Print(Token.Period, assert.Lparen, Token.LParen);
                if (assert.Type is not null) Expr(assert.Type); else Print(Token.Type);
                Print(assert.Rparen, Token.RParen);
                break;

            case IndexExpr index:
                Expr1(index.X, TokenInfo.HighestPrecedence, 1);
                Print(index.Lbrack, Token.LBrack);
                Expr0(index.Index, depth + 1);
                Print(index.Rbrack, Token.RBrack);
                break;

            case IndexListExpr indexList:
                Expr1(indexList.X, TokenInfo.HighestPrecedence, 1);
                Print(indexList.Lbrack, Token.LBrack);
                ExprList(indexList.Lbrack, indexList.Indices, depth + 1, ListMode.CommaTerm, indexList.Rbrack, false);
                Print(indexList.Rbrack, Token.RBrack);
                break;

            case SliceExpr slice:
                SliceExpr(slice, depth);
                break;

            case CallExpr call:
                CallExpr(call, depth);
                break;

            case CompositeLit composite:
            {
                if (composite.Type is not null) Expr1(composite.Type, TokenInfo.HighestPrecedence, depth);
                _level++;
                Print(composite.Lbrace, Token.LBrace);
                ExprList(composite.Lbrace, composite.Elts, 1, ListMode.CommaTerm, composite.Rbrace, composite.Incomplete);
                // A comment before the closing brace gets neither an extra line break nor, after
                // elements, an extra blank.
                var mode = CommentMode.NoExtraLinebreak;
                if (composite.Elts.Count > 0) mode |= CommentMode.NoExtraBlank;
                Print(Whitespace.Indent, Whitespace.Unindent, mode, composite.Rbrace, Token.RBrace, mode);
                _level--;
                break;
            }

            case Ellipsis ellipsis:
                Print(Token.Ellipsis);
                if (ellipsis.Elt is not null) Expr(ellipsis.Elt);
                break;

            case ArrayType array:
                Print(Token.LBrack);
                if (array.Len is not null) Expr(array.Len);
                Print(Token.RBrack);
                Expr(array.Elt);
                break;

            case StructType structType:
                Print(Token.Struct);
                FieldList(structType.Fields, true, structType.Incomplete);
                break;

            case FuncType funcType:
                Print(Token.Func);
                Signature(funcType);
                break;

            case InterfaceType interfaceType:
                Print(Token.Interface);
                FieldList(interfaceType.Methods, false, interfaceType.Incomplete);
                break;

            case MapType map:
                Print(Token.Map, Token.LBrack);
                Expr(map.Key);
                Print(Token.RBrack);
                Expr(map.Value);
                break;

            case ChanType chan:
                switch (chan.Dir)
                {
                    case ChanDir.Recv:
                        Print(Token.Arrow, Token.Chan);
                        break;
                    case ChanDir.Send:
                        Print(Token.Chan, chan.Arrow, Token.Arrow);
                        break;
                    default:
                        Print(Token.Chan);
                        break;
                }
                Print(Whitespace.Blank);
                Expr(chan.Value);
                break;

            default:
                throw new MalformedAstException($"unsupported expression node {expr.GetType().Name}", expr);
        }
    }

    private void SliceExpr(SliceExpr x, int depth)
    {
        Expr1(x.X, TokenInfo.HighestPrecedence, 1);
        Print(x.Lbrack, Token.LBrack);
        var indices = x.Max is not null ? new[] { x.Low, x.High, x.Max } : new[] { x.Low, x.High };
        // Blanks around the colons only when an index is a binary expression: s[a+1 : b].
        var needsBlanks = false;
        if (depth <= 1)
        {
            var indexCount = 0;
            var hasBinaries = false;
            foreach (var index in indices)
            {
                if (index is null) continue;
                indexCount++;
                if (index is BinaryExpr) hasBinaries = true;
            }
            needsBlanks = indexCount > 1 && hasBinaries;
        }
        for (var i = 0; i < indices.Length; i++)
        {
            var index = indices[i];
            if (i > 0)
            {
                if (indices[i - 1] is not null && needsBlanks) Print(Whitespace.Blank);
                Print(Token.Colon);
                if (index is not null && needsBlanks) Print(Whitespace.Blank);
            }
            if (index is not null) Expr0(index, depth + 1);
        }
        Print(x.Rbrack, Token.RBrack);
    }

    private void CallExpr(CallExpr x, int depth)
    {
        if (x.Args.Count > 1) depth++;
        bool wasIndented;
        if (x.Fun is FuncType)
        {
            // A conversion to a function type needs parentheses: (func())(x).
            Print(Token.LParen);
            wasIndented = PossibleSelectorExpr(x.Fun, TokenInfo.HighestPrecedence, depth);
            Print(Token.RParen);
        }
        else
        {
            wasIndented = PossibleSelectorExpr(x.Fun, TokenInfo.HighestPrecedence, depth);
        }
        Print(x.Lparen, Token.LParen);
        if (x.Ellipsis.IsValid)
        {
            ExprList(x.Lparen, x.Args, depth, ListMode.None, x.Ellipsis, false);
            Print(x.Ellipsis, Token.Ellipsis);
            if (x.Rparen.IsValid && LineFor(x.Ellipsis) < LineFor(x.Rparen)) Print(Token.Comma, Whitespace.Formfeed);
        }
        else
        {
            ExprList(x.Lparen, x.Args, depth, ListMode.CommaTerm, x.Rparen, false);
        }
        Print(x.Rparen, Token.RParen);
        if (wasIndented) Print(Whitespace.Unindent);
    }

    private bool PossibleSelectorExpr(Expr expr, int prec1, int depth)
    {
        if (expr is SelectorExpr selector) return SelectorExpr(selector, depth, true);
        Expr1(expr, prec1, depth);
        return false;
    }

    /// <summary>Prints x.Sel; a selector on a later source line is indented. Returns whether a method call must unindent after its arguments.</summary>
    private bool SelectorExpr(SelectorExpr x, int depth, bool isMethod)
    {
        Expr1(x.X, TokenInfo.HighestPrecedence, depth);
        Print(Token.Period);
        var line = LineFor(x.Sel.Pos);
        if (_pos.IsValid && _pos.Line < line)
        {
            Print(Whitespace.Indent, Whitespace.Newline, x.Sel.Pos, x.Sel);
            if (!isMethod) Print(Whitespace.Unindent);
            return true;
        }
        Print(x.Sel.Pos, x.Sel);
        return false;
    }

    private void Expr0(Expr x, int depth) => Expr1(x, 0, depth);

    private void Expr(Expr x) => Expr1(x, 0, 1);
}
