using System.Runtime.CompilerServices;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

/// <summary>A reason a tree could not be printed: what is wrong, where in the tree (a field path), and the source position if known.</summary>
public sealed record PrintError(string Message, string Path, Position Position)
{
    /// <summary><c>file:line:col: message (at path)</c>, or <c>path: message</c> without a position.</summary>
    public override string ToString() =>
        Position.IsValid ? $"{Position}: {Message} (at {Path})" : $"{Path}: {Message}";
}

/// <summary>The printed source, or the errors that prevented printing (then <see cref="Text"/> is empty).</summary>
public sealed record PrintResult(string Text, IReadOnlyList<PrintError> Errors)
{
    public bool Success => Errors.Count == 0;
}

/// <summary>
/// Prints Go syntax trees as Go source, byte for byte as gofmt does (go/printer in gofmt's
/// configuration). Positions from the <see cref="FileSet"/> guide line breaks and comment
/// placement; a tree built without positions prints as gofmt-stable source.
/// </summary>
/// <remarks>
/// Not reproduced: gofmt's rewriting of doc comment text (go/doc/comment) and of
/// <c>//go:build</c>/<c>// +build</c> lines. Both are identities on gofmt-formatted input.
/// </remarks>
public static class GoPrinter
{
    /// <summary>
    /// Prints a file, declaration, spec, statement or expression. Never throws: a malformed tree
    /// gives errors. <paramref name="lines"/>, when given, is told the output line of each
    /// expression it wants, so a caller can map printed lines back to its own source without
    /// parsing the text again.
    /// </summary>
    public static PrintResult Print(FileSet fileSet, Node node, PrinterOptions? options = null, INodeLineObserver? lines = null)
    {
        options ??= PrinterOptions.Gofmt;
        fileSet ??= new FileSet();
        var validation = AstValidator.Validate(fileSet, node, RootName(node), options.MaxDepth);
        if (validation.Errors.Count > 0) return new PrintResult("", validation.Errors);
        return validation.Depth <= ShallowDepth
            ? PrintValidated(fileSet, node, options, lines)
            : PrintOnLargeStack(fileSet, node, options, validation.Depth, lines);
    }

    // The printer recurses once or twice per nesting level; trees up to this depth fit any
    // thread's default stack. Deeper ones (say, a 7000-term string concatenation in a
    // generated file) get a thread whose stack is sized for them.
    private const int ShallowDepth = 500;
    private const int StackBytesPerLevel = 8 * 1024;

    private static PrintResult PrintOnLargeStack(FileSet fileSet, Node node, PrinterOptions options, int depth, INodeLineObserver? lines)
    {
        PrintResult? result = null;
        var stackSize = (int)Math.Min(int.MaxValue, 4L * 1024 * 1024 + (long)depth * StackBytesPerLevel);
        var thread = new Thread(() => result = PrintValidated(fileSet, node, options, lines), stackSize);
        thread.Start();
        thread.Join();
        return result ?? Failure("the printer thread ended without a result", RootName(node), default);
    }

    private static PrintResult PrintValidated(FileSet fileSet, Node node, PrinterOptions options, INodeLineObserver? lines)
    {
        try
        {
            var text = SourcePrinter.Format(options, fileSet, node, new Dictionary<Node, StrongBox<int>>(ReferenceEqualityComparer.Instance), lines);
            return new PrintResult(text, []);
        }
        catch (MalformedAstException ex)
        {
            return Failure(ex.Message, ex.Node is null ? RootName(node) : ex.Node.GetType().Name, default);
        }
        catch (InsufficientExecutionStackException)
        {
            return Failure("the tree is nested too deeply to print", RootName(node), default);
        }
    }

    /// <summary>Prints a tree built without positions (all positions <see cref="Pos.NoPos"/>).</summary>
    public static PrintResult Print(Node node, PrinterOptions? options = null) => Print(new FileSet(), node, options);

    private static PrintResult Failure(string message, string path, Position position) =>
        new("", [new PrintError(message, path, position)]);

    private static string RootName(Node? node) => node?.GetType().Name ?? "node";
}
