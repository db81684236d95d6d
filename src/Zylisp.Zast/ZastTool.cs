using System.Text;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Building;
using Zylisp.Zast.Diagnostics;
using Zylisp.Zast.Parsing;
using Zylisp.Zast.Printing;
using Zylisp.Zast.Writing;

namespace Zylisp.Zast;

/// <summary>What a <see cref="ZastTool"/> command produced: its output text (empty on failure) and diagnostics.</summary>
public sealed record ZastToolResult(string Output, IReadOnlyList<ZastDiagnostic> Diagnostics)
{
    public bool Success => Diagnostics.All(d => d.Severity != ZastSeverity.Error);

    /// <summary>The process exit code a command-line host should use: 0 on success, 1 otherwise.</summary>
    public int ExitCode => Success ? 0 : 1;
}

/// <summary>
/// The <c>zylisp zast</c> commands as a text-in, text-out library, so a command-line host only
/// reads its input (a file, or stdin for <c>-</c>), calls one method, writes <see cref="ZastToolResult.Output"/>
/// and prints the diagnostics. Nothing here touches the console or the file system, and nothing throws on bad input.
/// </summary>
/// <remarks>
/// Every command runs on a thread with a large stack, because the parser, builder and writer recurse
/// once or twice per nesting level and generated Go code can nest thousands deep.
/// </remarks>
public static class ZastTool
{
    private const int StackBytes = 256 * 1024 * 1024;

    /// <summary><c>zast from-go FILE.go</c>: parses Go source and writes its canonical S-expressions.</summary>
    /// <param name="source">The file's bytes (Go source is UTF-8; positions are byte offsets).</param>
    /// <param name="fileName">The name recorded in the file set, and used in diagnostics.</param>
    public static ZastToolResult FromGo(byte[] source, string fileName, ZastFormat format = ZastFormat.Pretty) =>
        OnLargeStack(fileName, () =>
        {
            var fileSet = new FileSet();
            var parsed = GoParser.ParseFile(fileSet, fileName, source, new GoParserOptions { MaxNestingDepth = ZastOptions.Default.MaxGoNestingDepth });
            if (!parsed.Success)
            {
                return Failure(parsed.Errors.Select(error => Diagnostic(ZastDiagnosticCatalog.GoSyntaxError,
                    new SourceLocation(error.Position.Filename.Length > 0 ? error.Position.Filename : fileName, error.Position.Line, error.Position.Column),
                    error.Message)));
            }
            var program = new Ast.Program { FileSet = fileSet, Files = [parsed.File] };
            return new ZastToolResult(ZastWriter.Write(program, format), []);
        });

    /// <inheritdoc cref="FromGo(byte[], string, ZastFormat)"/>
    public static ZastToolResult FromGo(string source, string fileName, ZastFormat format = ZastFormat.Pretty) =>
        FromGo(Encoding.UTF8.GetBytes(source), fileName, format);

    /// <summary><c>zast to-go FILE.zast</c>: builds the program (which must hold one file) and prints it as gofmt-formatted Go.</summary>
    public static ZastToolResult ToGo(string zast, string fileName) =>
        OnLargeStack(fileName, () =>
        {
            var built = ZastBuilder.BuildProgram(zast, fileName);
            if (built.Value is not { } program) return new ZastToolResult("", built.Diagnostics);
            if (program.Files.Count != 1)
                return Failure([Diagnostic(ZastDiagnosticCatalog.NotOneFile, new SourceLocation(fileName, 1, 1), program.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            var printed = GoPrinter.Print(program.FileSet, program.Files[0]);
            if (!printed.Success)
                return Failure(printed.Errors.Select(error => Diagnostic(ZastDiagnosticCatalog.PrintFailed,
                    error.Position.IsValid ? new SourceLocation(error.Position.Filename, error.Position.Line, error.Position.Column) : new SourceLocation(fileName, 1, 1),
                    error.ToString())));
            return new ZastToolResult(printed.Text, built.Diagnostics);
        });

    /// <summary><c>zast validate FILE.zast</c>: reads and builds a Program or a single node; the output is empty, the diagnostics are the answer.</summary>
    public static ZastToolResult Validate(string zast, string fileName, ZastOptions? options = null) =>
        OnLargeStack(fileName, () =>
        {
            var (diagnostics, _) = Build(zast, fileName, options);
            return new ZastToolResult("", diagnostics);
        });

    /// <summary><c>zast fmt FILE.zast</c>: rewrites a Program or a single node in canonical layout (pretty by default).</summary>
    public static ZastToolResult Format(string zast, string fileName, ZastFormat format = ZastFormat.Pretty, ZastOptions? options = null) =>
        OnLargeStack(fileName, () =>
        {
            var (diagnostics, write) = Build(zast, fileName, options);
            return new ZastToolResult(write?.Invoke(format) ?? "", diagnostics);
        });

    /// <summary>
    /// Builds the document as a Program when its head is <c>Program</c>, else as one node. When it builds,
    /// <c>Write</c> lays it out again; it is a function so that <c>validate</c>, which prints nothing, does not write.
    /// </summary>
    private static (IReadOnlyList<ZastDiagnostic> Diagnostics, Func<ZastFormat, string>? Write) Build(string zast, string fileName, ZastOptions? options)
    {
        if (StartsWithProgram(zast))
        {
            var program = ZastBuilder.BuildProgram(zast, fileName, options);
            return (program.Diagnostics, program.Value is { } built ? format => ZastWriter.Write(built, format) : null);
        }
        var node = ZastBuilder.BuildNode(zast, fileName, options);
        return (node.Diagnostics, node.Value is { } root ? format => ZastWriter.WriteNode(root, format) + "\n" : null);
    }

    /// <summary>Whether the text's first form opens with <c>(Program</c>, looked at without reading the whole document.</summary>
    private static bool StartsWithProgram(string zast)
    {
        var i = 0;
        while (i < zast.Length)
        {
            if (char.IsWhiteSpace(zast[i])) i++;
            else if (zast[i] == ';') { while (i < zast.Length && zast[i] != '\n') i++; }
            else break;
        }
        if (i >= zast.Length || zast[i] != '(') return false;
        i++;
        while (i < zast.Length && char.IsWhiteSpace(zast[i])) i++;
        const string head = "Program";
        var end = i + head.Length;
        return string.CompareOrdinal(zast, i, head, 0, head.Length) == 0
            && (end == zast.Length || char.IsWhiteSpace(zast[end]) || zast[end] is '(' or ')' or '"' or ';');
    }

    private static ZastToolResult OnLargeStack(string fileName, Func<ZastToolResult> command)
    {
        ZastToolResult? result = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = command();
            }
            catch (InsufficientExecutionStackException)
            {
                result = Failure([Diagnostic(ZastDiagnosticCatalog.TreeTooDeep, new SourceLocation(fileName, 1, 1))]);
            }
        }, StackBytes);
        thread.Start();
        thread.Join();
        return result!;
    }

    private static ZastToolResult Failure(IEnumerable<ZastDiagnostic> diagnostics) => new("", diagnostics.ToArray());

    private static ZastDiagnostic Diagnostic(string id, SourceLocation location, params string[] args) =>
        new(id, ZastSeverity.Error, location, "", args);
}
