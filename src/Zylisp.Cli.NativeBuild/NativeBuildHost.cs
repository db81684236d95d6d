using Zylisp.Cli.CommandLine;
using Zylisp.Cli.Hosting;
using Zylisp.Compiler.Native;
using Zylisp.Lang.Syntax;

namespace Zylisp.Cli.NativeBuild;

/// <summary>
/// What <c>zylisp build --target native</c> does for <c>FILE -o OUT</c> and <c>-e EXPR -o OUT</c>
/// (the pairs in any order, long or short names), step for step as the zylisp command's
/// BuildCommand: the same input name, exit rule, cache folder and options, so the executable is
/// byte for byte the same. Anything it does not do exactly as the command would (another option,
/// standard input, an unreadable file, any error, ZYLISP_NATIVE_GC_STRESS) is declined, and the
/// caller hands the command to the zylisp command.
/// </summary>
internal static class NativeBuildHost
{
    /// <summary>The inputs recorded by the publish of this host (written by ./zylisp, read by the up-to-date check).</summary>
    public const string Manifest = ".build/native-build/zylisp.manifest";

    public const string Stamp = ".build/native-build/zylisp.stamp";

    /// <summary>Set by this host when it hands a command to the ./zylisp script: <see cref="Declined"/> or <see cref="Stale"/>.</summary>
    public const string DeclinedVariable = "ZYLISP_NATIVE_BUILD_DECLINED";

    /// <summary>Not a form this host builds, or a build with something to report: the zylisp command runs it.</summary>
    public const string Declined = "1";

    /// <summary>A source changed since this host was published: the script republishes it and the zylisp command runs this build.</summary>
    public const string Stale = "stale";

    /// <summary>The name the zylisp command gives an -e expression's source (ExpandCommand.ExpressionName).</summary>
    private const string ExpressionName = "<expr>";

    /// <summary>The largest source the zylisp command reads (RuntimeLimits.MaxSourceLength); a larger one is its error to report.</summary>
    private static readonly int MaxSourceLength = new Zylisp.Lang.EngineOptions().Limits.MaxSourceLength;

    /// <summary>A built executable and what the build printed on standard error (warnings), not yet written.</summary>
    public sealed record Compiled(string Output, byte[] Executable, string Warnings);

    /// <summary>The executable the command line asks for, or null when the zylisp command must run it.</summary>
    public static Compiled? Compile(IReadOnlyList<string> args)
    {
        // --no-cache is the zylisp command's to handle: this host always uses the cache.
        if (NativeBuildArguments.TryParse(args) is not { NoCache: false, File: var file, Expression: var expression, Output: var output } ||
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ZYLISP_NATIVE_GC_STRESS")))
        {
            return null;
        }

        string source, name;
        if (expression is not null)
        {
            (source, name) = (expression, ExpressionName);
        }
        else if (Read(file!) is { } text)
        {
            (source, name) = (text, file!);
        }
        else
        {
            return null;
        }

        var cache = ProgramCollector.DefaultCacheDirectory();
        // The front end writes warnings to standard error as it goes; hold them until the build is
        // known to succeed here, or the zylisp command would print them a second time.
        var realError = Console.Error;
        var warnings = new StringWriter();
        CollectedProgram collected;
        Console.SetError(warnings);
        try
        {
            collected = ProgramCollector.Collect(source, name, expression is null ? ExitRule.CallMain : ExitRule.LastValue, cache);
        }
        finally
        {
            Console.SetError(realError);
        }

        if (collected.Program is null)
        {
            return null;
        }

        try
        {
            return new Compiled(output, NativeCompiler.BuildExecutable(collected.Program, new NativeOptions(CacheDirectory: cache)), warnings.ToString());
        }
        catch (NativeCompileException)
        {
            return null;
        }
    }

    /// <summary>Prints the warnings and writes the executable; false (nothing printed) when the output cannot be written.</summary>
    public static bool TryWrite(Compiled compiled)
    {
        try
        {
            File.WriteAllBytes(compiled.Output, compiled.Executable);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(compiled.Output, File.GetUnixFileMode(compiled.Output) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        if (compiled.Warnings.Length > 0)
        {
            Console.Error.Write(compiled.Warnings);
        }

        return true;
    }

    /// <summary>
    /// The file's text as the zylisp command decodes it, or null when anything about reading it
    /// (missing, a folder, too large, a non-ASCII path) is the command's to read or report.
    /// </summary>
    private static string? Read(string path) =>
        UnixInput.TryReadFile(path, MaxSourceLength) is { } bytes ? Utf8Source.Decode(bytes) : null;
}
