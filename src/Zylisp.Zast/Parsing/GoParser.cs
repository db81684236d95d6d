using System.Text;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Parsing;

/// <summary>The outcome of parsing one file: the tree (never null) and the errors, sorted by position.</summary>
public sealed record ParseResult(Ast.File File, IReadOnlyList<GoSyntaxError> Errors)
{
    public bool Success => Errors.Count == 0;

    /// <summary>go/scanner.ErrorList's summary: the first error and how many more there are, or "no errors".</summary>
    public string ErrorSummary => Errors.Count switch
    {
        0 => "no errors",
        1 => Errors[0].ToString(),
        _ => $"{Errors[0]} (and {Errors.Count - 1} more errors)",
    };
}

/// <summary>
/// Parses Go source files into the go/ast model, exactly as go/parser.ParseFile does with
/// <c>ParseComments | SkipObjectResolution</c> (Go 1.22): same nodes, positions, comments and
/// doc comments, same error messages, same partial trees on errors. Never throws on bad input.
/// </summary>
public static class GoParser
{
    /// <summary>Parses UTF-8 source <paramref name="src"/>, adding it to <paramref name="fset"/> as <paramref name="filename"/>.</summary>
    /// <remarks>A <see cref="FileSet"/> is not thread-safe: parse in parallel with one file set per thread, or lock.</remarks>
    public static ParseResult ParseFile(FileSet fset, string filename, byte[] src, GoParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fset);
        ArgumentNullException.ThrowIfNull(filename);
        ArgumentNullException.ThrowIfNull(src);
        var file = fset.AddFile(filename, -1, src.Length);
        var parser = new Parser(file, src, options ?? GoParserOptions.Default);
        var tree = parser.ParseFileOrNull(out _);
        return new ParseResult(tree, parser.Errors);
    }

    /// <summary>Parses source text (encoded as UTF-8 first, so positions are byte offsets as in Go).</summary>
    public static ParseResult ParseFile(FileSet fset, string filename, string src, GoParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(src);
        return ParseFile(fset, filename, Encoding.UTF8.GetBytes(src), options);
    }
}
