using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

/// <summary>
/// Checks that a tree is printable before the printer walks it: required children present,
/// tokens valid for their node, no cycles, bounded depth. The printer itself can then assume a
/// well-formed tree, and a malformed one yields errors instead of exceptions.
/// </summary>
internal static class AstValidator
{
    private static readonly HashSet<Type> KnownNodeTypes =
    [
        typeof(Comment), typeof(CommentGroup), typeof(Field), typeof(FieldList),
        typeof(BadExpr), typeof(Ident), typeof(Ellipsis), typeof(BasicLit), typeof(FuncLit), typeof(CompositeLit),
        typeof(ParenExpr), typeof(SelectorExpr), typeof(IndexExpr), typeof(IndexListExpr), typeof(SliceExpr),
        typeof(TypeAssertExpr), typeof(CallExpr), typeof(StarExpr), typeof(UnaryExpr), typeof(BinaryExpr),
        typeof(KeyValueExpr), typeof(ArrayType), typeof(StructType), typeof(FuncType), typeof(InterfaceType),
        typeof(MapType), typeof(ChanType),
        typeof(BadStmt), typeof(DeclStmt), typeof(EmptyStmt), typeof(LabeledStmt), typeof(ExprStmt), typeof(SendStmt),
        typeof(IncDecStmt), typeof(AssignStmt), typeof(GoStmt), typeof(DeferStmt), typeof(ReturnStmt), typeof(BranchStmt),
        typeof(BlockStmt), typeof(IfStmt), typeof(CaseClause), typeof(SwitchStmt), typeof(TypeSwitchStmt),
        typeof(CommClause), typeof(SelectStmt), typeof(ForStmt), typeof(RangeStmt),
        typeof(ImportSpec), typeof(ValueSpec), typeof(TypeSpec), typeof(BadDecl), typeof(GenDecl), typeof(FuncDecl),
        typeof(Ast.File),
    ];

    /// <summary>A node to visit; its path is built from the parent chain only when an error needs it (paths grow with depth).</summary>
    private sealed record Frame(Node Node, Frame? Parent, string Name, int Depth, bool Exiting)
    {
        public string Path
        {
            get
            {
                var names = new List<string>();
                for (var frame = this; frame is not null; frame = frame.Parent) names.Add(frame.Name);
                names.Reverse();
                return string.Join(".", names);
            }
        }

        public string ChildPath(string slot) => Path + "." + slot;
    }

    /// <summary>The problems found, and the tree's nesting depth (which decides how much stack printing needs).</summary>
    public sealed record Result(List<PrintError> Errors, int Depth);

    public static Result Validate(FileSet fileSet, Node? root, string rootName, int maxDepth)
    {
        var errors = new List<PrintError>();
        if (root is null)
        {
            errors.Add(new PrintError($"{rootName} is null: nothing to print", rootName, default));
            return new Result(errors, 0);
        }
        var depth = 0;

        var onPath = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Frame>();
        stack.Push(new Frame(root, null, rootName, 0, false));
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            if (frame.Exiting)
            {
                onPath.Remove(frame.Node);
                continue;
            }
            var node = frame.Node;
            if (!onPath.Add(node))
            {
                errors.Add(Error(fileSet, node, frame.Path, "the tree contains a cycle: this node is its own ancestor"));
                continue;
            }
            if (frame.Depth > maxDepth)
            {
                errors.Add(Error(fileSet, node, frame.Path, $"the tree is nested deeper than {maxDepth} levels"));
                return new Result(errors, frame.Depth);
            }
            depth = Math.Max(depth, frame.Depth);
            if (!KnownNodeTypes.Contains(node.GetType()))
            {
                errors.Add(Error(fileSet, node, frame.Path, $"unknown node type {node.GetType().FullName}"));
                continue;
            }

            CheckNode(fileSet, node, frame, errors);

            stack.Push(frame with { Exiting = true });
            var children = AstChildren.Slots(node).ToList();
            for (var i = children.Count - 1; i >= 0; i--)
            {
                var slot = children[i];
                if (slot.Child is null)
                {
                    if (slot.Required) errors.Add(Error(fileSet, node, frame.ChildPath(slot.Name), $"required {Describe(slot.Name)} is missing"));
                    continue;
                }
                stack.Push(new Frame(slot.Child, frame, slot.Name, frame.Depth + 1, false));
            }
        }
        return new Result(errors, depth);
    }

    private static string Describe(string slotName) => slotName.Contains('[') ? $"element {slotName}" : $"field {slotName}";

    /// <summary>Node-specific rules: tokens that fit the node, non-empty lists the printer indexes.</summary>
    private static void CheckNode(FileSet fileSet, Node node, Frame frame, List<PrintError> errors)
    {
        void Fail(string message) => errors.Add(Error(fileSet, node, frame.Path, message));

        switch (node)
        {
            case Comment comment:
                if (comment.Text is null || !(comment.Text.StartsWith("//", StringComparison.Ordinal) || comment.Text.StartsWith("/*", StringComparison.Ordinal)))
                    Fail("a comment's text must start with // or /*");
                else if (comment.Text.StartsWith("/*", StringComparison.Ordinal) && (comment.Text.Length < 4 || !comment.Text.EndsWith("*/", StringComparison.Ordinal)))
                    Fail("a /*-style comment must end with */");
                break;
            case CommentGroup group:
                if (group.List is { Count: 0 }) Fail("a comment group must hold at least one comment");
                break;
            case Ident ident:
                if (string.IsNullOrEmpty(ident.Name)) Fail("an identifier must have a name");
                break;
            case BasicLit literal:
                if (literal.Kind is not (Token.Int or Token.Float or Token.Imag or Token.Char or Token.String))
                    Fail($"a basic literal's kind must be INT, FLOAT, IMAG, CHAR or STRING, not {Name(literal.Kind)}");
                if (string.IsNullOrEmpty(literal.Value)) Fail("a basic literal must have a value");
                break;
            case UnaryExpr unary:
                if (unary.Op is not (Token.Add or Token.Sub or Token.Not or Token.Xor or Token.Mul or Token.And or Token.Arrow or Token.Tilde or Token.Range))
                    Fail($"{Name(unary.Op)} is not a unary operator");
                break;
            case BinaryExpr binary:
                if (!Enum.IsDefined(binary.Op) || binary.Op.Precedence() == 0) Fail($"{Name(binary.Op)} is not a binary operator");
                break;
            case ChanType chan:
                if (chan.Dir is not (ChanDir.Send or ChanDir.Recv or (ChanDir.Send | ChanDir.Recv)))
                    Fail($"invalid channel direction {(int)chan.Dir}");
                break;
            case IncDecStmt incDec:
                if (incDec.Tok is not (Token.Inc or Token.Dec)) Fail($"an inc/dec statement's token must be INC or DEC, not {Name(incDec.Tok)}");
                break;
            case AssignStmt assign:
                if (assign.Lhs is { Count: 0 }) Fail("an assignment needs at least one left-hand side");
                if (assign.Rhs is { Count: 0 }) Fail("an assignment needs at least one right-hand side");
                if (assign.Tok is not (Token.Assign or Token.Define) && (assign.Tok < Token.AddAssign || assign.Tok > Token.AndNotAssign))
                    Fail($"{Name(assign.Tok)} is not an assignment operator");
                break;
            case BranchStmt branch:
                if (branch.Tok is not (Token.Break or Token.Continue or Token.Goto or Token.Fallthrough))
                    Fail($"a branch statement's token must be BREAK, CONTINUE, GOTO or FALLTHROUGH, not {Name(branch.Tok)}");
                break;
            case IfStmt ifStmt:
                if (ifStmt.Else is not (null or BlockStmt or IfStmt)) Fail("an if statement's else branch must be a block or an if statement");
                break;
            case TypeSwitchStmt typeSwitch:
                if (typeSwitch.Assign is not (null or AssignStmt or ExprStmt)) Fail("a type switch's guard must be an assignment or an expression statement");
                break;
            case RangeStmt range:
                if (range.Key is not null && range.Tok is not (Token.Assign or Token.Define))
                    Fail($"a range clause with a key needs ASSIGN or DEFINE, not {Name(range.Tok)}");
                if (range.Key is null && range.Value is not null) Fail("a range clause with a value needs a key");
                break;
            case ValueSpec value:
                if (value.Names is { Count: 0 }) Fail("a const or var spec needs at least one name");
                break;
            case GenDecl gen:
                CheckGenDecl(gen, Fail);
                break;
            case FuncDecl func:
                if (func.Recv is { List.Count: 0 }) Fail("a method receiver list must not be empty");
                break;
        }
        if (node is FieldList fields && fields.List is not null)
        {
            foreach (var field in fields.List)
            {
                if (field is not null && field.Names is null) Fail("a field's name list must not be null");
            }
        }
    }

    private static void CheckGenDecl(GenDecl gen, Action<string> fail)
    {
        if (gen.Tok is not (Token.Import or Token.Const or Token.Type or Token.Var))
        {
            fail($"a general declaration's token must be IMPORT, CONST, TYPE or VAR, not {Name(gen.Tok)}");
            return;
        }
        if (gen.Specs is null) return;
        if (gen.Specs.Count == 0 && !gen.Lparen.IsValid) fail("a declaration without parentheses needs one spec");
        foreach (var spec in gen.Specs)
        {
            var fits = gen.Tok switch
            {
                Token.Import => spec is null or ImportSpec,
                Token.Type => spec is null or TypeSpec,
                _ => spec is null or ValueSpec,
            };
            if (!fits)
            {
                fail($"a {gen.Tok.Text()} declaration cannot hold a {spec!.GetType().Name}");
                return;
            }
        }
    }

    private static string Name(Token token) => Enum.IsDefined(token) ? token.GoName() : $"token #{(int)token}";

    private static PrintError Error(FileSet fileSet, Node node, string path, string message) =>
        new(message, path, SafePosition(fileSet, node));

    /// <summary>The node's source position, if its (possibly incomplete) fields allow computing one.</summary>
    private static Position SafePosition(FileSet fileSet, Node node)
    {
        try
        {
            return fileSet.Position(node.Pos);
        }
        catch (Exception ex) when (ex is NullReferenceException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            // Pos derives from children that a malformed node may lack; report without a position.
            return default;
        }
    }
}
