namespace Zylisp.Zast.Ast;

public sealed class ImportSpec : Spec
{
    public CommentGroup? Doc { get; set; }
    /// <summary>The local name, <c>.</c>, <c>_</c>, or null.</summary>
    public Ident? Name { get; set; }
    public BasicLit Path { get; set; } = new();
    public CommentGroup? Comment { get; set; }
    public Pos EndPos { get; set; }

    public override Pos Pos => Name?.Pos ?? Path.Pos;
    public override Pos End => EndPos.IsValid ? EndPos : Path.End;
}

/// <summary>A constant or variable declaration.</summary>
public sealed class ValueSpec : Spec
{
    public CommentGroup? Doc { get; set; }
    public List<Ident> Names { get; set; } = [];
    public Expr? Type { get; set; }
    public List<Expr> Values { get; set; } = [];
    public CommentGroup? Comment { get; set; }

    public override Pos Pos => Names[0].Pos;
    public override Pos End =>
        Values.Count > 0 ? Values[^1].End : Type?.End ?? Names[^1].End;
}

/// <summary><c>type Name[TypeParams] Type</c>, or an alias when <see cref="Assign"/> is set.</summary>
public sealed class TypeSpec : Spec
{
    public CommentGroup? Doc { get; set; }
    public Ident Name { get; set; } = new();
    public FieldList? TypeParams { get; set; }
    public Pos Assign { get; set; }
    public Expr Type { get; set; } = null!;
    public CommentGroup? Comment { get; set; }

    public override Pos Pos => Name.Pos;
    public override Pos End => Type.End;
}

/// <summary>A placeholder for a declaration containing syntax errors.</summary>
public sealed class BadDecl : Decl
{
    public Pos From { get; set; }
    public Pos To { get; set; }

    public override Pos Pos => From;
    public override Pos End => To;
}

/// <summary>An import, const, type or var declaration; <see cref="Lparen"/> is set for the grouped form.</summary>
public sealed class GenDecl : Decl
{
    public CommentGroup? Doc { get; set; }
    public Pos TokPos { get; set; }
    public Token Tok { get; set; }
    public Pos Lparen { get; set; }
    public List<Spec> Specs { get; set; } = [];
    public Pos Rparen { get; set; }

    public override Pos Pos => TokPos;
    public override Pos End => Rparen.IsValid ? Rparen + 1 : Specs[0].End;
}

public sealed class FuncDecl : Decl
{
    public CommentGroup? Doc { get; set; }
    /// <summary>The receiver of a method, or null for a function.</summary>
    public FieldList? Recv { get; set; }
    public Ident Name { get; set; } = new();
    public FuncType Type { get; set; } = new();
    /// <summary>Null for an external (non-Go) function.</summary>
    public BlockStmt? Body { get; set; }

    public override Pos Pos => Type.Pos;
    public override Pos End => Body?.End ?? Type.End;
}

/// <summary>A Go source file.</summary>
public sealed class File : Node
{
    public CommentGroup? Doc { get; set; }
    /// <summary>Position of the <c>package</c> keyword.</summary>
    public Pos Package { get; set; }
    public Ident Name { get; set; } = new();
    public List<Decl> Decls { get; set; } = [];
    /// <summary>Start and end of the entire file (go/ast fields added in Go 1.20).</summary>
    public Pos FileStart { get; set; }
    public Pos FileEnd { get; set; }
    /// <summary>The file's import specs, in order; the same objects as inside <see cref="Decls"/>.</summary>
    public List<ImportSpec> Imports { get; set; } = [];
    /// <summary>Every comment in the file, in source order.</summary>
    public List<CommentGroup> Comments { get; set; } = [];
    /// <summary>The minimum Go version from a <c>//go:build</c> line, e.g. <c>go1.21</c>, or empty (Go 1.21).</summary>
    public string GoVersion { get; set; } = "";

    public override Pos Pos => Package;
    public override Pos End => Decls.Count > 0 ? Decls[^1].End : Name.End;
}

/// <summary>The root of the canonical format: a file set and the files parsed into it.</summary>
public sealed class Program
{
    public FileSet FileSet { get; set; } = new();
    public List<File> Files { get; set; } = [];
}
