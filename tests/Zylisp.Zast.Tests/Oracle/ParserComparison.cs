using Zylisp.Zast.Ast;
using Zylisp.Zast.Parsing;
using Zylisp.Zast.Writing;

namespace Zylisp.Zast.Tests.Oracle;

/// <summary>
/// Compares the C# parser plus writer with the Go oracle, byte for byte. One oracle run covers
/// all files. The default pipeline is <see cref="GoParser"/> then <see cref="ZastWriter"/>; pass
/// another to compare something else.
/// </summary>
public static class ParserComparison
{
    /// <summary>One file whose C# output differs from the oracle's.</summary>
    public sealed record Mismatch(string Name, string Reason)
    {
        public override string ToString() => $"{Name}: {Reason}";
    }

    /// <summary>
    /// The C# side: given a file's name and bytes, the canonical text (null when there is no tree
    /// to write) and the error list laid out as the oracle's NAME.err (null when it parsed cleanly).
    /// </summary>
    public delegate (string? Zast, string? Errors) Pipeline(string name, byte[] source, ZastFormat format);

    /// <summary>
    /// Parses with <see cref="GoParser"/> into a fresh file set and writes the one-file Program.
    /// Like the oracle, a file with syntax errors still gets its partial tree written, unless the
    /// parser gave up at the package clause (go/parser's placeholder File has no position).
    /// </summary>
    public static (string? Zast, string? Errors) ParseAndWrite(string name, byte[] source, ZastFormat format)
    {
        var fileSet = new FileSet();
        var result = GoParser.ParseFile(fileSet, name, source);
        var errors = result.Success ? null : ErrorList(result.Errors);
        if (!result.File.Package.IsValid) return (null, errors);
        return (ZastWriter.Write(new Zylisp.Zast.Ast.Program { FileSet = fileSet, Files = [result.File] }, format), errors);
    }

    /// <summary>Errors as zast-oracle writes them to NAME.err: <c>file:line:col: message</c>, one per line.</summary>
    public static string ErrorList(IEnumerable<GoSyntaxError> errors) => string.Concat(errors.Select(error => error + "\n"));

    /// <summary>
    /// Runs the oracle on <paramref name="paths"/> (names relative to <paramref name="root"/>) and the
    /// pipeline on each file. A file matches when both report the same errors (or none) and write
    /// identical text (or neither writes a tree).
    /// </summary>
    public static IReadOnlyList<Mismatch> Compare(IReadOnlyList<string> paths, string root, Pipeline? pipeline = null, ZastFormat format = ZastFormat.Pretty)
    {
        pipeline ??= ParseAndWrite;
        var oracle = GoOracle.Get().Archive(paths, root, compact: format == ZastFormat.Compact);
        var mismatches = new List<Mismatch>();
        foreach (var path in paths)
        {
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            var expected = oracle[name];
            var (actual, errors) = pipeline(name, System.IO.File.ReadAllBytes(path), format);
            if (expected.Errors != errors) mismatches.Add(new Mismatch(name, "errors differ: " + Diff(expected.Errors ?? "", errors ?? "")));
            else if (expected.Zast is null && actual is null) continue;
            else if (expected.Zast is null) mismatches.Add(new Mismatch(name, "the oracle writes no tree, C# does"));
            else if (actual is null) mismatches.Add(new Mismatch(name, "C# writes no tree, the oracle does"));
            else if (Diff(expected.Zast, actual) is { } difference) mismatches.Add(new Mismatch(name, difference));
        }
        return mismatches;
    }

    /// <summary>Null when equal; otherwise the first differing line, with the two lines before it for context.</summary>
    public static string? Diff(string expected, string actual)
    {
        if (expected == actual) return null;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
        var context = string.Join(" | ", a[Math.Max(0, line - 2)..Math.Min(line, a.Length)].Select(s => s.Trim()));
        var want = line < e.Length ? e[line].Trim() : "<end>";
        var got = line < a.Length ? a[line].Trim() : "<end>";
        return $"line {line + 1}: expected `{want}`, got `{got}` (after: {context})";
    }
}
