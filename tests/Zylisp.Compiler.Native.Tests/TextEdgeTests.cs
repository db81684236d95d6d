using System.Diagnostics;
using System.Text;
using Zylisp.Lang;
using Zylisp.Lang.Printing;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Issue 12: text at the edges of a native string (Library/35-text-edges.zl,
/// docs/design/native-strings.md "Edges"): lone surrogates, ill-formed UTF-8 in command-line
/// arguments, and slurp of files with a byte-order mark, each against the interpreter.
/// </summary>
public sealed class TextEdgeTests
{
    private static readonly string[] LoneSurrogateExpressions =
    [
        "(count \"\\uD800\")", "(count (str \"\\uD83D\" \"\\uDE00\"))", "(= (str \"\\uD83D\" \"\\uDE00\") \"😀\")",
        "(str (from-char-code 0xDBFF) (from-char-code 0xDFFF))", "(count (str \"\\uDE00\" \"\\uD83D\"))",
        "(count (str \"\\uD83D\" \"\\uD83D\" \"\\uDE00\" \"\\uDE00\"))", "(str \"a\\uD83D\" \"\" \"\\uDE00b\")",
        "(apply str (reverse (str \"\\uDE00\" \"\\uD83D\")))", "(clojure.string/join [\"\\uD83D\" \"\\uDE00\"])",
        "(format \"%s%s\" \"\\uD83D\" \"\\uDE00\")", "(subs (str \"a\" \"\\uD800\" \"b\") 1 2)", "(seq \"x\\uDC00y\")",
        "(vec (str \"\\uD800\" \"\\uDE00\"))", "(map char-code (seq (str \"\\uD83D\" \"\\uDE00\" \"\\uD83D\")))",
        "(upper-case \"a\\uD800\")", "(count (trim \" \\uD800 \"))", "(index-of \"ab\\uD800c\" \"c\")",
        "(compare \"\\uD800\" \"😀\")", "(compare \"\\uD83D\" \"😀\")", "(compare \"\\uDE00\" \"\\uD83D\")",
        "(sort [\"\\uDE00\" \"z\" \"\\uD800\" \"😀\" \"\\uFF21\"])", "(pr-str \"\\uD800\")", "(str [\"\\uDC00\"])",
        "(includes? \"x\\uD800\" \"\\uD800\")", "(split \"a\\uD800b\" \"\\uD800\")", "(replace \"a\\uD800b\" \"\\uD800\" \"-\")",
        "(char-code \"\\uDFFF\")", "(reverse \"a\\uD800\")", "(frequencies (str \"\\uD800\" \"\\uD800\"))",
        "(= (str \"\\uD800\") \"\\uD800\")", "(last (str \"\\uD83D\" \"\\uDE00\"))", "(nth \"\\uD800\\uD800\" 1)",
    ];

    [NativeFact]
    public void Lone_surrogates_give_the_interpreters_results()
    {
        var engine = new Engine(new EngineOptions { Out = new StringWriter(), Error = new StringWriter() });
        var checks = new StringBuilder();
        var expected = new List<string>();
        foreach (var expression in LoneSurrogateExpressions)
        {
            var result = engine.Eval($"(pr-str {expression})", "<oracle>");
            Assert.True(result.Success, expression);
            var text = (string)result.Value!;
            expected.Add(expression + " => " + text);
            checks.Append($"(= (pr-str {expression}) {Printer.PrStr(text)}) ");
        }

        var source = $"(defn -main [] (loop [cs [{checks}] i 1] (if (empty? cs) 0 (if (first cs) (recur (rest cs) (inc i)) i))))";
        var status = NativeCompiler.RunInProcess(ProgramCollector.Collect(source, "<lone>", ExitRule.CallMain).Program!, []);
        Assert.True(status == 0, status == 0 ? "" : "native differs on " + expected[status - 1]);
    }

    [NativeFact]
    public void A_lone_surrogate_is_written_as_one_replacement_character()
    {
        // Three raw WTF-8 bytes would read back as three U+FFFD; .NET's encoder writes one.
        var outcome = NativeRunner.CompileAndRun("(println (str \"[\" \"\\uD800\" \"]\") (str \"\\uD83D\" \"|\")) (prn \"\\uDC00\") (print \"\\uDFFF\")");
        Assert.Equal("[\uFFFD] \uFFFD|\n\"\\uDC00\"\n\uFFFD", outcome.Stdout);
    }

    [NativeFact]
    public void Spit_refuses_a_lone_surrogate_as_the_interpreter_does()
    {
        var path = Path.Combine(Path.GetTempPath(), "zylisp-lone-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(path, "old");
            var expression = $"(try (spit {Printer.PrStr(path)} (str \"a\" (from-char-code 0xD800))) (catch e (get e :message)))";
            var engine = new Engine(new EngineOptions { Out = new StringWriter(), Error = new StringWriter() });
            var oracle = engine.Eval(expression, "<oracle>");
            Assert.True(oracle.Success);
            var oracleFile = File.ReadAllText(path);
            File.WriteAllText(path, "old");
            var outcome = NativeRunner.CompileAndRun($"(prn {expression})");
            Assert.Equal(Printer.PrStr(oracle.Value) + "\n", outcome.Stdout);
            Assert.Contains("not a valid path", outcome.Stdout);
            Assert.Equal(oracleFile, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [NativeFact]
    public void Ill_formed_arguments_become_replacement_characters()
    {
        // Each argument as printf writes it, and what the interpreter's *command-line-args* holds
        // (checked with `zylisp run`). The .NET host decodes argv with its own decoder, which
        // differs from Encoding.UTF8 on a few sequences (docs/design/native-strings.md, "Left");
        // these are the cases both agree on.
        (string Printf, string Decoded)[] cases =
        [
            ("a\\200b", "a\uFFFDb"), ("\\376\\377", "\uFFFD\uFFFD"), ("\\300\\200", "\uFFFD\uFFFD"),
            ("\\342\\202x", "\uFFFDx"), ("\\360\\237\\230x", "\uFFFDx"), ("\\303", "\uFFFD"),
            ("\\342(\\241", "\uFFFD(\uFFFD"), ("ok \\303\\251 \\342\\202\\254", "ok é €"),
        ];
        var image = NativeCompiler.BuildExecutable(NativeRunner.Collect(
            "(defn -main [& args] (doseq [a args] (prn (map char-code (seq a)))))"));
        var path = Path.Combine(Path.GetTempPath(), "zylisp-args-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, image);
        try
        {
            if (!OperatingSystem.IsLinux())
            {
                throw new PlatformNotSupportedException(NativeRunner.SkipReason);
            }

            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("exec \"$0\" " + string.Join(" ", cases.Select(c => $"\"$(printf '{c.Printf}')\"")));
            info.ArgumentList.Add(path);
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(10_000));
            var expected = string.Concat(cases.Select(c => "(" + string.Join(" ", c.Decoded.EnumerateRunes().Select(r => r.Value)) + ")\n"));
            Assert.Equal(expected, stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [NativeFact]
    public void Slurp_decodes_byte_order_marks_as_the_interpreter_does()
    {
        var text = Encoding.UTF8.GetBytes("héllo 😀\n");
        byte[][] files =
        [
            [0xEF, 0xBB, 0xBF, .. text],
            [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("héllo 😀\n")],
            [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("héllo 😀\n")],
            [0xFF, 0xFE, 0, 0, .. Encoding.UTF32.GetBytes("héllo 😀\n")],
            [0, 0, 0xFE, 0xFF, .. new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes("héllo 😀\n")],
            // UTF-16 with lone surrogates, a high one cut off at the end and an odd byte.
            [0xFF, 0xFE, (byte)'a', 0, 0x00, 0xD8, (byte)'b', 0, 0x00, 0xDC, 0x3D, 0xD8, (byte)'c'],
            // UTF-32 with a surrogate, a value past U+10FFFF and two bytes left over.
            [0xFF, 0xFE, 0, 0, (byte)'a', 0, 0, 0, 0, 0xD8, 0, 0, 0, 0, 0x11, 0, (byte)'b', 0],
            [0xFF, 0xFE], [0xFF, 0xFE, 0], [0xFF, 0xFE, 0, 0, (byte)'a', 0], [0xFE], [0xFF], [],
            [0xEF, 0xBB], [0, 0, 0xFE], [0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00, 0xDE, 0x00],
        ];
        var directory = Directory.CreateTempSubdirectory("zylisp-bom-");
        try
        {
            var engine = new Engine(new EngineOptions { Out = new StringWriter(), Error = new StringWriter() });
            var checks = new StringBuilder();
            var expected = new List<string>();
            for (var i = 0; i < files.Length; i++)
            {
                var path = Path.Combine(directory.FullName, $"{i}.txt");
                File.WriteAllBytes(path, files[i]);
                var expression = $"(pr-str (map char-code (seq (slurp {Printer.PrStr(path)}))))";
                var result = engine.Eval(expression, "<oracle>");
                Assert.True(result.Success, expression);
                expected.Add($"file {i} => {result.Value}");
                checks.Append($"(= {expression} {Printer.PrStr((string)result.Value!)}) ");
            }

            var source = $"(defn -main [] (loop [cs [{checks}] i 1] (if (empty? cs) 0 (if (first cs) (recur (rest cs) (inc i)) i))))";
            var status = NativeCompiler.RunInProcess(ProgramCollector.Collect(source, "<bom>", ExitRule.CallMain).Program!, []);
            Assert.True(status == 0, status == 0 ? "" : "native differs on " + expected[status - 1]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
