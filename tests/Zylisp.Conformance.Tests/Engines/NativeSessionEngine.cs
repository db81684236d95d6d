using System.Globalization;
using System.Runtime.InteropServices;
using Zylisp.Compiler.Native;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Runtime;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// A native session (docs/design/native-sessions.md) fed the program as a REPL would be: every
/// top-level form compiled to its own chunk of machine code linked against what the session loaded,
/// then <c>(-main ARGS…)</c> as one more entry. Its value is the exit status, as for <c>zylisp run</c>.
/// A program the whole-program native backend cannot compile is skipped with that reason, as on
/// the other native engines; so are multi-file programs (their files load through zylisp run's
/// source root).
/// </summary>
public sealed class NativeSessionEngine : IProgramEngine
{
    private static readonly TimeSpan RunawayGuard = TimeSpan.FromSeconds(60);

    public string Name => "native-session";

    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "regex-unicode-tables", "lone-surrogates" };

    public ProgramOutcome Run(string path, IReadOnlyList<string> args)
    {
        Skip.IfNot(
            OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64,
            "the native engine runs x86-64 code on Linux");
        var source = File.ReadAllText(path);
        Skip.If(source.Contains("(:require", StringComparison.Ordinal) || source.Contains("(require ", StringComparison.Ordinal), "a multi-file program loads its files through zylisp run's source root");
        var collected = ProgramCollector.Collect(source, path, ExitRule.CallMain);
        if (collected.Program is null)
        {
            throw new SkipException("does not build ahead of time: " +
                string.Join("; ", collected.Diagnostics.Where(d => d.IsError).Select(d => d.Message)));
        }

        try
        {
            _ = NativeCompiler.Disassemble(collected.Program);
        }
        catch (NativeCompileException e)
        {
            throw new SkipException(e.Message);
        }

        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var cancel = new CancellationTokenSource(RunawayGuard);
        using var native = new Compiler.Native.NativeEngine(args: args);
        var engine = new Engine(new EngineOptions { Out = stdout, Error = stderr, CreateExecutionEngine = () => native, WriteWarnings = false });
        var loaded = engine.Eval(new EvalRequest(source) { File = path }, cancel.Token);
        if (!loaded.Success)
        {
            return Failed(stdout, stderr, loaded);
        }

        var mainName = engine.CurrentNamespace == "user" ? "-main" : engine.CurrentNamespace + "/-main";
        if (engine.GetGlobal(mainName) is null)
        {
            return new ProgramOutcome(stdout.ToString(), 0, stderr.ToString());
        }

        var call = "(-main" + string.Concat(args.Select(a => " " + Printer.PrStr(a))) + ")";
        var main = engine.Eval(new EvalRequest(call) { File = path }, cancel.Token);
        if (!main.Success)
        {
            return Failed(stdout, stderr, main);
        }

        var dialect = path.EndsWith(".slisp", StringComparison.Ordinal) || source.Contains("(dialect :slisp)", StringComparison.Ordinal) ? Truthiness.Slisp : Truthiness.Clojure;
        return new ProgramOutcome(stdout.ToString(), Engine.ExitStatus(HostValue(Printer.PrStr(main.Value)), dialect), stderr.ToString());
    }

    /// <summary>The exit status rule reads integers and booleans; the session gives their printed form.</summary>
    private static object? HostValue(string printed) => printed switch
    {
        "true" => true,
        "false" => false,
        _ when long.TryParse(printed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => printed,
    };

    private static ProgramOutcome Failed(StringWriter stdout, StringWriter stderr, EvalResult result)
    {
        foreach (var diagnostic in result.Diagnostics.Where(d => d.IsError))
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        return new ProgramOutcome(stdout.ToString(), 1, stderr.ToString());
    }
}
