using System.Globalization;
using Zylisp.Lang.Syntax;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Parsing;
using static Zylisp.Compiler.Go.Emit.GoSyntax;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>
/// Maps lines of the printed main.go back to Zylisp source, so a runtime error raised inside a
/// primitive says where it happened (:file :line :column) as in the interpreter. The printed
/// file is parsed again, and its tree is walked in step with the tree the emitter built (they
/// have the same shape, and AstWalk visits both in go/ast field order), which gives each
/// recorded call its Go line. The table goes in a second file, lines.go, so adding it does not
/// move any line of main.go. The runtime reads it only
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

        // Indexed by Go line: an array rather than a sorted dictionary, whose int-keyed generic
        // code is not in the ReadyToRun image and was compiled on every build.
        var byLine = new SourceSpan?[printed.Count(c => c == '\n') + 2];
        var builtNodes = AstWalk.Preorder(built.Decls).ToList();
        var parsedNodes = AstWalk.Preorder(parsed.File.Decls).ToList();
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
                if (line > 0 && line < byLine.Length)
                {
                    byLine[line] ??= span;
                }
            }
        }

        var entries = new List<Expr>();
        for (int line = 0; line < byLine.Length; line++)
        {
            if (byLine[line] is { } span)
            {
                entries.Add(new KeyValueExpr
                {
                    Key = Int(line),
                    Value = GoSyntax.Str(string.Create(CultureInfo.InvariantCulture, $"{span.File}:{span.Line}:{span.Column}")),
                });
            }
        }

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
}
