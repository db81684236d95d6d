using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Printing;

namespace Zylisp.Lang.Tests;

/// <summary>An engine with captured output, and the assertions most language tests need.</summary>
internal sealed class LangTestHost
{
    public LangTestHost(RuntimeLimits? limits = null)
    {
        Engine = new Engine(new EngineOptions { Out = Out, Error = Error, Limits = limits ?? new RuntimeLimits() });
    }

    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    public Engine Engine { get; }

    /// <summary>Evaluates source that must succeed; returns the last value.</summary>
    public object? Eval(string source, string file = "test.zl")
    {
        var result = Engine.Eval(source, file);
        Assert.True(result.Success, "evaluation failed: " + string.Join("; ", result.Diagnostics));
        return result.Value;
    }

    /// <summary>The readable printed form of the value of source.</summary>
    public string Show(string source, string file = "test.zl") => Printer.PrStr(Eval(source, file));

    /// <summary>Evaluates source that must fail with the diagnostic <paramref name="id"/>; returns it.</summary>
    public Diagnostic Fails(string source, string id, string file = "test.zl")
    {
        var result = Engine.Eval(source, file);
        Assert.False(result.Success, "expected " + id + " but evaluation succeeded");
        return Assert.Single(result.Diagnostics, d => d.IsError && d.Id == id);
    }
}
