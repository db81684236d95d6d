using System.Globalization;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// One corpus program and what it must do: NAME.zl or NAME.slisp beside NAME.out (exact stdout),
/// NAME.exit (exit status), optionally NAME.args (one command-line argument per line) and
/// NAME.needs (one capability per line an engine must have to run it: `dotnet` for .NET interop, `compiler` for a
/// program that calls eval; see docs/design/runtime-compiler.md).
/// </summary>
public sealed record ProgramCase(string RelativePath, string FullPath, string ExpectedOutput, int ExpectedExitCode, IReadOnlyList<string> Args, IReadOnlyList<string> Needs)
{
    /// <summary>The capabilities a NAME.needs file may name.</summary>
    public static readonly IReadOnlySet<string> KnownNeeds = new HashSet<string>(StringComparer.Ordinal) { "compiler", "lazy-sequences", "dotnet", "go-interop", "call-depth-limit", "regex-unicode-tables", "lone-surrogates" };

    public static readonly IReadOnlyList<string> SourceExtensions = [".zl", ".slisp"];

    /// <summary>Loads the program at <paramref name="relativePath"/> (relative to tests/programs, '/' separated).</summary>
    public static ProgramCase Load(string relativePath)
    {
        string fullPath = Path.Combine(RepositoryRoot.ProgramsDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        string stem = Path.ChangeExtension(fullPath, null);
        string expectedOutput = File.ReadAllText(stem + ".out");
        string exitText = File.ReadAllText(stem + ".exit").Trim();
        if (!int.TryParse(exitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exitCode))
        {
            throw new FormatException($"{stem}.exit must hold one integer, not '{exitText}'");
        }

        IReadOnlyList<string> args = File.Exists(stem + ".args")
            ? File.ReadAllLines(stem + ".args").Where(line => line.Length > 0).ToArray()
            : [];
        IReadOnlyList<string> needs = File.Exists(stem + ".needs")
            ? File.ReadAllLines(stem + ".needs").Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToArray()
            : [];
        return new ProgramCase(relativePath, fullPath, expectedOutput, exitCode, args, needs);
    }
}
