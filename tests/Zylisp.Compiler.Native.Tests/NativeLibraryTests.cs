namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The Zylisp-written part of the runtime (src/Zylisp.Compiler.Native/Library): each function
/// compiled natively must print what the interpreter prints for the same expression.
/// </summary>
public sealed class NativeLibraryTests
{
    [NativeTheory]
    [InlineData("(reverse [1 2 3]) (reverse []) (take 2 [1 2 3]) (drop 1 [1 2 3]) (repeat 2 :x) (concat [1] '(2) nil [3])")]
    [InlineData("(max 1 5 2) (min 3 1) (abs -3) (into [] '(1 2)) (into {} [[:a 1]]) (into '() [1 2]) (mapv inc [1 2])")]
    [InlineData("(map + [1 2 3] [10 20]) (nth [1 2] 5 :none) (first {:a 1}) (rest \"abc\")")]
    [InlineData("(name :foo) (type 1) (type \"s\") (type []) (type nil) (integer? 3) (boolean? false)")]
    [InlineData("(compare 1 2) (compare \"b\" \"a\") (compare :a :b) (compare [1 2] [1 3]) (compare nil 1)")]
    [InlineData("(sort [3 1 2 1]) (sort > [3 1 2]) (sort [\"b\" \"a\" \"ab\"]) (sort []) (sort-by count [\"aaa\" \"b\" \"cc\"])")]
    [InlineData("(index-of \"hello\" \"l\") (index-of \"hello\" \"z\") (upper-case \"aB\") (lower-case \"aB\") (trim \"  x \")")]
    [InlineData("(split \"a,b,,c,,\" \",\") (split \"ab\" \"\") (join \", \" [1 2]) (join [1 2]) (join \"-\" [])")]
    [InlineData("(starts-with? \"abc\" \"ab\") (ends-with? \"abc\" \"bc\") (replace \"aXbX\" \"X\" \"y\")")]
    [InlineData("(format \"%s is %d, %x%% %n\" \"x\" 42 255)")]
    [InlineData("#{3 1 2} (conj #{1} 2 1) (disj #{1 2 3} 1) (contains? #{1 2} 2) (count #{1 2}) (seq #{1 2}) (= #{1 2} #{2 1}) (hash-set 1 1) (set [3 3 4])")]
    [InlineData("(str #{1 \"a\"}) (into #{} [1 1 2]) (sort #{3 1 2}) (empty? #{}) (conj {:a 1} [:b 2]) (type #{})")]
    [InlineData("(:a {:a 1}) (:z {:a 1} :none) ({:b 2} :b) (#{1 2} 2) (#{1 2} 5) (map :a [{:a 1} {:a 2}]) (filter #{1 3} [1 2 3])")]
    [InlineData("(parse-long \"42\") (parse-long \"-7\") (parse-long \"x1\") (parse-long \"\") (seq? '(1)) (seq? [1])")]
    [InlineData("(ex-info \"boom\" {:v 1}) (ex-message (ex-info \"m\" {})) (ex-data (ex-info \"m\" {:a 1})) (try (throw (ex-info \"x\" {:type :t})) (catch :t e (ex-data e)))")]
    public void A_library_function_prints_what_the_interpreter_prints(string expressions)
    {
        var source = $"(prn {expressions})";
        var expected = Interpreted(source);
        var outcome = NativeRunner.CompileAndRun(source);
        Assert.Equal(expected, outcome.Stdout);
        Assert.Equal(0, outcome.ExitCode);
    }

    [NativeFact]
    public void Spit_and_slurp_go_through_system_calls_with_the_interpreters_messages()
    {
        var file = Path.Combine(Path.GetTempPath(), "zylisp-native-files-" + Guid.NewGuid().ToString("N"));
        try
        {
            var source = $"(def p \"{file}\") (spit p \"a\\nb\") (prn (slurp p)) (spit p [1 \"x\"]) (prn (slurp p)) (spit p \"\") (prn (slurp p))" +
                " (prn (try (slurp \"no/such/dir/f\") (catch e [(ex-message e) (:type e)])))" +
                " (prn (try (slurp \"/\") (catch e (ex-message e)))) (prn (try (spit \"no/such/dir/f\" 1) (catch e (ex-message e))))";
            var expected = Interpreted(source);
            Assert.Equal(expected, NativeRunner.CompileAndRun(source).Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [NativeFact]
    public void A_program_that_needs_no_library_function_links_none()
    {
        var collected = ProgramCollector.Collect("(println (+ 1 2))", "test.zl", ExitRule.CallMain);
        Assert.DoesNotContain("%list-reverse", NativeCompiler.Disassemble(collected.Program!), StringComparison.Ordinal);
    }

    [NativeFact]
    public void An_error_inside_a_library_function_names_the_programs_call()
    {
        var outcome = NativeRunner.CompileAndRun("(defn -main [] (compare 1 \"a\"))");
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("test.zl:1:16: error: `compare` expects two values of the same comparable type, got string \"a\"", outcome.Stderr, StringComparison.Ordinal);
    }

    internal static string Interpreted(string source)
    {
        var output = new StringWriter();
        var engine = new Zylisp.Lang.Engine(new Zylisp.Lang.EngineOptions { Out = output });
        var result = engine.RunSource(source, "test.zl", []);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        return output.ToString();
    }
}
