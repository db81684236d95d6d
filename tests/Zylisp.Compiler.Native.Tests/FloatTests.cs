using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Zylisp.Compiler.Native.Emit;
using Zylisp.Lang.Printing;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>Floats in native code: literals, the interpreter's numeric rules, and the shortest round-trip printer.</summary>
public sealed class FloatTests
{
    [NativeTheory]
    [InlineData("(prn 1.0 0.5 -0.25 100.0 3.14159 100.5)", "1.0 0.5 -0.25 100.0 3.14159 100.5\n")]
    [InlineData("(prn (/ 1.0 3) (* 1.1 1.1) (+ 0.1 0.2) (/ 22.0 7))", "0.3333333333333333 1.2100000000000002 0.30000000000000004 3.142857142857143\n")]
    [InlineData("(prn 1e20 1e21 1.5e21 -2e10 1e-6 1e-7 1.5e-7 0.000123)", "100000000000000000000.0 1e+21 1.5e+21 -20000000000.0 0.000001 1e-7 1.5e-7 0.000123\n")]
    [InlineData("(prn 5e-324 1.7976931348623157e308 1e100 (- 0.0) (* 2.0 0))", "5e-324 1.7976931348623157e+308 1e+100 -0.0 0.0\n")]
    [InlineData("(prn (/ 1.0 0) (/ -1.0 0) (/ 0.0 0) (sqrt -4))", "##Inf ##-Inf ##NaN ##NaN\n")]
    [InlineData("(prn (+ 1 2.5) (* 2 0.5) (- 1.5 2) (/ 7 2) (/ -7 2) (/ 7.0 2) (/ 1 4.0))", "3.5 1.0 -0.5 3 -3 3.5 0.25\n")]
    [InlineData("(prn (quot 7.5 2) (rem -7.5 2) (mod -7.5 2) (mod 7 -3) (rem -7 2))", "3.0 -1.5 0.5 -2 -1\n")]
    [InlineData("(prn (= 1 1.0) (== 1 1.0) (< 1 1.5) (> 2.5 2) (<= 1.0 1) (= 0.5 0.5) (= (/ 0.0 0) (/ 0.0 0)) (== (/ 0.0 0) (/ 0.0 0)))", "false true true true true true true false\n")]
    [InlineData("(prn (double 3) (long 2.9) (int -2.9) (abs -2.5) (max 1 2.5) (min -1 -1.5) (inc 1.5) (floor -2.5) (ceil 2.1) (round 2.5) (round -2.5))", "3.0 2 -2 2.5 2.5 -1.5 2.5 -3.0 3.0 3 -2\n")]
    [InlineData("(prn (number? 1.5) (integer? 1.5) (float? 1.5) (float? 1) (str 2.0 \"|\" 1e21))", "true false true false \"2.0|1e+21\"\n")]
    [InlineData("(prn (get {1.5 :a 2 :b} 1.5) (get {1.5 :a} 1) (= {:a 1.0} {:a 1.0}) (= [1.0] [1]) [0.5 {:k -0.0}])", ":a nil true false [0.5 {:k -0.0}]\n")]
    [InlineData("(println (str \"x=\" 1.25) 1e-7 (pr-str 2.5))", "x=1.25 1e-7 2.5\n")]
    public void Floats_behave_and_print_as_in_the_interpreter(string program, string expected)
    {
        var outcome = NativeRunner.CompileAndRun(program, "<expr>", ExitRule.LastValue);
        Assert.Equal(expected, outcome.Stdout);
    }

    [NativeFact]
    public void A_type_error_names_the_function_and_the_value()
    {
        var outcome = NativeRunner.CompileAndRun("(prn (< 1.5 \"a\"))", "<expr>", ExitRule.LastValue);
        Assert.Contains("`<` expects a number, got string \"a\"", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, outcome.ExitCode);
    }

    /// <summary>
    /// The native printer against the interpreter's (.NET's shortest round-trip "R" digits, laid out
    /// by docs/design/float-printing.md) over random bit patterns and ordinary doubles. Each case
    /// compiles one program holding the values and their expected text and runs it in-process; the
    /// exit status is the position of the first mismatch (0 when every value prints the same).
    /// </summary>
    [NativeFact]
    public void The_printer_gives_the_shortest_round_trip_text_for_random_doubles()
    {
        var anyBits = ArbMap.Default.GeneratorFor<long>().Select(BitConverter.Int64BitsToDouble);
        var ordinary = ArbMap.Default.GeneratorFor<double>();
        var wideBits = Gen.Choose(0, int.MaxValue).Two().Select(p => BitConverter.Int64BitsToDouble(((long)p.Item1 << 32) ^ ((long)p.Item2 << 1)));
        var subnormals = Gen.Choose(1, 1 << 20).Select(t => BitConverter.Int64BitsToDouble(t));
        var values = Gen.OneOf(anyBits, ordinary, wideBits, subnormals).ArrayOf(60);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), Prop.ForAll(values.ToArbitrary(), batch =>
        {
            var status = RunBatch(batch);
            return status == 0 ? true : throw new InvalidOperationException(
                $"{batch[status - 1].ToString("R", CultureInfo.InvariantCulture)} should print {FloatFormatter.Format(batch[status - 1])}");
        }));
    }

    [NativeFact]
    public void The_printer_handles_the_boundaries_of_every_exponent_window()
    {
        double[] edges =
        [
            5e-324, 1e-323, 2.2250738585072009e-308, 2.2250738585072014e-308, double.MaxValue, double.Epsilon * 3,
            9007199254740992.0, 9007199254740993.0, 4503599627370496.5, 1e21, 1e21 - 65536, 999999999999999900000.0,
            1e-6, 9.999999999999999e-7, 1e-7, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 123456.789, 1e15, 1e16, 1e17, 1e22, 1e23,
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, -1.5, 8.41e21, 5.0e-310, 1.7976931348623155e308,
        ];
        Assert.Equal(0, RunBatch(edges));
    }

    [Fact]
    public void Only_a_program_that_can_make_floats_links_the_printer_and_its_table()
    {
        static NativeProgram Program(string source) => ProgramCollector.Collect(source, "<expr>", ExitRule.CallMain).Program!;

        var hello = Program("(defn -main [] (println \"hello world\"))");
        var withFloat = Program("(defn -main [] (println (double 3)))");
        Assert.DoesNotContain("rt:format-double", NativeCompiler.Disassemble(hello), StringComparison.Ordinal);
        Assert.Contains("rt:format-double", NativeCompiler.Disassemble(withFloat), StringComparison.Ordinal);
        var tableBytes = (FloatPowers.MaxK - FloatPowers.MinK + 1) * 16;
        Assert.True(NativeCompiler.BuildExecutable(withFloat).Length - NativeCompiler.BuildExecutable(hello).Length > tableBytes);
    }

    private static int RunBatch(double[] batch)
    {
        var pairs = new StringBuilder();
        foreach (var value in batch)
        {
            var text = FloatFormatter.Format(value);
            pairs.Append(CultureInfo.InvariantCulture, $"[{text} \"{text}\"] ");
        }

        var source = $"(defn -main [] (loop [ps [{pairs}] i 1] (if (empty? ps) 0 (if (= (pr-str (first (first ps))) (second (first ps))) (recur (rest ps) (inc i)) i))))";
        var collected = ProgramCollector.Collect(source, "<property>", ExitRule.CallMain);
        Assert.NotNull(collected.Program);
        return NativeCompiler.RunInProcess(collected.Program!, []);
    }
}
