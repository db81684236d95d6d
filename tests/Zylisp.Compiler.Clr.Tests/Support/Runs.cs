using Zylisp.Lang;

namespace Zylisp.Compiler.Clr.Tests.Support;

/// <summary>What one run produced: stdout, exit status and stderr (diagnostics with their Zylisp stack traces).</summary>
public sealed record Outcome(string Stdout, int ExitCode, string Stderr);

/// <summary>Runs programs and expressions in-process on a chosen engine (null: the interpreter, the oracle).</summary>
public static class Runs
{
    // A guard against a runaway program, not a performance assertion.
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(60);

    public static Outcome File(string path, IReadOnlyList<string> args, IExecutionEngine? engine) =>
        File(path, args, new EngineOptions { CreateExecutionEngine = engine is null ? null : () => engine });

    public static Outcome File(string path, IReadOnlyList<string> args, EngineOptions options)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var cancel = new CancellationTokenSource(RunawayGuard);
        var zl = new Engine(options with { Out = stdout, Error = stderr });
        var result = zl.RunFile(path, args, cancel.Token);
        foreach (var d in result.Diagnostics)
        {
            stderr.WriteLine(Describe(d));
        }

        return new Outcome(stdout.ToString(), result.ExitCode, WithoutTimings(stderr.ToString()));
    }

    /// <summary>`time` reports on stderr; its figures differ from run to run.</summary>
    private static string WithoutTimings(string stderr) =>
        System.Text.RegularExpressions.Regex.Replace(stderr, @"Elapsed time: [0-9.]+ msecs", "Elapsed time: T msecs");

    public static Outcome Source(string source, IExecutionEngine? engine, EngineOptions? options = null) =>
        Source(source, (options ?? new EngineOptions()) with { CreateExecutionEngine = engine is null ? null : () => engine });

    public static Outcome Source(string source, EngineOptions options)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var zl = new Engine(options with { Out = stdout, Error = stderr });
        var result = zl.RunSource(source, "test.zl", []);
        foreach (var d in result.Diagnostics)
        {
            stderr.WriteLine(Describe(d));
        }

        return new Outcome(stdout.ToString(), result.ExitCode, stderr.ToString());
    }

    /// <summary>A diagnostic with everything an engine must reproduce: id, location, message and the Zylisp stack trace.</summary>
    public static string Describe(Lang.Diagnostics.Diagnostic d)
    {
        var frames = d.StackTrace is null ? "" : string.Join(" <- ", d.StackTrace.Select(f => f.FunctionName + "@" + f.Span?.Line + ":" + f.Span?.Column));
        return $"{d.Id} {d.Span?.File}:{d.Span?.Line}:{d.Span?.Column} {d.Message} [{frames}]";
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Zylisp.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no Zylisp.slnx above " + AppContext.BaseDirectory);
    }
}

/// <summary>The tiered engine, counting what it compiles, so a test can see the tiers switch.</summary>
public sealed class CountingTierCompiler(int threshold) : IExecutionEngine, Lang.Runtime.ITierCompiler
{
    private readonly TieredEngine inner = new(threshold);

    public int Compiled { get; private set; }

    public string Name => "tiered";

    public int Threshold => inner.Threshold;

    public object? Execute(Lang.Analysis.TopLevel form, Lang.Runtime.RunContext ctx) => inner.Execute(form, ctx);

    public Lang.Runtime.FunctionCode? Compile(Lang.Analysis.FnNode fn)
    {
        Compiled++;
        return inner.Compile(fn);
    }
}
