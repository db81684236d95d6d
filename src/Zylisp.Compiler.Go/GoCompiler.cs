using Zylisp.Lang.Runtime;
using Zylisp.Compiler.Go.Emit;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Printing;
using Zylisp.Zast.Writing;

namespace Zylisp.Compiler.Go;

/// <summary>
/// What compiling a program to Go produced: the program's files of the module (go.mod, main.go,
/// lines.go; the runtime package is <see cref="GoModule.RuntimeFiles"/>) and the canonical zast
/// of main.go, or diagnostics.
/// </summary>
public sealed record GoCompileResult(IReadOnlyList<GoModuleFile> Files, IReadOnlyList<GoDiagnostic> Diagnostics, IReadOnlyDictionary<string, Zylisp.Lang.Syntax.SourceSpan?> InteropCallSites)
{
    /// <summary>
    /// The canonical S-expression form of main.go: the printed file read back by zast, so
    /// positions are real and <c>zylisp zast to-go</c> reproduces the Go text byte for byte.
    /// Made on request; a plain build does not need it.
    /// </summary>
    public string MainZast => Zylisp.Zast.ZastTool.FromGo(MainGo, "main.go").Output;

    /// <summary>Read, expand and analyze errors (and warnings) from the front end, with the sources to show them.</summary>
    public IReadOnlyList<Zylisp.Lang.Diagnostics.Diagnostic> FrontEndDiagnostics { get; init; } = [];

    public Zylisp.Lang.Syntax.SourceRegistry? Sources { get; init; }

    public bool Success => Diagnostics.Count == 0 && !FrontEndDiagnostics.Any(d => d.IsError);

    /// <summary>The generated main.go.</summary>
    public string MainGo => Files.FirstOrDefault(f => f.Path == "main.go")?.Text ?? "";
}

/// <summary>
/// The Go backend: lowered IR → Go AST (zast nodes) → Go source printed by zast's printer, plus
/// the embedded runtime package and a go.mod. Pure: it neither touches the disk nor runs Go.
/// </summary>
public static class GoCompiler
{
    /// <summary>Compiles a whole program: its top-level forms in order, prelude definitions it reaches included.</summary>
    public static GoCompileResult Compile(IReadOnlyList<LTopLevel> forms, Truthiness truthiness, string sourceFile, Zylisp.Lang.Syntax.SourceRegistry? sources = null, string mainName = "-main", GoPhaseTimer? timer = null, IReadOnlyDictionary<string, string?>? documentation = null)
    {
        ArgumentNullException.ThrowIfNull(forms);
        timer ??= GoPhaseTimer.None;
        try
        {
            var emitter = new ProgramEmitter(forms, truthiness, sourceFile, span => TextAt(sources, span)) { MainName = mainName, Documentation = documentation ?? new Dictionary<string, string?>() };
            var file = emitter.Emit();
            timer.Mark("emit");
            var sourceLines = new SourceLines(emitter.CallSites);
            var text = Print(file, sourceLines);
            timer.Mark("print");
            var files = new List<GoModuleFile> { new("go.mod", GoModule.GoMod), new("main.go", text) };
            if (sourceLines.Emit() is { } lines)
            {
                files.Add(new GoModuleFile("lines.go", lines));
            }

            timer.Mark("line table");
            return new GoCompileResult(files, [], emitter.Interop.CallSites);
        }
        catch (GoCompileException e)
        {
            return new GoCompileResult([], [e.Diagnostic], new Dictionary<string, Zylisp.Lang.Syntax.SourceSpan?>());
        }
    }

    private static string? TextAt(Zylisp.Lang.Syntax.SourceRegistry? sources, Zylisp.Lang.Syntax.SourceSpan span) =>
        sources is not null && sources.TryGet(span.File, out var text) && span.EndOffset <= text.Text.Length && span.Length > 0
            ? text.Text[span.StartOffset..span.EndOffset]
            : null;

    /// <summary>
    /// Compiles a program's source text: collect the whole program (its forms plus exactly the
    /// prelude definitions it reaches, <see cref="Engine.CollectProgram"/>), lower it, emit Go.
    /// A call of a function that needs the compiler at run time is a compile-time error.
    /// </summary>
    public static GoCompileResult CompileSource(string source, string file, GoPhaseTimer? timer = null)
    {
        timer ??= GoPhaseTimer.None;
        var image = Engine.CollectProgram(source, file, new EngineOptions { ForeignQualifiedNames = static (package, name) => GoInterop.IsGoName(package + "/" + name), TargetName = "go" });
        // Every file the program read, required ones included, so diagnostics quote their lines.
        var sources = image.Sources ?? new Zylisp.Lang.Syntax.SourceRegistry();
        var errors = image.Success ? image.CompilerErrors("go") : [];
        if (!image.Success || errors.Count > 0)
        {
            return new GoCompileResult([], [], new Dictionary<string, Zylisp.Lang.Syntax.SourceSpan?>())
            {
                FrontEndDiagnostics = [.. image.Diagnostics, .. errors],
                Sources = sources,
            };
        }

        timer.Mark("front end");
        var lowered = image.Definitions.Concat(image.Forms).Select(Lowerer.Lower).ToList();
        timer.Mark("lower");
        return Compile(lowered, image.Dialect, file, sources, image.MainName, timer, image.Documentation) with { FrontEndDiagnostics = image.Diagnostics, Sources = sources };
    }

    /// <summary>
    /// Places the package clause and each top-level declaration on lines two apart in a
    /// synthetic file, so the printer separates declarations with a blank line as gofmt'd code
    /// has; everything inside a declaration has no position and is laid out by the printer.
    /// </summary>
    private static void SeparateDeclarations(FileSet fileSet, Zylisp.Zast.Ast.File file)
    {
        int lines = 3 * (file.Decls.Count + 2);
        var tokenFile = fileSet.AddFile("main.go", -1, lines);
        // A List<int> filled by a loop: Enumerable.Range and an int[] seen as IReadOnlyList<int>
        // are generic code over int that the JIT compiled on every zylisp compile.
        var offsets = new List<int>(lines);
        for (int i = 0; i < lines; i++)
        {
            offsets.Add(i);
        }

        tokenFile.SetLines(offsets);
        file.Package = tokenFile.Pos(0);
        for (int i = 0; i < file.Decls.Count; i++)
        {
            var pos = tokenFile.Pos(3 * (i + 1));
            switch (file.Decls[i])
            {
                case FuncDecl f:
                    // Braces on different lines: the printer never folds the body onto one line.
                    f.Type.Func = pos;
                    f.Body!.Lbrace = pos;
                    f.Body.Rbrace = pos + 1;
                    break;
                case GenDecl g:
                    g.TokPos = pos;
                    if (g.Specs.Count > 1)
                    {
                        g.Lparen = pos + 1;
                    }

                    break;
            }
        }
    }

    /// <summary>Prints the file with zast's gofmt-compatible printer, telling <paramref name="lines"/> where each recorded call lands.</summary>
    private static string Print(Zylisp.Zast.Ast.File file, SourceLines lines)
    {
        var fileSet = new FileSet();
        SeparateDeclarations(fileSet, file);
        var printed = GoPrinter.Print(fileSet, file, lines: lines);
        if (!printed.Success)
        {
            throw new InvalidOperationException("the generated Go AST does not print: " + string.Join("; ", printed.Errors));
        }

        return printed.Text;
    }
}
