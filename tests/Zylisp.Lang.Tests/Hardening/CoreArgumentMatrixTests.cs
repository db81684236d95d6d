using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests.Hardening;

/// <summary>
/// Issue 15 item 13, as a class rather than three reproducers: every core and prelude function,
/// called with every awkward argument, every pair from a smaller set, and a fixed-seed sample
/// of three, either returns or fails with a Zylisp error. A raw .NET message (the `&lt;core&gt;`
/// fallback of ZL5012) or an internal error (ZL5013) is a finding.
/// </summary>
public class CoreArgumentMatrixTests
{
    /// <summary>Arguments chosen to break host code: extremes, NaN, a lone surrogate, every kind of value.</summary>
    private static readonly string[] Arguments =
    [
        "nil", "true", "0", "-1", "9223372036854775807", "-9223372036854775808", "1.5", "##NaN", "##-Inf",
        "\"\"", "\"a\\ud800\"", ":k", "'s", "[1 2]", "{:a 1}", "#{1}", "'(1 2)", "inc", "(atom 1)",
    ];

    /// <summary>Pairs come from fewer values, so the whole matrix stays a few seconds.</summary>
    private static readonly string[] PairArguments =
    [
        "nil", "-1", "9223372036854775807", "-9223372036854775808", "##NaN", "\"a\\ud800\"", ":k", "[1 2]", "{:a 1}", "'(1 2)", "inc", "(atom 1)",
    ];

    /// <summary>Functions that touch the world outside the engine (files, stdin) or are expected to raise host errors.</summary>
    private static readonly HashSet<string> Excluded = new(StringComparer.Ordinal)
    {
        "read-line", "slurp", "spit", "load-file", "exit", "%eprintln",
    };

    public static TheoryData<string> FunctionNames()
    {
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null });
        var data = new TheoryData<string>();
        foreach (var name in engine.GlobalNames.Where(n => !Excluded.Contains(n) && engine.DescribeGlobal(n) is { IsMacro: false }))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void Awkward_arguments_give_Zylisp_errors_never_host_messages(string name)
    {
        var host = new LangTestHost(new RuntimeLimits { MaxMemoryBytes = 256L * 1024 * 1024 });
        var findings = new List<string>();
        foreach (var call in Calls(name))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var result = host.Engine.Eval(call, "matrix.zl", timeout.Token);
            foreach (var d in result.Diagnostics.Where(d => d.IsError))
            {
                if (d.Id == DiagnosticIds.HostError || (d.Id is DiagnosticIds.BadArgument or DiagnosticIds.IoError && d.Message.StartsWith("`<", StringComparison.Ordinal)))
                {
                    findings.Add(call + " => " + d.Id + " " + d.Message);
                }
            }
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(20)));
    }

    private static IEnumerable<string> Calls(string name)
    {
        yield return $"({name})";
        foreach (var a in Arguments)
        {
            yield return $"({name} {a})";
        }

        foreach (var a in PairArguments)
        {
            foreach (var b in PairArguments)
            {
                yield return $"({name} {a} {b})";
            }
        }

        // Three arguments: a fixed-seed sample, so a run is repeatable and stays fast.
        var random = new Random(name.Length * 7919 + name[0]);
        for (int i = 0; i < 40; i++)
        {
            yield return $"({name} {Arguments[random.Next(Arguments.Length)]} {Arguments[random.Next(Arguments.Length)]} {Arguments[random.Next(Arguments.Length)]})";
        }
    }
}
