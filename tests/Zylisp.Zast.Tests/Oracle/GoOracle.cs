using System.Diagnostics;
using System.Text;

namespace Zylisp.Zast.Tests.Oracle;

/// <summary>
/// Runs the Go oracle (corpus/go-ast-coverage/tools): go/parser plus the canonical writer.
/// The binary is built once per test run into a temporary directory, because <c>go run</c>
/// recompiles every time; each call hands it many files at once.
/// </summary>
/// <remarks>
/// Use <see cref="GoFactAttribute"/> on tests that call <see cref="Get"/>, so they are skipped
/// with a message when Go is missing. <see cref="Archive"/> is the usual entry point:
/// <code>var results = GoOracle.Get().Archive(paths, root); // name → zast text or parse errors</code>
/// </remarks>
public sealed class GoOracle
{
    private static readonly Lazy<string?> GoPath = new(FindGo);
    private static readonly Lazy<GoOracle> Built = new(Build);

    private GoOracle(string binaryPath) => BinaryPath = binaryPath;

    /// <summary>Why oracle tests cannot run here, or null when they can.</summary>
    public static string? UnavailableReason =>
        GoPath.Value is null ? "skipped: the Go toolchain ('go') is not on PATH, so the go/parser oracle cannot run" : null;

    /// <summary>The path of the built zast-oracle executable.</summary>
    public string BinaryPath { get; }

    /// <summary>The oracle, built on first use. Throws if Go is missing (guard with <see cref="GoFactAttribute"/>) or the build fails.</summary>
    public static GoOracle Get() => Built.Value;

    /// <summary>The Go installation's root (<c>go env GOROOT</c>), whose sources make a large real-world corpus.</summary>
    public string GoRoot => _goRoot.Value;

    private readonly Lazy<string> _goRoot = new(() =>
        RunProcess(GoPath.Value!, ["env", "GOROOT"], RepositoryPaths.Root, null, TimeSpan.FromMinutes(1)).StandardOutput.Trim());

    /// <summary>Runs the oracle with <paramref name="arguments"/>; returns exit code, stdout and stderr.</summary>
    public OracleRun Run(IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null) =>
        RunProcess(BinaryPath, arguments, RepositoryPaths.Root, standardInput, timeout ?? TimeSpan.FromMinutes(10));

    /// <summary>
    /// Parses every file in one oracle run, each into its own Program with names relative to
    /// <paramref name="root"/>. Returns, per relative name (forward slashes), the canonical text
    /// and go/parser's error messages: a file with syntax errors has both (the partial tree
    /// go/parser returns), or errors only when go/parser gave up at the package clause.
    /// </summary>
    public IReadOnlyDictionary<string, OracleResult> Archive(IReadOnlyList<string> paths, string root, bool compact = false)
    {
        var outDir = Directory.CreateTempSubdirectory("zast-oracle-out-").FullName;
        try
        {
            var listFile = Path.Combine(outDir, "inputs.txt");
            System.IO.File.WriteAllLines(listFile, paths);
            var args = new List<string> { "-root", root, "-o", Path.Combine(outDir, "out"), "-list", listFile };
            if (compact) args.Insert(0, "-compact");
            var run = Run(args);
            if (run.ExitCode > 1) throw new InvalidOperationException($"zast-oracle failed ({run.ExitCode}): {run.StandardError}");
            var results = new Dictionary<string, OracleResult>(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                var name = Path.GetRelativePath(root, path).Replace('\\', '/');
                var target = Path.Combine(outDir, "out", name);
                var zast = System.IO.File.Exists(target + ".zast") ? System.IO.File.ReadAllText(target + ".zast", Encoding.UTF8) : null;
                var errors = System.IO.File.Exists(target + ".err") ? System.IO.File.ReadAllText(target + ".err", Encoding.UTF8) : null;
                results[name] = new OracleResult(zast, zast is null && errors is null ? "no output" : errors);
            }
            return results;
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    private static GoOracle Build()
    {
        var go = GoPath.Value ?? throw new InvalidOperationException(UnavailableReason);
        var dir = Directory.CreateTempSubdirectory("zast-oracle-bin-").FullName;
        var binary = Path.Combine(dir, OperatingSystem.IsWindows() ? "zast-oracle.exe" : "zast-oracle");
        var run = RunProcess(go, ["build", "-o", binary, "."], RepositoryPaths.OracleSources, null, TimeSpan.FromMinutes(5));
        if (run.ExitCode != 0) throw new InvalidOperationException($"building zast-oracle failed: {run.StandardError}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return new GoOracle(binary);
    }

    private static string? FindGo()
    {
        var name = OperatingSystem.IsWindows() ? "go.exe" : "go";
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(System.IO.File.Exists);
    }

    private static OracleRun RunProcess(string fileName, IEnumerable<string> arguments, string workingDirectory, string? input, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["GOTOOLCHAIN"] = "local";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}");
        }
        return new OracleRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}

public sealed record OracleRun(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// One file's oracle output: the canonical text (null when go/parser gave up at the package
/// clause) and go/parser's errors, one per line (null when the file parsed cleanly).
/// </summary>
public sealed record OracleResult(string? Zast, string? Errors);
