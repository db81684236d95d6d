namespace Zylisp.Compiler.Native.Tests;

/// <summary>Exact 64-bit integers (fixnums that overflow into boxed int64s) and symbols as values.</summary>
public sealed class IntegerAndSymbolTests
{
    [NativeTheory]
    [InlineData("(prn 9223372036854775807 -9223372036854775808 (+ 9223372036854775807 1) (- -9223372036854775808 1))", "9223372036854775807 -9223372036854775808 -9223372036854775808 9223372036854775807\n")]
    [InlineData("(prn (* 4611686018427387904 2) (+ 4611686018427387903 1) (inc 4611686018427387903) (dec -4611686018427387904))", "-9223372036854775808 4611686018427387904 4611686018427387904 -4611686018427387905\n")]
    [InlineData("(prn (* 3037000500 3037000500) (quot -9223372036854775808 -1) (rem -9223372036854775808 -1) (abs -9223372036854775808))", "-9223372036709301616 -9223372036854775808 0 -9223372036854775808\n")]
    [InlineData("(prn (= 4611686018427387904 (+ 4611686018427387903 1)) (< 4611686018427387904 9223372036854775807) (- (+ 4611686018427387903 1) 1) (integer? 4611686018427387904))", "true true 4611686018427387903 true\n")]
    [InlineData("(prn (quot 7 2) (quot -7 2) (rem -7 2) (mod -7 3) (mod 7 -3) (mod -7 -3))", "3 -3 -1 2 -2 -1\n")]
    [InlineData("(prn (try (quot 1 0) (catch e (get e :message))) (try (mod 1 0) (catch e (get e :type))))", "\"integer division by zero\" :arithmetic-error\n")]
    public void Integers_are_int64_and_wrap_as_in_the_interpreter(string program, string expected) =>
        Assert.Equal(expected, NativeRunner.CompileAndRun(program, "<expr>", ExitRule.LastValue).Stdout);

    [NativeTheory]
    [InlineData("(prn 'x 'ns/y '[a b] (symbol? 'x) (symbol? \"x\") (= 'x 'x) (= 'x 'y))", "x ns/y [a b] true false true false\n")]
    [InlineData("(prn (symbol \"abc\") (= (symbol \"abc\") 'abc) (symbol \"a\" \"b\") (= (symbol \"a\" \"b\") 'a/b) (symbol :k))", "abc true a/b true k\n")]
    [InlineData("(prn (name 'x) (name 'ns/y) (name :k) (name :a/b) (name \"s\") (name '/))", "\"x\" \"y\" \"k\" \"b\" \"s\" \"/\"\n")]
    [InlineData("(prn (get {'a 1 'b 2} 'b) (str 'sym) (pr-str '(quote x)))", "2 \"sym\" \"(quote x)\"\n")]
    public void Symbols_are_values(string program, string expected) =>
        Assert.Equal(expected, NativeRunner.CompileAndRun(program, "<expr>", ExitRule.LastValue).Stdout);
}
