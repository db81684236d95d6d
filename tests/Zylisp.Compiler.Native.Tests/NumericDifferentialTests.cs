using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Zylisp.Lang;
using Zylisp.Lang.Printing;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Random numeric expressions (integers near the fixnum and int64 limits, floats with NaN, ±∞ and
/// -0.0, every arithmetic and comparison primitive) evaluated by the interpreter, the oracle, and
/// by native code in-process: the printed results, or the error's :type, must be identical.
/// </summary>
public sealed class NumericDifferentialTests
{
    private static readonly string[] Binary = ["+", "-", "*", "/", "quot", "rem", "mod", "max", "min", "<", "<=", ">", ">=", "==", "="];
    private static readonly string[] Unary = ["inc", "dec", "abs", "double", "long", "-", "/"];

    [NativeFact]
    public void Numeric_expressions_give_the_interpreters_results()
    {
        var expressions = Expression(3).ArrayOf(25);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), Prop.ForAll(expressions.ToArbitrary(), batch =>
        {
            var engine = new Engine(new EngineOptions { Out = new StringWriter(), Error = new StringWriter() });
            var checks = new StringBuilder();
            var expected = new List<string>();
            foreach (var expression in batch)
            {
                var guarded = $"(pr-str (try {expression} (catch e (get e :type))))";
                var result = engine.Eval(guarded, "<oracle>");
                var text = result.Success ? (string)result.Value! : "compile error";
                expected.Add(expression + " => " + text);
                checks.Append(CultureInfo.InvariantCulture, $"(= {guarded} {Printer.PrStr(text)}) ");
            }

            var source = $"(defn -main [] (loop [cs [{checks}] i 1] (if (empty? cs) 0 (if (first cs) (recur (rest cs) (inc i)) i))))";
            var status = NativeCompiler.RunInProcess(ProgramCollector.Collect(source, "<property>", ExitRule.CallMain).Program!, []);
            return status == 0 ? true : throw new InvalidOperationException("native differs on " + expected[status - 1]);
        }));
    }

    private static Gen<string> Expression(int depth)
    {
        var leaf = Gen.OneOf(Integer(), Float());
        if (depth == 0)
        {
            return leaf;
        }

        var sub = Expression(depth - 1);
        var binary = Gen.Elements(Binary).SelectMany(op => Gen.Zip(sub, sub).Select(p => $"({op} {p.Item1} {p.Item2})"));
        var unary = Gen.Elements(Unary).SelectMany(op => sub.Select(x => $"({op} {x})"));
        return Gen.Frequency((2, leaf), (3, binary), (1, unary));
    }

    private static Gen<string> Integer() =>
        Gen.OneOf(
            Gen.Elements(0L, 1L, -1L, 2L, 7L, long.MaxValue, long.MinValue, (1L << 62) - 1, -(1L << 62), 1L << 62, 3037000500L),
            Gen.Choose(-100, 100).Select(i => (long)i),
            ArbMap.Default.GeneratorFor<long>())
        .Select(n => n.ToString(CultureInfo.InvariantCulture));

    private static Gen<string> Float() =>
        Gen.OneOf(
            Gen.Elements(0.0, -0.0, 0.5, -2.5, 1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 9.2e18, 0.1),
            ArbMap.Default.GeneratorFor<double>())
        .Select(FloatFormatter.Format);
}
