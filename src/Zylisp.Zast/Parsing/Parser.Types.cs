using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Parsing;

// Types: names and instantiations, arrays, structs, pointers, functions and parameter lists,
// interfaces with type-set elements, maps and channels.
internal sealed partial class Parser
{
    private Ident ParseIdent()
    {
        var pos = _pos;
        var name = "_";
        if (_tok == Token.Ident)
        {
            name = _lit!;
            Next();
        }
        else
        {
            Expect(Token.Ident); // for its error
        }
        return new Ident { NamePos = pos, Name = name };
    }

    private List<Ident> ParseIdentList()
    {
        var list = new List<Ident> { ParseIdent() };
        while (_tok == Token.Comma)
        {
            Next();
            list.Add(ParseIdent());
        }
        return list;
    }

    private Expr ParseType()
    {
        var type = TryIdentOrType();
        if (type is null)
        {
            var pos = _pos;
            ErrorExpected(pos, "type");
            Advance(ExprEnd);
            return new BadExpr { From = pos, To = _pos };
        }
        return type;
    }

    private Expr ParseQualifiedIdent(Ident? ident)
    {
        var type = ParseTypeName(ident);
        if (_tok == Token.LBrack) type = ParseTypeInstance(type);
        return type;
    }

    /// <summary><c>Name</c> or <c>pkg.Name</c>.</summary>
    private Expr ParseTypeName(Ident? ident)
    {
        ident ??= ParseIdent();
        if (_tok != Token.Period) return ident;
        Next();
        var sel = ParseIdent();
        return new SelectorExpr { X = ident, Sel = sel };
    }

    /// <summary>An array or slice type after its '[': <paramref name="length"/> is an already parsed length, if any.</summary>
    private ArrayType ParseArrayType(Pos lbrack, Expr? length)
    {
        if (length is null)
        {
            _exprLev++;
            // always accept "..." for friendlier errors
            if (_tok == Token.Ellipsis)
            {
                length = new Ellipsis { EllipsisPos = _pos };
                Next();
            }
            else if (_tok != Token.RBrack)
            {
                length = ParseRhs();
            }
            _exprLev--;
        }
        if (_tok == Token.Comma)
        {
            // trailing commas belong to type parameter lists, not array lengths
            Error(_pos, "unexpected comma; expecting ]");
            Next();
        }
        Expect(Token.RBrack);
        var elt = ParseType();
        return new ArrayType { Lbrack = lbrack, Len = length, Elt = elt };
    }

    /// <summary>After a field or parameter name and '[': an array type <c>x [N]E</c> / <c>x []E</c>, or an instantiated type <c>x[P, Q]</c> (name becomes null).</summary>
    private (Ident? Name, Expr Type) ParseArrayFieldOrTypeInstance(Ident x)
    {
        var lbrack = Expect(Token.LBrack);
        var trailingComma = Pos.NoPos;
        var args = new List<Expr>();
        if (_tok != Token.RBrack)
        {
            _exprLev++;
            args.Add(ParseRhs());
            while (_tok == Token.Comma)
            {
                var comma = _pos;
                Next();
                if (_tok == Token.RBrack)
                {
                    trailingComma = comma;
                    break;
                }
                args.Add(ParseRhs());
            }
            _exprLev--;
        }
        var rbrack = Expect(Token.RBrack);

        if (args.Count == 0)
        {
            var elt = ParseType();
            return (x, new ArrayType { Lbrack = lbrack, Elt = elt });
        }

        if (args.Count == 1)
        {
            var elt = TryIdentOrType();
            if (elt is not null)
            {
                if (trailingComma.IsValid) Error(trailingComma, "unexpected comma; expecting ]");
                return (x, new ArrayType { Lbrack = lbrack, Len = args[0], Elt = elt });
            }
        }

        return (null, PackIndexExpr(x, lbrack, args, rbrack));
    }

    private Field ParseFieldDecl()
    {
        var doc = _leadComment;
        var names = new List<Ident>();
        Expr type;
        switch (_tok)
        {
            case Token.Ident:
            {
                var name = ParseIdent();
                if (_tok is Token.Period or Token.String or Token.Semicolon or Token.RBrace)
                {
                    // embedded type
                    type = name;
                    if (_tok == Token.Period) type = ParseQualifiedIdent(name);
                }
                else
                {
                    names.Add(name);
                    while (_tok == Token.Comma)
                    {
                        Next();
                        names.Add(ParseIdent());
                    }
                    // an embedded instantiated type T[P1, P2] or a field T of array type?
                    if (names.Count == 1 && _tok == Token.LBrack)
                    {
                        (var fieldName, type) = ParseArrayFieldOrTypeInstance(name);
                        if (fieldName is null) names = [];
                    }
                    else
                    {
                        type = ParseType();
                    }
                }
                break;
            }
            case Token.Mul:
            {
                var star = _pos;
                Next();
                Expr inner;
                if (_tok == Token.LParen)
                {
                    Error(_pos, "cannot parenthesize embedded type");
                    Next();
                    inner = ParseQualifiedIdent(null);
                    if (_tok == Token.RParen) Next();
                }
                else
                {
                    inner = ParseQualifiedIdent(null);
                }
                type = new StarExpr { Star = star, X = inner };
                break;
            }
            case Token.LParen:
            {
                Error(_pos, "cannot parenthesize embedded type");
                Next();
                if (_tok == Token.Mul)
                {
                    var star = _pos;
                    Next();
                    type = new StarExpr { Star = star, X = ParseQualifiedIdent(null) };
                }
                else
                {
                    type = ParseQualifiedIdent(null);
                }
                if (_tok == Token.RParen) Next();
                break;
            }
            default:
            {
                var pos = _pos;
                ErrorExpected(pos, "field name or embedded type");
                Advance(ExprEnd);
                type = new BadExpr { From = pos, To = _pos };
                break;
            }
        }

        BasicLit? tag = null;
        if (_tok == Token.String)
        {
            tag = new BasicLit { ValuePos = _pos, Kind = _tok, Value = _lit! };
            Next();
        }

        var comment = ExpectSemi();
        return new Field { Doc = doc, Names = names, Type = type, Tag = tag, Comment = comment };
    }

    private StructType ParseStructType()
    {
        var pos = Expect(Token.Struct);
        var lbrace = Expect(Token.LBrace);
        var list = new List<Field>();
        // '(' cannot start a field, but ParseFieldDecl reports it better than we could here
        while (_tok is Token.Ident or Token.Mul or Token.LParen) list.Add(ParseFieldDecl());
        var rbrace = Expect(Token.RBrace);
        return new StructType { Struct = pos, Fields = new FieldList { Opening = lbrace, List = list, Closing = rbrace } };
    }

    private StarExpr ParsePointerType()
    {
        var star = Expect(Token.Mul);
        var elem = ParseType();
        return new StarExpr { Star = star, X = elem };
    }

    private Ellipsis ParseDotsType()
    {
        var pos = Expect(Token.Ellipsis);
        var elt = ParseType();
        return new Ellipsis { EllipsisPos = pos, Elt = elt };
    }

    /// <summary>A parameter as first parsed: a name, a type, or both.</summary>
    private sealed class ParamField
    {
        public Ident? Name;
        public Expr? Type;
    }

    private ParamField ParseParamDecl(Ident? name, bool typeSetsOK)
    {
        var f = new ParamField();
        var ptok = _tok;
        if (name is not null)
        {
            _tok = Token.Ident; // force the identifier case below
        }
        else if (typeSetsOK && _tok == Token.Tilde)
        {
            f.Type = EmbeddedElem(null);
            return f;
        }

        switch (_tok)
        {
            case Token.Ident:
                if (name is not null)
                {
                    f.Name = name;
                    _tok = ptok;
                }
                else
                {
                    f.Name = ParseIdent();
                }
                switch (_tok)
                {
                    case Token.Ident or Token.Mul or Token.Arrow or Token.Func or Token.Chan or Token.Map
                        or Token.Struct or Token.Interface or Token.LParen:
                        f.Type = ParseType();
                        break;
                    case Token.LBrack:
                        (f.Name, f.Type) = ParseArrayFieldOrTypeInstance(f.Name!);
                        break;
                    case Token.Ellipsis:
                        f.Type = ParseDotsType();
                        return f; // no "...T | U"
                    case Token.Period:
                        f.Type = ParseQualifiedIdent(f.Name);
                        f.Name = null;
                        break;
                    case Token.Tilde:
                        if (typeSetsOK)
                        {
                            f.Type = EmbeddedElem(null);
                            return f;
                        }
                        break;
                    case Token.Or:
                        if (typeSetsOK)
                        {
                            f.Type = EmbeddedElem(f.Name);
                            f.Name = null;
                            return f;
                        }
                        break;
                }
                break;
            case Token.Mul or Token.Arrow or Token.Func or Token.LBrack or Token.Chan or Token.Map
                or Token.Struct or Token.Interface or Token.LParen:
                f.Type = ParseType();
                break;
            case Token.Ellipsis:
                f.Type = ParseDotsType();
                return f;
            default:
                ErrorExpected(_pos, "')'");
                Advance(ExprEnd);
                break;
        }

        // [name] type "|"
        if (typeSetsOK && _tok == Token.Or && f.Type is not null) f.Type = EmbeddedElem(f.Type);
        return f;
    }

    /// <summary>
    /// A parameter or type parameter list up to <paramref name="closing"/>, grouping names that
    /// share a type into one field. <paramref name="name0"/>/<paramref name="typ0"/> are an
    /// already parsed first name and type (from the type-declaration ambiguity).
    /// </summary>
    private List<Field> ParseParameterList(Ident? name0, Expr? typ0, Token closing)
    {
        var typeParams = closing == Token.RBrack;
        var pos0 = _pos;
        if (name0 is not null) pos0 = name0.Pos;
        else if (typ0 is not null) pos0 = typ0.Pos;

        var list = new List<ParamField>();
        var named = 0; // parameters with a name and a type
        var typed = 0; // parameters with a type

        while (name0 is not null || _tok != closing && _tok != Token.Eof)
        {
            ParamField par;
            if (typ0 is not null)
            {
                if (typeParams) typ0 = EmbeddedElem(typ0);
                par = new ParamField { Name = name0, Type = typ0 };
            }
            else
            {
                par = ParseParamDecl(name0, typeParams);
            }
            name0 = null;
            typ0 = null;
            if (par.Name is not null || par.Type is not null)
            {
                list.Add(par);
                if (par.Name is not null && par.Type is not null) named++;
                if (par.Type is not null) typed++;
            }
            if (!AtComma("parameter list", closing)) break;
            Next();
        }

        var fields = new List<Field>();
        if (list.Count == 0) return fields;

        if (named == 0)
        {
            // all unnamed: the names found are type names
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Name is { } typeName) list[i] = new ParamField { Type = typeName };
            }
            if (typeParams)
            {
                Pos errPos;
                string message;
                if (named == typed)
                {
                    errPos = _pos; // at the closing ]
                    message = "missing type constraint";
                }
                else
                {
                    errPos = pos0;
                    message = "missing type parameter name";
                    if (list.Count == 1) message += " or invalid array length";
                }
                Error(errPos, message);
            }
        }
        else if (named != list.Count)
        {
            // some named: all must be named; distribute types from right to left
            var errPos = Pos.NoPos;
            Expr? type = null;
            for (var i = list.Count - 1; i >= 0; i--)
            {
                var par = list[i];
                if (par.Type is not null)
                {
                    type = par.Type;
                    if (par.Name is null)
                    {
                        errPos = type.Pos;
                        par.Name = new Ident { NamePos = errPos, Name = "_" };
                    }
                }
                else if (type is not null)
                {
                    par.Type = type;
                }
                else
                {
                    // only a name, with no type to its right
                    errPos = par.Name!.Pos;
                    par.Type = new BadExpr { From = errPos, To = _pos };
                }
                list[i] = par;
            }
            if (errPos.IsValid)
                Error(errPos, typeParams ? "type parameters must be named" : "mixed named and unnamed parameters");
        }

        if (named == 0)
        {
            // types only: one field each
            foreach (var par in list) fields.Add(new Field { Type = par.Type });
            return fields;
        }

        // named parameters: consecutive names sharing one type object form one field
        var names = new List<Ident>();
        Expr? groupType = null;
        foreach (var par in list)
        {
            if (!ReferenceEquals(par.Type, groupType))
            {
                if (names.Count > 0)
                {
                    fields.Add(new Field { Names = names, Type = groupType });
                    names = [];
                }
                groupType = par.Type;
            }
            names.Add(par.Name!);
        }
        if (names.Count > 0) fields.Add(new Field { Names = names, Type = groupType });
        return fields;
    }

    private (FieldList? TypeParams, FieldList Params) ParseParameters(bool acceptTypeParams)
    {
        FieldList? typeParams = null;
        if (acceptTypeParams && _tok == Token.LBrack)
        {
            var opening = _pos;
            Next();
            var tlist = ParseParameterList(null, null, Token.RBrack);
            var rbrack = Expect(Token.RBrack);
            typeParams = new FieldList { Opening = opening, List = tlist, Closing = rbrack };
            if (typeParams.NumFields() == 0)
            {
                Error(typeParams.Closing, "empty type parameter list");
                typeParams = null; // avoid follow-on errors
            }
        }

        var lparen = Expect(Token.LParen);
        var fields = _tok != Token.RParen ? ParseParameterList(null, null, Token.RParen) : [];
        var rparen = Expect(Token.RParen);
        return (typeParams, new FieldList { Opening = lparen, List = fields, Closing = rparen });
    }

    private FieldList? ParseResult()
    {
        if (_tok == Token.LParen)
        {
            var (_, results) = ParseParameters(false);
            return results;
        }
        var type = TryIdentOrType();
        return type is null ? null : new FieldList { List = [new Field { Type = type }] };
    }

    private FuncType ParseFuncType()
    {
        var pos = Expect(Token.Func);
        var (typeParams, parameters) = ParseParameters(true);
        if (typeParams is not null) Error(typeParams.Pos, "function type must have no type parameters");
        var results = ParseResult();
        return new FuncType { Func = pos, Params = parameters, Results = results };
    }

    /// <summary>An interface element starting with a name: a method, an embedded (instantiated) type.</summary>
    private Field ParseMethodSpec()
    {
        var doc = _leadComment;
        var idents = new List<Ident>();
        Expr type;
        var x = ParseTypeName(null);
        if (x is Ident ident)
        {
            if (_tok == Token.LBrack)
            {
                // a generic method (invalid, parsed for the error) or an embedded instantiated type
                var lbrack = _pos;
                Next();
                _exprLev++;
                var first = ParseExpr();
                _exprLev--;
                if (first is Ident name0 && _tok != Token.Comma && _tok != Token.RBrack)
                {
                    ParseParameterList(name0, null, Token.RBrack);
                    Expect(Token.RBrack);
                    Error(lbrack, "interface method must have no type parameters");
                    var (_, parameters) = ParseParameters(false);
                    var results = ParseResult();
                    idents = [ident];
                    type = new FuncType { Func = Pos.NoPos, Params = parameters, Results = results };
                }
                else
                {
                    var list = new List<Expr> { first };
                    if (AtComma("type argument list", Token.RBrack))
                    {
                        _exprLev++;
                        Next();
                        while (_tok != Token.RBrack && _tok != Token.Eof)
                        {
                            list.Add(ParseType());
                            if (!AtComma("type argument list", Token.RBrack)) break;
                            Next();
                        }
                        _exprLev--;
                    }
                    var rbrack = ExpectClosing(Token.RBrack, "type argument list");
                    type = PackIndexExpr(ident, lbrack, list, rbrack);
                }
            }
            else if (_tok == Token.LParen)
            {
                var (_, parameters) = ParseParameters(false);
                var results = ParseResult();
                idents = [ident];
                type = new FuncType { Func = Pos.NoPos, Params = parameters, Results = results };
            }
            else
            {
                type = x; // embedded type
            }
        }
        else
        {
            type = x;
            if (_tok == Token.LBrack) type = ParseTypeInstance(type);
        }
        // the comment is added by the caller, after any "| term" continuation
        return new Field { Doc = doc, Names = idents, Type = type };
    }

    /// <summary>A union of terms <c>A | ~B | C</c>, starting with <paramref name="x"/> if given.</summary>
    private Expr EmbeddedElem(Expr? x)
    {
        x ??= EmbeddedTerm();
        while (_tok == Token.Or)
        {
            var opPos = _pos;
            Next();
            var y = EmbeddedTerm();
            x = new BinaryExpr { X = x, OpPos = opPos, Op = Token.Or, Y = y };
        }
        return x;
    }

    private Expr EmbeddedTerm()
    {
        if (_tok == Token.Tilde)
        {
            var opPos = _pos;
            Next();
            var type = ParseType();
            return new UnaryExpr { OpPos = opPos, Op = Token.Tilde, X = type };
        }
        var t = TryIdentOrType();
        if (t is null)
        {
            var pos = _pos;
            ErrorExpected(pos, "~ term or type");
            Advance(ExprEnd);
            return new BadExpr { From = pos, To = _pos };
        }
        return t;
    }

    private InterfaceType ParseInterfaceType()
    {
        var pos = Expect(Token.Interface);
        var lbrace = Expect(Token.LBrace);
        var list = new List<Field>();
        while (true)
        {
            if (_tok == Token.Ident)
            {
                var f = ParseMethodSpec();
                if (f.Names.Count == 0) f.Type = EmbeddedElem(f.Type);
                f.Comment = ExpectSemi();
                list.Add(f);
            }
            else if (_tok == Token.Tilde)
            {
                var type = EmbeddedElem(null);
                var comment = ExpectSemi();
                list.Add(new Field { Type = type, Comment = comment });
            }
            else if (TryIdentOrType() is { } t)
            {
                var type = EmbeddedElem(t);
                var comment = ExpectSemi();
                list.Add(new Field { Type = type, Comment = comment });
            }
            else
            {
                break;
            }
        }
        var rbrace = Expect(Token.RBrace);
        return new InterfaceType { Interface = pos, Methods = new FieldList { Opening = lbrace, List = list, Closing = rbrace } };
    }

    private MapType ParseMapType()
    {
        var pos = Expect(Token.Map);
        Expect(Token.LBrack);
        var key = ParseType();
        Expect(Token.RBrack);
        var value = ParseType();
        return new MapType { Map = pos, Key = key, Value = value };
    }

    private ChanType ParseChanType()
    {
        var pos = _pos;
        var dir = ChanDir.Send | ChanDir.Recv;
        var arrow = Pos.NoPos;
        if (_tok == Token.Chan)
        {
            Next();
            if (_tok == Token.Arrow)
            {
                arrow = _pos;
                Next();
                dir = ChanDir.Send;
            }
        }
        else
        {
            arrow = Expect(Token.Arrow);
            Expect(Token.Chan);
            dir = ChanDir.Recv;
        }
        var value = ParseType();
        return new ChanType { Begin = pos, Arrow = arrow, Dir = dir, Value = value };
    }

    /// <summary>Type arguments <c>[A, B]</c> after a type name.</summary>
    private Expr ParseTypeInstance(Expr type)
    {
        var opening = Expect(Token.LBrack);
        _exprLev++;
        var list = new List<Expr>();
        while (_tok != Token.RBrack && _tok != Token.Eof)
        {
            list.Add(ParseType());
            if (!AtComma("type argument list", Token.RBrack)) break;
            Next();
        }
        _exprLev--;
        var closing = ExpectClosing(Token.RBrack, "type argument list");
        if (list.Count == 0)
        {
            ErrorExpected(closing, "type argument list");
            return new IndexExpr { X = type, Lbrack = opening, Index = new BadExpr { From = opening + 1, To = closing }, Rbrack = closing };
        }
        return PackIndexExpr(type, opening, list, closing);
    }

    /// <summary>A type, or null (consuming nothing) if none starts here.</summary>
    private Expr? TryIdentOrType()
    {
        IncNestLev();
        try
        {
            switch (_tok)
            {
                case Token.Ident:
                {
                    var type = ParseTypeName(null);
                    if (_tok == Token.LBrack) type = ParseTypeInstance(type);
                    return type;
                }
                case Token.LBrack:
                {
                    var lbrack = Expect(Token.LBrack);
                    return ParseArrayType(lbrack, null);
                }
                case Token.Struct:
                    return ParseStructType();
                case Token.Mul:
                    return ParsePointerType();
                case Token.Func:
                    return ParseFuncType();
                case Token.Interface:
                    return ParseInterfaceType();
                case Token.Map:
                    return ParseMapType();
                case Token.Chan or Token.Arrow:
                    return ParseChanType();
                case Token.LParen:
                {
                    var lparen = _pos;
                    Next();
                    var type = ParseType();
                    var rparen = Expect(Token.RParen);
                    return new ParenExpr { Lparen = lparen, X = type, Rparen = rparen };
                }
                default:
                    return null;
            }
        }
        finally
        {
            DecNestLev();
        }
    }

    private static Expr PackIndexExpr(Expr x, Pos lbrack, List<Expr> exprs, Pos rbrack) =>
        exprs.Count == 1
            ? new IndexExpr { X = x, Lbrack = lbrack, Index = exprs[0], Rbrack = rbrack }
            : new IndexListExpr { X = x, Lbrack = lbrack, Indices = exprs, Rbrack = rbrack };
}
