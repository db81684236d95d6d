using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Parsing;

// Declarations and the source file: imports, const/var/type specs (with the type-parameter
// versus array-length ambiguity), functions and methods.
internal sealed partial class Parser
{
    private ImportSpec ParseImportSpec(CommentGroup? doc, Token keyword, int iota)
    {
        Ident? ident = null;
        if (_tok == Token.Ident)
        {
            ident = ParseIdent();
        }
        else if (_tok == Token.Period)
        {
            ident = new Ident { NamePos = _pos, Name = "." };
            Next();
        }

        var pos = _pos;
        var path = "";
        if (_tok == Token.String)
        {
            path = _lit!;
            Next();
        }
        else if (_tok.IsLiteral())
        {
            Error(pos, "import path must be a string");
            Next();
        }
        else
        {
            Error(pos, "missing import path");
            Advance(ExprEnd);
        }
        var comment = ExpectSemi();

        var spec = new ImportSpec
        {
            Doc = doc, Name = ident, Path = new BasicLit { ValuePos = pos, Kind = Token.String, Value = path }, Comment = comment,
        };
        _imports.Add(spec);
        return spec;
    }

    private ValueSpec ParseValueSpec(CommentGroup? doc, Token keyword, int iota)
    {
        var idents = ParseIdentList();
        Expr? type = null;
        List<Expr> values = [];
        if (keyword == Token.Const)
        {
            // always accept an optional type and values, for more tolerant parsing
            if (_tok != Token.Eof && _tok != Token.Semicolon && _tok != Token.RParen)
            {
                type = TryIdentOrType();
                if (_tok == Token.Assign)
                {
                    Next();
                    values = ParseList(true);
                }
            }
        }
        else
        {
            if (_tok != Token.Assign) type = ParseType();
            if (_tok == Token.Assign)
            {
                Next();
                values = ParseList(true);
            }
        }
        var comment = ExpectSemi();
        return new ValueSpec { Doc = doc, Names = idents, Type = type, Values = values, Comment = comment };
    }

    private void ParseGenericType(TypeSpec spec, Pos lbrack, Ident? name0, Expr? typ0)
    {
        var list = ParseParameterList(name0, typ0, Token.RBrack);
        var closing = Expect(Token.RBrack);
        spec.TypeParams = new FieldList { Opening = lbrack, List = list, Closing = closing };
        // the type checker decides whether aliases may have type parameters (go.dev/issue/46477)
        if (_tok == Token.Assign)
        {
            spec.Assign = _pos;
            Next();
        }
        spec.Type = ParseType();
    }

    private TypeSpec ParseTypeSpec(CommentGroup? doc, Token keyword, int iota)
    {
        var name = ParseIdent();
        var spec = new TypeSpec { Doc = doc, Name = name };

        if (_tok == Token.LBrack)
        {
            // an array/slice type or a type parameter list
            var lbrack = _pos;
            Next();
            if (_tok == Token.Ident)
            {
                // Parse an expression x and see whether it splits into a parameter name and a
                // constraint. A name followed by '[' must start an array or slice constraint
                // (an index expression is never a constant length), so only otherwise do we
                // parse a full expression, seeded with the name.
                Expr x = ParseIdent();
                if (_tok != Token.LBrack)
                {
                    _exprLev++;
                    var lhs = ParsePrimaryExpr(x);
                    x = ParseBinaryExpr(lhs, 1);
                    _exprLev--;
                }
                // A lone name followed by ']' is an array length; a constraint that could also
                // be a value but is followed by ',' means a type parameter list.
                var (pname, ptype) = ExtractName(x, _tok == Token.Comma);
                if (pname is not null && (ptype is not null || _tok != Token.RBrack))
                    ParseGenericType(spec, lbrack, pname, ptype);
                else
                    spec.Type = ParseArrayType(lbrack, x);
            }
            else
            {
                spec.Type = ParseArrayType(lbrack, null);
            }
        }
        else
        {
            if (_tok == Token.Assign)
            {
                spec.Assign = _pos;
                Next();
            }
            spec.Type = ParseType();
        }

        spec.Comment = ExpectSemi();
        return spec;
    }

    /// <summary>
    /// Splits <paramref name="x"/> into a type parameter name and a constraint if it can be
    /// written as <c>name constraint</c> and the constraint is surely a type element (or
    /// <paramref name="force"/>): <c>P *C</c>, <c>P (C)</c>, <c>P *A | B</c>. A bare name gives
    /// (name, null); otherwise (null, x).
    /// </summary>
    private static (Ident? Name, Expr? Type) ExtractName(Expr x, bool force)
    {
        switch (x)
        {
            case Ident ident:
                return (ident, null);
            case BinaryExpr { Op: Token.Mul } binary:
                if (binary.X is Ident name && (force || IsTypeElem(binary.Y)))
                    return (name, new StarExpr { Star = binary.OpPos, X = binary.Y });
                break;
            case BinaryExpr { Op: Token.Or } binary:
            {
                var (first, lhs) = ExtractName(binary.X, force || IsTypeElem(binary.Y));
                if (first is not null && lhs is not null)
                    return (first, new BinaryExpr { X = lhs, OpPos = binary.OpPos, Op = binary.Op, Y = binary.Y });
                break;
            }
            case CallExpr call:
                if (call.Fun is Ident callee && call.Args.Count == 1 && !call.Ellipsis.IsValid && (force || IsTypeElem(call.Args[0])))
                    return (callee, new ParenExpr { Lparen = call.Lparen, X = call.Args[0], Rparen = call.Rparen });
                break;
        }
        return (null, x);
    }

    /// <summary>Whether <paramref name="x"/> is certainly a type element, not something that could be a value.</summary>
    private static bool IsTypeElem(Expr x) => x switch
    {
        ArrayType or StructType or FuncType or InterfaceType or MapType or ChanType => true,
        BinaryExpr binary => IsTypeElem(binary.X) || IsTypeElem(binary.Y),
        UnaryExpr unary => unary.Op == Token.Tilde,
        ParenExpr paren => IsTypeElem(paren.X),
        _ => false,
    };

    private GenDecl ParseGenDecl(Token keyword, Func<CommentGroup?, Token, int, Spec> parseSpec)
    {
        var doc = _leadComment;
        var pos = Expect(keyword);
        Pos lparen = Pos.NoPos, rparen = Pos.NoPos;
        var list = new List<Spec>();
        if (_tok == Token.LParen)
        {
            lparen = _pos;
            Next();
            for (var iota = 0; _tok != Token.RParen && _tok != Token.Eof; iota++)
                list.Add(parseSpec(_leadComment, keyword, iota));
            rparen = Expect(Token.RParen);
            ExpectSemi();
        }
        else
        {
            list.Add(parseSpec(null, keyword, 0));
        }
        return new GenDecl { Doc = doc, TokPos = pos, Tok = keyword, Lparen = lparen, Specs = list, Rparen = rparen };
    }

    private FuncDecl ParseFuncDecl()
    {
        var doc = _leadComment;
        var pos = Expect(Token.Func);

        FieldList? recv = null;
        if (_tok == Token.LParen) (_, recv) = ParseParameters(false);

        var ident = ParseIdent();
        var (typeParams, parameters) = ParseParameters(true);
        if (recv is not null && typeParams is not null)
        {
            // parsed only for a better error and recovery
            Error(typeParams.Opening, "method must have no type parameters");
            typeParams = null;
        }
        var results = ParseResult();

        BlockStmt? body = null;
        switch (_tok)
        {
            case Token.LBrace:
                body = ParseBody();
                ExpectSemi();
                break;
            case Token.Semicolon:
                Next();
                if (_tok == Token.LBrace)
                {
                    // the opening { of the body is on the next line
                    Error(_pos, "unexpected semicolon or newline before {");
                    body = ParseBody();
                    ExpectSemi();
                }
                break;
            default:
                ExpectSemi();
                break;
        }

        return new FuncDecl
        {
            Doc = doc, Recv = recv, Name = ident,
            Type = new FuncType { Func = pos, TypeParams = typeParams, Params = parameters, Results = results },
            Body = body,
        };
    }

    private Decl ParseDecl(bool[] sync)
    {
        Func<CommentGroup?, Token, int, Spec> parseSpec;
        switch (_tok)
        {
            case Token.Import:
                parseSpec = ParseImportSpec;
                break;
            case Token.Const or Token.Var:
                parseSpec = ParseValueSpec;
                break;
            case Token.Type:
                parseSpec = ParseTypeSpec;
                break;
            case Token.Func:
                return ParseFuncDecl();
            default:
            {
                var pos = _pos;
                ErrorExpected(pos, "declaration");
                Advance(sync);
                return new BadDecl { From = pos, To = _pos };
            }
        }
        return ParseGenDecl(_tok, parseSpec);
    }

    /// <summary>The whole file, or null when it does not even start with a valid package clause (as go/parser).</summary>
    private Ast.File? ParseFile()
    {
        // errors scanning the first token: likely not Go source at all
        if (_errors.Count != 0) return null;

        var doc = _leadComment;
        var pos = Expect(Token.Package);
        var ident = ParseIdent();
        ExpectSemi();

        if (_errors.Count != 0) return null;

        var decls = new List<Decl>();
        while (_tok == Token.Import) decls.Add(ParseGenDecl(Token.Import, ParseImportSpec));

        var prev = Token.Import;
        while (_tok != Token.Eof)
        {
            // keep accepting imports, for tolerance, but complain
            if (_tok == Token.Import && prev != Token.Import) Error(_pos, "imports must appear before other declarations");
            prev = _tok;
            decls.Add(ParseDecl(DeclStart));
        }

        return new Ast.File
        {
            Doc = doc, Package = pos, Name = ident, Decls = decls,
            FileStart = new Pos(_base), FileEnd = new Pos(_base + _file.Size),
            Imports = _imports, Comments = _comments, GoVersion = _goVersion,
        };
    }

    /// <summary>Parses the file, turning a bailout into the partial result go/parser returns.</summary>
    public Ast.File ParseFileOrNull(out bool bailedOut)
    {
        bailedOut = false;
        Ast.File? file;
        try
        {
            file = ParseFile();
        }
        catch (Bailout)
        {
            bailedOut = true;
            file = null;
        }
        _errors.Sort();
        return file ?? new Ast.File();
    }
}
