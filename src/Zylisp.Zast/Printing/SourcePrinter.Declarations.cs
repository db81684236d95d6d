using System.Runtime.CompilerServices;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

// Declarations, function bodies, files, and the entry point for any node.
internal sealed partial class SourcePrinter
{
    private void PrintNode(Node node)
    {
        if (node is Ast.File file)
        {
            _comments = file.Comments.Count > 0 ? file.Comments : null;
        }
        // Without a comment list (not a file), each node's own Doc and line comments are printed.
        _useNodeComments = _comments is null;
        NextComment();
        Print(CommentMode.None);

        switch (node)
        {
            case Expr expr:
                Expr(expr);
                break;
            case Stmt stmt:
                if (stmt is LabeledStmt) _indent = 1; // a label is outdented, so make room
                Stmt(stmt, false);
                break;
            case Decl decl:
                Decl(decl);
                break;
            case Spec spec:
                Spec(spec, 1, false);
                break;
            case Ast.File f:
                File(f);
                break;
            default:
                throw new MalformedAstException($"cannot print a {node.GetType().Name} on its own", node);
        }
    }

    /// <summary>
    /// For each run of specs with values, whether the type column must be kept because some spec
    /// in the run has a type (so that values stay aligned).
    /// </summary>
    private static bool[] KeepTypeColumn(List<Spec> specs)
    {
        var keep = new bool[specs.Count];
        var runStart = -1;
        var keepType = false;
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = (ValueSpec)specs[i];
            if (spec.Values.Count > 0)
            {
                if (runStart < 0)
                {
                    runStart = i;
                    keepType = false;
                }
            }
            else if (runStart >= 0)
            {
                if (keepType) Array.Fill(keep, true, runStart, i - runStart);
                runStart = -1;
            }
            if (spec.Type is not null) keepType = true;
        }
        if (runStart >= 0 && keepType) Array.Fill(keep, true, runStart, specs.Count - runStart);
        return keep;
    }

    /// <summary>A value spec inside a const or var group: names, type, values and comment are separate columns.</summary>
    private void ValueSpec(ValueSpec s, bool keepType)
    {
        SetDocComment(s.Doc);
        IdentList(s.Names, false);
        var extraTabs = 3;
        if (s.Type is not null || keepType)
        {
            Print(Whitespace.Vtab);
            extraTabs--;
        }
        if (s.Type is not null) Expr(s.Type);
        if (s.Values.Count > 0)
        {
            Print(Whitespace.Vtab, Token.Assign, Whitespace.Blank);
            ExprList(Pos.NoPos, s.Values, 1, ListMode.None, Pos.NoPos, false);
            extraTabs--;
        }
        if (s.Comment is not null)
        {
            for (; extraTabs > 0; extraTabs--) Print(Whitespace.Vtab);
            SetTrailingComment(s.Comment);
        }
    }

    private void Spec(Spec spec, int n, bool doIndent)
    {
        switch (spec)
        {
            case ImportSpec import:
                SetDocComment(import.Doc);
                if (import.Name is not null)
                {
                    Expr(import.Name);
                    Print(Whitespace.Blank);
                }
                Expr(LiteralNormalizer.SanitizeImportPath(import.Path));
                SetTrailingComment(import.Comment);
                Print(import.EndPos);
                break;

            case ValueSpec value:
                SetDocComment(value.Doc);
                IdentList(value.Names, doIndent);
                if (value.Type is not null)
                {
                    Print(Whitespace.Blank);
                    Expr(value.Type);
                }
                if (value.Values.Count > 0)
                {
                    Print(Whitespace.Blank, Token.Assign, Whitespace.Blank);
                    ExprList(Pos.NoPos, value.Values, 1, ListMode.None, Pos.NoPos, false);
                }
                SetTrailingComment(value.Comment);
                break;

            case TypeSpec type:
                SetDocComment(type.Doc);
                Expr(type.Name);
                if (type.TypeParams is not null) Parameters(type.TypeParams, ParamMode.TypeTypeParam);
                Print(n == 1 ? Whitespace.Blank : Whitespace.Vtab);
                if (type.Assign.IsValid) Print(Token.Assign, Whitespace.Blank);
                Expr(type.Type);
                SetTrailingComment(type.Comment);
                break;

            default:
                throw new MalformedAstException($"unsupported spec node {spec.GetType().Name}", spec);
        }
    }

    private void GenDecl(GenDecl d)
    {
        SetDocComment(d.Doc);
        Print(d.Pos, d.Tok, Whitespace.Blank);

        if (d.Lparen.IsValid || d.Specs.Count > 1 || HasPositionlessSpecDoc(d))
        {
            // The grouped form: one spec per line, indented.
            Print(d.Lparen, Token.LParen);
            var specs = d.Tok == Token.Import ? ImportOrder.ForPositionless(d.Specs) : d.Specs;
            var n = specs.Count;
            if (n > 0)
            {
                Print(Whitespace.Indent, Whitespace.Formfeed);
                var line = new LineRecord();
                if (n > 1 && d.Tok is Token.Const or Token.Var && specs.TrueForAll(s => s is ValueSpec))
                {
                    var keepType = KeepTypeColumn(specs);
                    for (var i = 0; i < n; i++)
                    {
                        if (i > 0) Linebreak(LineFor(specs[i].Pos), 1, Whitespace.Ignore, LinesFrom(line) > 0);
                        RecordLine(line);
                        ValueSpec((ValueSpec)specs[i], keepType[i]);
                    }
                }
                else
                {
                    for (var i = 0; i < n; i++)
                    {
                        if (i > 0) Linebreak(LineFor(specs[i].Pos), 1, Whitespace.Ignore, LinesFrom(line) > 0);
                        RecordLine(line);
                        Spec(specs[i], n, false);
                    }
                }
                Print(Whitespace.Unindent, Whitespace.Formfeed);
            }
            Print(d.Rparen, Token.RParen);
        }
        else if (d.Specs.Count > 0)
        {
            Spec(d.Specs[0], 1, true);
        }
    }

    /// <summary>
    /// A lone spec's doc comment needs the grouped form: "var // doc" would put the comment
    /// after the keyword. Parsed trees attach such a comment to the GenDecl instead.
    /// </summary>
    private static bool HasPositionlessSpecDoc(GenDecl d) =>
        d.Specs.Count == 1 && !d.TokPos.IsValid && d.Specs[0] switch
        {
            ValueSpec value => value.Doc is not null,
            TypeSpec type => type.Doc is not null,
            ImportSpec import => import.Doc is not null,
            _ => false,
        };

    /// <summary>
    /// The length of <paramref name="node"/> printed on one line, or more than
    /// <paramref name="maxSize"/> if it is longer or needs several lines. Memoised per node.
    /// </summary>
    private int NodeSize(Node node, int maxSize)
    {
        if (_nodeSizes.TryGetValue(node, out var known)) return known.Value;
        var size = maxSize + 1; // assume it does not fit (also guards against recursion)
        var box = new StrongBox<int>(size);
        _nodeSizes[node] = box;

        string text;
        try
        {
            text = Format(new PrinterOptions { Mode = PrinterMode.RawFormat, TabWidth = _config.TabWidth }, _fset, node, _nodeSizes);
        }
        catch (MalformedAstException)
        {
            return size;
        }
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        if (bytes <= maxSize && !text.Contains('\n') && !text.Contains('\f'))
        {
            size = bytes;
            box.Value = size;
        }
        return size;
    }

    private int NumLines(Node node)
    {
        var from = node.Pos;
        if (from.IsValid)
        {
            var to = node.End;
            if (to.IsValid) return LineFor(to) - LineFor(from) + 1;
        }
        return Infinity;
    }

    /// <summary>The size of a block printed on one line, or more than <paramref name="maxSize"/>.</summary>
    private int BodySize(BlockStmt b, int maxSize)
    {
        var pos1 = b.Pos;
        var pos2 = b.Rbrace;
        if (pos1.IsValid && pos2.IsValid && LineFor(pos1) != LineFor(pos2)) return maxSize + 1; // multi-line in the source
        if (b.List.Count > 5) return maxSize + 1;
        var bodySize = CommentSizeBefore(PosFor(pos2));
        for (var i = 0; i < b.List.Count; i++)
        {
            if (bodySize > maxSize) break;
            if (i > 0) bodySize += 2; // "; "
            bodySize += NodeSize(b.List[i], maxSize);
        }
        return bodySize;
    }

    /// <summary>Prints a function body, on the header's line when it is small and was on one line in the source.</summary>
    private void FuncBody(int headerSize, Whitespace sep, BlockStmt? b)
    {
        if (b is null) return;
        var savedLevel = _level;
        _level = 0;
        const int maxSize = 100;
        if (headerSize + BodySize(b, maxSize) <= maxSize)
        {
            Print(sep, b.Lbrace, Token.LBrace);
            if (b.List.Count > 0)
            {
                Print(Whitespace.Blank);
                for (var i = 0; i < b.List.Count; i++)
                {
                    if (i > 0) Print(Token.Semicolon, Whitespace.Blank);
                    Stmt(b.List[i], i == b.List.Count - 1);
                }
                Print(Whitespace.Blank);
            }
            Print(CommentMode.NoExtraLinebreak, b.Rbrace, Token.RBrace, CommentMode.NoExtraLinebreak);
        }
        else
        {
            if (sep != Whitespace.Ignore) Print(Whitespace.Blank); // always a blank before a multi-line body
            Block(b, 1);
        }
        _level = savedLevel;
    }

    /// <summary>The output distance from <paramref name="startOutCol"/> if still on the line of <paramref name="startPos"/>, else infinity.</summary>
    private int DistanceFrom(Pos startPos, int startOutCol)
    {
        if (startPos.IsValid && _pos.IsValid && PosFor(startPos).Line == _pos.Line) return _out.Column - startOutCol;
        return Infinity;
    }

    private void FuncDecl(FuncDecl d)
    {
        SetDocComment(d.Doc);
        Print(d.Pos, Token.Func, Whitespace.Blank);
        var startCol = _out.Column - "func ".Length;
        if (d.Recv is not null)
        {
            Parameters(d.Recv, ParamMode.FuncParam);
            Print(Whitespace.Blank);
        }
        Expr(d.Name);
        Signature(d.Type);
        FuncBody(DistanceFrom(d.Pos, startCol), Whitespace.Vtab, d.Body);
    }

    private void Decl(Decl decl)
    {
        switch (decl)
        {
            case BadDecl bad:
                Print(bad.Pos, "BadDecl");
                break;
            case GenDecl gen:
                GenDecl(gen);
                break;
            case FuncDecl func:
                FuncDecl(func);
                break;
            default:
                throw new MalformedAstException($"unsupported declaration node {decl.GetType().Name}", decl);
        }
    }

    private static Token DeclToken(Decl decl) => decl switch
    {
        GenDecl gen => gen.Tok,
        Ast.FuncDecl => Token.Func,
        _ => Token.Illegal,
    };

    private static CommentGroup? DocOf(Decl decl) => decl switch
    {
        GenDecl gen => gen.Doc,
        Ast.FuncDecl func => func.Doc,
        _ => null,
    };

    private void DeclList(List<Decl> list)
    {
        var tok = Token.Illegal;
        foreach (var d in list)
        {
            var prev = tok;
            tok = DeclToken(d);
            if (_output.Length > 0)
            {
                // A blank line between declarations of different kinds or before a documented one.
                var min = prev != tok || DocOf(d) is not null ? 2 : 1;
                Linebreak(LineFor(d.Pos), min, Whitespace.Ignore, tok == Token.Func && NumLines(d) > 1);
            }
            Decl(d);
        }
    }

    private void File(Ast.File src)
    {
        SetDocComment(src.Doc);
        Print(src.Pos, Token.Package, Whitespace.Blank);
        Expr(src.Name);
        DeclList(src.Decls);
        Print(Whitespace.Newline);
    }
}
