using System.Globalization;
using Zylisp.Lang.Syntax;
using Zylisp.Zast.Ast;
using static Zylisp.Compiler.Go.Emit.GoSyntax;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>
/// Maps lines of the printed main.go back to Zylisp source, so a runtime error raised inside a
/// primitive says where it happened (:file :line :column) as in the interpreter. The printer
/// tells this observer the line of each Go call the emitter recorded (its first token), while
/// it prints main.go: no second pass over the text. The table goes in a second file, lines.go,
/// so adding it does not move any line of main.go. The runtime reads it only when an error is
/// raised, from the Go stack (runtime.Callers).
/// </summary>
internal sealed class SourceLines(IReadOnlyDictionary<Node, SourceSpan> callSites) : Zylisp.Zast.Printing.INodeLineObserver
{
    // Indexed by Go line, the first call printed on it: an array rather than a sorted
    // dictionary, whose int-keyed generic code is not in the ReadyToRun image.
    private SourceSpan?[] byLine = new SourceSpan?[256];

    public bool Wants(Expr expression) => callSites.ContainsKey(expression);

    public void Printed(Expr expression, int line)
    {
        if (line >= byLine.Length)
        {
            var larger = new SourceSpan?[Math.Max(line + 1, byLine.Length * 2)];
            byLine.CopyTo(larger, 0);
            byLine = larger;
        }

        byLine[line] ??= callSites[expression];
    }

    /// <summary>lines.go, or null when no call was recorded.</summary>
    public string? Emit()
    {
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

        if (entries.Count == 0)
        {
            return null;
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
