using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

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

    /// <summary>
    /// + - * quot rem mod on random int64s (biased toward the fixnum boundary and the extremes)
    /// give C#'s unchecked results and the interpreter's quot/rem/mod signs. One program per case,
    /// run in-process; its status is the position of the first wrong result.
    /// </summary>
    [NativeFact]
    public void Integer_arithmetic_wraps_like_int64_for_random_operands()
    {
        var edges = Gen.Elements(0L, 1L, -1L, long.MaxValue, long.MinValue, (1L << 62) - 1, -(1L << 62), 1L << 62, 3037000500L, -3037000499L);
        var operand = Gen.OneOf(ArbMap.Default.GeneratorFor<long>(), edges, Gen.Choose(-1000, 1000).Select(i => (long)i));
        var pairs = Gen.Zip(operand, operand).ArrayOf(40);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20), Prop.ForAll(pairs.ToArbitrary(), batch =>
        {
            var checks = new StringBuilder();
            foreach (var (a, b) in batch)
            {
                Append(checks, "+", a, b, unchecked(a + b));
                Append(checks, "-", a, b, unchecked(a - b));
                Append(checks, "*", a, b, unchecked(a * b));
                if (b != 0)
                {
                    var rem = b == -1 ? 0 : a % b;
                    Append(checks, "quot", a, b, b == -1 ? unchecked(-a) : a / b);
                    Append(checks, "rem", a, b, rem);
                    Append(checks, "mod", a, b, rem != 0 && (rem < 0) != (b < 0) ? rem + b : rem);
                }
            }

            var source = $"(defn -main [] (loop [cs [{checks}] i 1] (if (empty? cs) 0 (if (first cs) (recur (rest cs) (inc i)) i))))";
            var program = ProgramCollector.Collect(source, "<property>", ExitRule.CallMain).Program!;
            var status = NativeCompiler.RunInProcess(program, []);
            return status == 0 ? true : throw new InvalidOperationException("check " + status + " failed in " + source);
        }));
    }

    private static void Append(StringBuilder checks, string op, long a, long b, long expected) =>
        checks.Append(CultureInfo.InvariantCulture, $"(= ({op} {a} {b}) {expected}) ");
}
