namespace Zylisp.Zast.Ast;

/// <summary>A placeholder for statements containing syntax errors.</summary>
public sealed class BadStmt : Stmt
{
    public Pos From { get; set; }
    public Pos To { get; set; }

    public override Pos Pos => From;
    public override Pos End => To;
}

public sealed class DeclStmt : Stmt
{
    public Decl Decl { get; set; } = null!;

    public override Pos Pos => Decl.Pos;
    public override Pos End => Decl.End;
}

/// <summary>An explicit or implicit (before a closing brace) semicolon.</summary>
public sealed class EmptyStmt : Stmt
{
    public Pos Semicolon { get; set; }
    public bool Implicit { get; set; }

    public override Pos Pos => Semicolon;
    public override Pos End => Implicit ? Semicolon : Semicolon + 1;
}

public sealed class LabeledStmt : Stmt
{
    public Ident Label { get; set; } = new();
    public Pos Colon { get; set; }
    public Stmt Stmt { get; set; } = null!;

    public override Pos Pos => Label.Pos;
    public override Pos End => Stmt.End;
}

public sealed class ExprStmt : Stmt
{
    public Expr X { get; set; } = null!;

    public override Pos Pos => X.Pos;
    public override Pos End => X.End;
}

public sealed class SendStmt : Stmt
{
    public Expr Chan { get; set; } = null!;
    public Pos Arrow { get; set; }
    public Expr Value { get; set; } = null!;

    public override Pos Pos => Chan.Pos;
    public override Pos End => Value.End;
}

public sealed class IncDecStmt : Stmt
{
    public Expr X { get; set; } = null!;
    public Pos TokPos { get; set; }
    public Token Tok { get; set; }

    public override Pos Pos => X.Pos;
    public override Pos End => TokPos + 2;
}

/// <summary>An assignment or short variable declaration; <see cref="Tok"/> is ASSIGN, DEFINE or an op-assign.</summary>
public sealed class AssignStmt : Stmt
{
    public List<Expr> Lhs { get; set; } = [];
    public Pos TokPos { get; set; }
    public Token Tok { get; set; }
    public List<Expr> Rhs { get; set; } = [];

    public override Pos Pos => Lhs[0].Pos;
    public override Pos End => Rhs[^1].End;
}

public sealed class GoStmt : Stmt
{
    public Pos Go { get; set; }
    public CallExpr Call { get; set; } = new();

    public override Pos Pos => Go;
    public override Pos End => Call.End;
}

public sealed class DeferStmt : Stmt
{
    public Pos Defer { get; set; }
    public CallExpr Call { get; set; } = new();

    public override Pos Pos => Defer;
    public override Pos End => Call.End;
}

public sealed class ReturnStmt : Stmt
{
    public Pos Return { get; set; }
    public List<Expr> Results { get; set; } = [];

    public override Pos Pos => Return;
    public override Pos End => Results.Count > 0 ? Results[^1].End : Return + 6;
}

/// <summary><c>break</c>, <c>continue</c>, <c>goto</c> or <c>fallthrough</c>.</summary>
public sealed class BranchStmt : Stmt
{
    public Pos TokPos { get; set; }
    public Token Tok { get; set; }
    public Ident? Label { get; set; }

    public override Pos Pos => TokPos;
    public override Pos End => Label?.End ?? TokPos + Tok.Text().Length;
}

public sealed class BlockStmt : Stmt
{
    public Pos Lbrace { get; set; }
    public List<Stmt> List { get; set; } = [];
    public Pos Rbrace { get; set; }

    public override Pos Pos => Lbrace;
    public override Pos End =>
        Rbrace.IsValid ? Rbrace + 1 : List.Count > 0 ? List[^1].End : Lbrace + 1;
}

public sealed class IfStmt : Stmt
{
    public Pos If { get; set; }
    public Stmt? Init { get; set; }
    public Expr Cond { get; set; } = null!;
    public BlockStmt Body { get; set; } = new();
    /// <summary>An <see cref="IfStmt"/>, a <see cref="BlockStmt"/>, or null.</summary>
    public Stmt? Else { get; set; }

    public override Pos Pos => If;
    public override Pos End => Else?.End ?? Body.End;
}

/// <summary>A case of an expression or type switch; an empty <see cref="List"/> means <c>default</c>.</summary>
public sealed class CaseClause : Stmt
{
    public Pos Case { get; set; }
    public List<Expr> List { get; set; } = [];
    public Pos Colon { get; set; }
    public List<Stmt> Body { get; set; } = [];

    public override Pos Pos => Case;
    public override Pos End => Body.Count > 0 ? Body[^1].End : Colon + 1;
}

public sealed class SwitchStmt : Stmt
{
    public Pos Switch { get; set; }
    public Stmt? Init { get; set; }
    public Expr? Tag { get; set; }
    public BlockStmt Body { get; set; } = new();

    public override Pos Pos => Switch;
    public override Pos End => Body.End;
}

public sealed class TypeSwitchStmt : Stmt
{
    public Pos Switch { get; set; }
    public Stmt? Init { get; set; }
    /// <summary><c>x := y.(type)</c> (an AssignStmt) or <c>y.(type)</c> (an ExprStmt).</summary>
    public Stmt Assign { get; set; } = null!;
    public BlockStmt Body { get; set; } = new();

    public override Pos Pos => Switch;
    public override Pos End => Body.End;
}

/// <summary>A case of a select statement; a null <see cref="Comm"/> means <c>default</c>.</summary>
public sealed class CommClause : Stmt
{
    public Pos Case { get; set; }
    public Stmt? Comm { get; set; }
    public Pos Colon { get; set; }
    public List<Stmt> Body { get; set; } = [];

    public override Pos Pos => Case;
    public override Pos End => Body.Count > 0 ? Body[^1].End : Colon + 1;
}

public sealed class SelectStmt : Stmt
{
    public Pos Select { get; set; }
    public BlockStmt Body { get; set; } = new();

    public override Pos Pos => Select;
    public override Pos End => Body.End;
}

public sealed class ForStmt : Stmt
{
    public Pos For { get; set; }
    public Stmt? Init { get; set; }
    public Expr? Cond { get; set; }
    public Stmt? Post { get; set; }
    public BlockStmt Body { get; set; } = new();

    public override Pos Pos => For;
    public override Pos End => Body.End;
}

/// <summary><c>for Key, Value := range X</c>; <see cref="Tok"/> is ILLEGAL when there is no key.</summary>
public sealed class RangeStmt : Stmt
{
    public Pos For { get; set; }
    public Expr? Key { get; set; }
    public Expr? Value { get; set; }
    public Pos TokPos { get; set; }
    public Token Tok { get; set; }
    /// <summary>Position of the <c>range</c> keyword (go/ast field <c>Range</c>, added in Go 1.20).</summary>
    public Pos Range { get; set; }
    public Expr X { get; set; } = null!;
    public BlockStmt Body { get; set; } = new();

    public override Pos Pos => For;
    public override Pos End => Body.End;
}
