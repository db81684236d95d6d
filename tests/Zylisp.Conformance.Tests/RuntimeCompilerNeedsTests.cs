namespace Zylisp.Conformance.Tests;

/// <summary>
/// Keeps the NAME.needs sidecars honest: a corpus program says it needs the compiler at run time
/// exactly when the front end finds a call of eval, load-file, macroexpand or macroexpand-1 in
/// it (Engine.CollectProgram), so no ahead-of-time engine skips a program it could run, and none
/// is asked to run one it cannot.
/// </summary>
public class RuntimeCompilerNeedsTests
{
    public static TheoryData<string> Programs() => [.. ProgramCorpus.RelativePaths()];

    [Theory]
    [MemberData(nameof(Programs))]
    public void A_program_declares_the_compiler_exactly_when_it_calls_it(string program)
    {
        var loaded = ProgramCase.Load(program);
        Assert.All(loaded.Needs, need => Assert.Contains(need, ProgramCase.KnownNeeds));
        var image = Engine.CollectProgram(File.ReadAllText(loaded.FullPath), loaded.FullPath, new EngineOptions { Error = TextWriter.Null, WriteWarnings = false });
        if (!image.Success)
        {
            return; // a program whose point is a compile error needs nothing at run time
        }

        Assert.True(
            image.CompilerUses.Count > 0 == loaded.Needs.Contains("compiler"),
            $"{program}: calls {string.Join(", ", image.CompilerUses.Select(u => u.Function))}; its .needs says [{string.Join(", ", loaded.Needs)}]");
    }
}
