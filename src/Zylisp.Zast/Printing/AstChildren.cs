using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

/// <summary>One child slot of a node: its field name (with index for lists), the child, and whether Go requires it.</summary>
internal sealed record ChildSlot(string Name, Node? Child, bool Required);

/// <summary>The children of every go/ast node in field order, as ast.Walk visits them (comments included).</summary>
internal static class AstChildren
{
    public static IEnumerable<Node> Of(Node node)
    {
        foreach (var slot in Slots(node))
        {
            if (slot.Child is not null) yield return slot.Child;
        }
    }

    /// <summary>The child slots of <paramref name="node"/>; an unknown node type yields none.</summary>
    public static IEnumerable<ChildSlot> Slots(Node node)
    {
        switch (node)
        {
            case Comment or BadExpr or Ident or BasicLit or BadStmt or EmptyStmt or BadDecl:
                yield break;
            case CommentGroup group:
                foreach (var slot in List(nameof(group.List), group.List)) yield return slot;
                break;
            case Field field:
                yield return Optional(nameof(field.Doc), field.Doc);
                foreach (var slot in List(nameof(field.Names), field.Names)) yield return slot;
                yield return Required(nameof(field.Type), field.Type);
                yield return Optional(nameof(field.Tag), field.Tag);
                yield return Optional(nameof(field.Comment), field.Comment);
                break;
            case FieldList fields:
                foreach (var slot in List(nameof(fields.List), fields.List)) yield return slot;
                break;
            case Ellipsis ellipsis:
                yield return Optional(nameof(ellipsis.Elt), ellipsis.Elt);
                break;
            case FuncLit funcLit:
                yield return Required(nameof(funcLit.Type), funcLit.Type);
                yield return Required(nameof(funcLit.Body), funcLit.Body);
                break;
            case CompositeLit composite:
                yield return Optional(nameof(composite.Type), composite.Type);
                foreach (var slot in List(nameof(composite.Elts), composite.Elts)) yield return slot;
                break;
            case ParenExpr paren:
                yield return Required(nameof(paren.X), paren.X);
                break;
            case SelectorExpr selector:
                yield return Required(nameof(selector.X), selector.X);
                yield return Required(nameof(selector.Sel), selector.Sel);
                break;
            case IndexExpr index:
                yield return Required(nameof(index.X), index.X);
                yield return Required(nameof(index.Index), index.Index);
                break;
            case IndexListExpr indexList:
                yield return Required(nameof(indexList.X), indexList.X);
                foreach (var slot in List(nameof(indexList.Indices), indexList.Indices)) yield return slot;
                break;
            case SliceExpr slice:
                yield return Required(nameof(slice.X), slice.X);
                yield return Optional(nameof(slice.Low), slice.Low);
                yield return Optional(nameof(slice.High), slice.High);
                yield return Optional(nameof(slice.Max), slice.Max);
                break;
            case TypeAssertExpr assert:
                yield return Required(nameof(assert.X), assert.X);
                yield return Optional(nameof(assert.Type), assert.Type);
                break;
            case CallExpr call:
                yield return Required(nameof(call.Fun), call.Fun);
                foreach (var slot in List(nameof(call.Args), call.Args)) yield return slot;
                break;
            case StarExpr star:
                yield return Required(nameof(star.X), star.X);
                break;
            case UnaryExpr unary:
                yield return Required(nameof(unary.X), unary.X);
                break;
            case BinaryExpr binary:
                yield return Required(nameof(binary.X), binary.X);
                yield return Required(nameof(binary.Y), binary.Y);
                break;
            case KeyValueExpr pair:
                yield return Required(nameof(pair.Key), pair.Key);
                yield return Required(nameof(pair.Value), pair.Value);
                break;
            case ArrayType array:
                yield return Optional(nameof(array.Len), array.Len);
                yield return Required(nameof(array.Elt), array.Elt);
                break;
            case StructType structType:
                yield return Required(nameof(structType.Fields), structType.Fields);
                break;
            case FuncType funcType:
                yield return Optional(nameof(funcType.TypeParams), funcType.TypeParams);
                yield return Required(nameof(funcType.Params), funcType.Params);
                yield return Optional(nameof(funcType.Results), funcType.Results);
                break;
            case InterfaceType interfaceType:
                yield return Required(nameof(interfaceType.Methods), interfaceType.Methods);
                break;
            case MapType map:
                yield return Required(nameof(map.Key), map.Key);
                yield return Required(nameof(map.Value), map.Value);
                break;
            case ChanType chan:
                yield return Required(nameof(chan.Value), chan.Value);
                break;
            case DeclStmt declStmt:
                yield return Required(nameof(declStmt.Decl), declStmt.Decl);
                break;
            case LabeledStmt labeled:
                yield return Required(nameof(labeled.Label), labeled.Label);
                yield return Required(nameof(labeled.Stmt), labeled.Stmt);
                break;
            case ExprStmt exprStmt:
                yield return Required(nameof(exprStmt.X), exprStmt.X);
                break;
            case SendStmt send:
                yield return Required(nameof(send.Chan), send.Chan);
                yield return Required(nameof(send.Value), send.Value);
                break;
            case IncDecStmt incDec:
                yield return Required(nameof(incDec.X), incDec.X);
                break;
            case AssignStmt assign:
                foreach (var slot in List(nameof(assign.Lhs), assign.Lhs)) yield return slot;
                foreach (var slot in List(nameof(assign.Rhs), assign.Rhs)) yield return slot;
                break;
            case GoStmt goStmt:
                yield return Required(nameof(goStmt.Call), goStmt.Call);
                break;
            case DeferStmt deferStmt:
                yield return Required(nameof(deferStmt.Call), deferStmt.Call);
                break;
            case ReturnStmt returnStmt:
                foreach (var slot in List(nameof(returnStmt.Results), returnStmt.Results)) yield return slot;
                break;
            case BranchStmt branch:
                yield return Optional(nameof(branch.Label), branch.Label);
                break;
            case BlockStmt block:
                foreach (var slot in List(nameof(block.List), block.List)) yield return slot;
                break;
            case IfStmt ifStmt:
                yield return Optional(nameof(ifStmt.Init), ifStmt.Init);
                yield return Required(nameof(ifStmt.Cond), ifStmt.Cond);
                yield return Required(nameof(ifStmt.Body), ifStmt.Body);
                yield return Optional(nameof(ifStmt.Else), ifStmt.Else);
                break;
            case CaseClause caseClause:
                foreach (var slot in List(nameof(caseClause.List), caseClause.List)) yield return slot;
                foreach (var slot in List(nameof(caseClause.Body), caseClause.Body)) yield return slot;
                break;
            case SwitchStmt switchStmt:
                yield return Optional(nameof(switchStmt.Init), switchStmt.Init);
                yield return Optional(nameof(switchStmt.Tag), switchStmt.Tag);
                yield return Required(nameof(switchStmt.Body), switchStmt.Body);
                break;
            case TypeSwitchStmt typeSwitch:
                yield return Optional(nameof(typeSwitch.Init), typeSwitch.Init);
                yield return Required(nameof(typeSwitch.Assign), typeSwitch.Assign);
                yield return Required(nameof(typeSwitch.Body), typeSwitch.Body);
                break;
            case CommClause commClause:
                yield return Optional(nameof(commClause.Comm), commClause.Comm);
                foreach (var slot in List(nameof(commClause.Body), commClause.Body)) yield return slot;
                break;
            case SelectStmt select:
                yield return Required(nameof(select.Body), select.Body);
                break;
            case ForStmt forStmt:
                yield return Optional(nameof(forStmt.Init), forStmt.Init);
                yield return Optional(nameof(forStmt.Cond), forStmt.Cond);
                yield return Optional(nameof(forStmt.Post), forStmt.Post);
                yield return Required(nameof(forStmt.Body), forStmt.Body);
                break;
            case RangeStmt range:
                yield return Optional(nameof(range.Key), range.Key);
                yield return Optional(nameof(range.Value), range.Value);
                yield return Required(nameof(range.X), range.X);
                yield return Required(nameof(range.Body), range.Body);
                break;
            case ImportSpec import:
                yield return Optional(nameof(import.Doc), import.Doc);
                yield return Optional(nameof(import.Name), import.Name);
                yield return Required(nameof(import.Path), import.Path);
                yield return Optional(nameof(import.Comment), import.Comment);
                break;
            case ValueSpec value:
                yield return Optional(nameof(value.Doc), value.Doc);
                foreach (var slot in List(nameof(value.Names), value.Names)) yield return slot;
                yield return Optional(nameof(value.Type), value.Type);
                foreach (var slot in List(nameof(value.Values), value.Values)) yield return slot;
                yield return Optional(nameof(value.Comment), value.Comment);
                break;
            case TypeSpec type:
                yield return Optional(nameof(type.Doc), type.Doc);
                yield return Required(nameof(type.Name), type.Name);
                yield return Optional(nameof(type.TypeParams), type.TypeParams);
                yield return Required(nameof(type.Type), type.Type);
                yield return Optional(nameof(type.Comment), type.Comment);
                break;
            case GenDecl gen:
                yield return Optional(nameof(gen.Doc), gen.Doc);
                foreach (var slot in List(nameof(gen.Specs), gen.Specs)) yield return slot;
                break;
            case FuncDecl func:
                yield return Optional(nameof(func.Doc), func.Doc);
                yield return Optional(nameof(func.Recv), func.Recv);
                yield return Required(nameof(func.Name), func.Name);
                yield return Required(nameof(func.Type), func.Type);
                yield return Optional(nameof(func.Body), func.Body);
                break;
            case Ast.File file:
                yield return Optional(nameof(file.Doc), file.Doc);
                yield return Required(nameof(file.Name), file.Name);
                foreach (var slot in List(nameof(file.Decls), file.Decls)) yield return slot;
                break;
        }
    }

    private static ChildSlot Required(string name, Node? child) => new(name, child, true);

    private static ChildSlot Optional(string name, Node? child) => new(name, child, false);

    private static IEnumerable<ChildSlot> List<T>(string name, List<T>? list) where T : Node
    {
        if (list is null)
        {
            yield return new ChildSlot(name, null, true);
            yield break;
        }
        for (var i = 0; i < list.Count; i++) yield return new ChildSlot($"{name}[{i}]", list[i], true);
    }
}
