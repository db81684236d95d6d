using System.Collections;
using System.Globalization;
using System.Reflection;
using Zylisp.Lang.Syntax;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Parsing;
using static Zylisp.Compiler.Go.Emit.GoSyntax;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>
/// Maps lines of the printed main.go back to Zylisp source, so a runtime error raised inside a
/// primitive says where it happened (:file :line :column) as in the interpreter. The printed
/// file is parsed again, and its tree is walked in step with the tree the emitter built (they
/// have the same shape), which gives each recorded call its Go line. The table goes in a second
/// file, lines.go, so adding it does not move any line of main.go. The runtime reads it only
/// when an error is raised, from the Go stack (runtime.Callers).
/// </summary>
internal static class SourceLines
{
    public static string? Emit(Zylisp.Zast.Ast.File built, string printed, IReadOnlyDictionary<Node, SourceSpan> callSites)
    {
        var fileSet = new FileSet();
        var parsed = GoParser.ParseFile(fileSet, "main.go", printed);
        if (!parsed.Success || callSites.Count == 0)
        {
            return null;
        }

        var lines = new SortedDictionary<int, SourceSpan>();
        var builtNodes = Walk(built.Decls).ToList();
        var parsedNodes = Walk(parsed.File.Decls).ToList();
        if (builtNodes.Count != parsedNodes.Count)
        {
            return null;
        }

        for (int i = 0; i < builtNodes.Count; i++)
        {
            if (builtNodes[i].GetType() != parsedNodes[i].GetType())
            {
                return null;
            }

            if (callSites.TryGetValue(builtNodes[i], out var span))
            {
                int line = fileSet.Position(parsedNodes[i].Pos).Line;
                lines.TryAdd(line, span);
            }
        }

        var entries = lines.Select(l => (Expr)new KeyValueExpr
        {
            Key = Int(l.Key),
            Value = GoSyntax.Str(string.Create(CultureInfo.InvariantCulture, $"{l.Value.File}:{l.Value.Line}:{l.Value.Column}")),
        });
        var table = Composite(new MapType { Key = Id("int"), Value = Id("string") }, entries);
        var file = new Zylisp.Zast.Ast.File
        {
            Name = Id("main"),
            Decls =
            [
                new GenDecl { Tok = Token.Import, Specs = [new ImportSpec { Path = GoSyntax.Str(GoModule.RuntimeImportPath) }] },
                new FuncDecl
                {
                    Name = Id("init"),
                    Type = FuncType([], null),
                    Body = Block([Assign(Rt("SourceLines"), table)]),
                },
            ],
        };
        var result = Zylisp.Zast.Printing.GoPrinter.Print(file);
        return result.Success ? result.Text : null;
    }

    /// <summary>Every node under the declarations in go/ast field order (by reflection, the model's declaration order).</summary>
    private static IEnumerable<Node> Walk(IEnumerable<Node> roots)
    {
        var stack = new Stack<Node>(roots.Reverse());
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            var children = new List<Node>();
            foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.Name is "Pos" or "End")
                {
                    continue;
                }

                switch (property.GetValue(node))
                {
                    case Node child:
                        children.Add(child);
                        break;
                    case IEnumerable list and not string:
                        children.AddRange(list.OfType<Node>());
                        break;
                }
            }

            for (int i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }
}
