using FsCheck;
using FsCheck.Fluent;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>The runtime library's low-level typed subset: its primitives stay inside the library, and the functions written in it behave as the interpreter's.</summary>
public sealed class LowLevelSubsetTests
{
    [NativeTheory]
    [InlineData("(defn -main [] (println (%load-word \"abc\" 8)))", "%load-word", 1, 26)]
    [InlineData("(deffunc peek (s) (:args string) (:return integer)\n  (%load-byte s 16))", "%load-byte", 2, 4)]
    [InlineData("(defn -main [] (let [f %alloc] (f 8)))", "%alloc", 1, 24)]
    [InlineData("(defn -main [] (println (%cell :chunks)))", "%cell", 1, 26)]
    public void A_program_using_a_low_level_primitive_gets_a_located_compile_error(string program, string primitive, int line, int column)
    {
        var error = Assert.Throws<NativeCompileException>(() => NativeCompiler.BuildExecutable(NativeRunner.Collect(program)));
        Assert.StartsWith($"test.zl:{line}:{column}: error: `{primitive}` is a primitive of the native runtime library's low-level typed subset", error.Message, StringComparison.Ordinal);
    }

    [NativeFact]
    public void The_string_search_functions_are_typed_library_code()
    {
        var listing = NativeCompiler.Disassemble(NativeRunner.Collect("(defn -main [] (println (includes? \"abc\" \"b\") (index-of \"abc\" \"c\")))"));
        Assert.Contains("%find-bytes$typed:", listing, StringComparison.Ordinal);
        Assert.Contains("%bytes-match?$typed:", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("rt:includes?", listing, StringComparison.Ordinal);
    }

    [NativeFact]
    public void Name_and_subs_match_the_interpreter()
    {
        const string Program =
            "(prn (subs \"hello\" 1) (subs \"hello\" 1 3) (subs \"hello\" 5) (subs \"\" 0) (count (subs (apply str (repeat 100 \"xy\")) 3 150)))" +
            "(prn (name :k) (name :a/b) (name 'x) (name 'ns/y) (name '/) (name \"s\") (name (symbol \"a\" \"b\")) (name (symbol \"a/\")))";
        Assert.Equal(NativeLibraryTests.Interpreted(Program), NativeRunner.CompileAndRun(Program).Stdout);
    }

    /// <summary>The ported string functions on random ASCII strings print what the interpreter prints.</summary>
    [NativeFact]
    public void Ported_string_functions_match_the_interpreter_on_random_strings()
    {
        var text = Gen.Elements('a', 'b', 'A', 'Z', ' ', '\t', '-', '0').ArrayOf().Select(cs => new string(cs));
        var pairs = Gen.Zip(text, text).ArrayOf(12);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3), Prop.ForAll(pairs.ToArbitrary(), batch =>
        {
            var program = string.Concat(batch.Select(p =>
                $"(prn (includes? \"{p.Item1}\" \"{p.Item2}\") (index-of \"{p.Item1}\" \"{p.Item2}\") (starts-with? \"{p.Item1}\" \"{p.Item2}\") " +
                $"(ends-with? \"{p.Item1}\" \"{p.Item2}\") (upper-case \"{p.Item1}\") (lower-case \"{p.Item2}\") (subs \"{p.Item1}\" (quot (count \"{p.Item1}\") 2)) " +
                $"(trim \"{p.Item1}\") (compare \"{p.Item1}\" \"{p.Item2}\") (sort [\"{p.Item1}\" \"{p.Item2}\" \"b\"]))\n"));
            var native = NativeRunner.CompileAndRun(program, "test.zl", ExitRule.LastValue).Stdout;
            var expected = NativeLibraryTests.Interpreted(program);
            return native == expected ? true : throw new InvalidOperationException($"native printed\n{native}\ninterpreter\n{expected}");
        }));
    }

    [NativeTheory]
    [InlineData("(includes? \"a\" 1)")]
    [InlineData("(index-of :k \"a\")")]
    [InlineData("(starts-with? \"a\" nil)")]
    [InlineData("(ends-with? 2.5 \"a\")")]
    [InlineData("(upper-case :k)")]
    [InlineData("(subs 1 0)")]
    [InlineData("(subs \"abc\" \"1\")")]
    [InlineData("(subs \"abc\" 0 1.5)")]
    [InlineData("(subs \"abc\" 4)")]
    [InlineData("(subs \"abc\" -1 2)")]
    [InlineData("(subs \"abc\" 2 1)")]
    [InlineData("(subs \"abc\" 5 4)")]
    [InlineData("(subs \"abc\" 1 9)")]
    [InlineData("(subs \"abc\" 4611686018427387904)")]
    [InlineData("(name 1)")]
    [InlineData("(trim nil)")]
    [InlineData("(compare \"a\" :a)")]
    public void Ported_functions_raise_the_interpreters_type_errors(string call)
    {
        var program = $"(println (try {call} (catch e (get e :message))))";
        Assert.Equal(NativeLibraryTests.Interpreted(program), NativeRunner.CompileAndRun(program).Stdout);
    }
}
