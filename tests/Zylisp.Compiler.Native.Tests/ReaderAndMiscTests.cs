namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// read-string, parse-double, sorted sets and the small primitives the native library adds
/// (Library/65-misc.zl, 75-reader.zl, 50-sorted.zl), against the interpreter's output.
/// </summary>
public sealed class ReaderAndMiscTests
{
    [NativeTheory]
    [InlineData("(prn (read-string \"(a [b {:c 1}] #{2} \\\"s\\\\n\\\" 1.5 -3 0x1F ##-Inf nil x/y :k/v)\") (read-string \"#_ (x) kept\") (read-string \"\"))")]
    [InlineData("(prn (read-string \"#(+ % %2)\") (read-string \"#(list %&)\") (read-string \"'a\") (read-string \"@e\") (read-string \"-9223372036854775808\"))")]
    [InlineData("(prn (map (fn [t] (try (read-string t) (catch :read-error e :read-error))) [\"(\" \")\" \"{:a}\" \"#{1 1}\" \"1e400\" \"12abc\" \"9223372036854775808\"]))")]
    [InlineData("(prn (map parse-double [\"1.5\" \"-2e3\" \"abc\" \"1e400\" \"1e-400\" \" 7 \" \"+.5\" \"5.\" \".\" \"Infinity\" \"0.3333333333333333\" \"1e22\"]))")]
    [InlineData("(def s (sorted-set 5 1 3)) (prn s (conj s 2) (disj s 3) (sorted? s) (into (sorted-set) [\"b\" \"a\"]) (try (conj (sorted-set 1) :k) (catch e (ex-message e))))")]
    [InlineData("(prn (try (sorted-map :a 1 \"b\" 2) (catch e (ex-message e))) (peek [1 2]) (pop [1 2]) (peek '(1 2)) (pop '(1 2)) (prn-str 1 \"a\") (print-str \"a\" [\"b\"]))")]
    [InlineData("(prn (keyword \"a\" \"b\") (keyword 'x) (namespace :a/b) (namespace 'c) (char-code \"A\") (from-char-code 955) (symbol? (gensym)) (integer? (rand-int 5)))")]
    public void Prints_what_the_interpreter_prints(string source) =>
        Assert.Equal(NativeLibraryTests.Interpreted(source), NativeRunner.CompileAndRun(source, "<expr>", ExitRule.LastValue).Stdout);

    [NativeFact]
    public void A_float_the_native_engine_cannot_round_exactly_is_an_error_not_a_nearby_value()
    {
        var outcome = NativeRunner.CompileAndRun("(prn (try (parse-double \"1.7976931348623157e308\") (catch e (ex-message e))))", "<expr>", ExitRule.LastValue);
        Assert.Contains("the native engine cannot round", outcome.Stdout, StringComparison.Ordinal);
    }
}
