using FsCheck;
using FsCheck.Fluent;
using Zylisp.Zast.Diagnostics;

namespace Zylisp.Zast.Tests.Fuzzing;

/// <summary>
/// Issue 15, "Keep it closed": fuzz targets for the zast reader and builder and for the Go parser.
/// A short fixed-seed campaign runs in CI; ZYLISP_FUZZ_INPUTS (bench/fuzz/run.sh) runs a long one.
/// Neither tool may throw, and the report of any input stays short.
/// </summary>
public class ZastFuzzTests
{
    private static readonly string[] ZastNoise =
    [
        "(", ")", "(", ")", "Program", "File", "Ident", "BlockStmt", "BinaryExpr", "BasicLit", "FuncDecl", ":name", ":x", ":y", ":op", ":kind",
        ":list", ":pos", "\"x\"", "\"", "\\", "1", "-1", "nil", "true", "INT", "+", ";", " ", "\n", "é",
    ];

    private static readonly string[] GoNoise =
    [
        "package main\n", "func", " main", "(", ")", "{", "}", "[", "]", "var", " x", " = ", "1", "+", "\"s\"", "`raw`", "'c'", ";", "\n",
        "if", "for", "range", "go", "chan", "<-", "struct", "interface", "map", ":=", "...", "/*", "*/", "//", "0x", "1e", ".", "é", "\u00a0",
    ];

    private static int Inputs(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("ZYLISP_FUZZ_INPUTS"), out int n) && n > 0 ? n / 100 : ciDefault;

    private static void Run(string[] words, int count, Action<string> check)
    {
        var gen = Gen.ListOf(Gen.Elements(words)).Select(parts => string.Concat(parts));
        for (int batch = 0, done = 0; done < count; batch++)
        {
            int take = Math.Min(1_000, count - done);
            foreach (var text in gen.Sample(150, new Rnd(15_000_003UL + (ulong)batch), take))
            {
                try
                {
                    check(text);
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"fuzz failure (batch {batch}) on input: {text}", e);
                }
            }

            done += take;
        }
    }

    [Fact]
    public void Zast_reader_and_builder_fuzz_never_throw() =>
        Run(ZastNoise, Inputs(800), text =>
        {
            var result = ZastTool.Format(text, "fuzz.zast");
            Assert.True(new ZastDiagnosticFormatter("fuzz.zast", text).FormatAll(result.Diagnostics).Length < 20_000);
        });

    [Fact]
    public void Go_parser_fuzz_never_throws() =>
        Run(GoNoise, Inputs(800), text =>
        {
            var result = ZastTool.FromGo(text, "fuzz.go");
            Assert.True(new ZastDiagnosticFormatter("fuzz.go", text, ZastColumnUnit.Utf8Bytes).FormatAll(result.Diagnostics).Length < 20_000);
        });
}
