using System.Globalization;
using System.Text;
using Zylisp.Lang.Printing;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// <c>(format "%.Nf" x)</c> natively gives exactly .NET's <c>x.ToString("FN")</c>, the
/// interpreter's text: the exact binary value rounded to N decimals, ties to even. One program
/// formats every case, so the test builds once.
/// </summary>
public sealed class FixedFloatFormatTests
{
    [NativeFact]
    public void Fixed_notation_matches_dotnet_for_random_and_boundary_doubles()
    {
        var cases = Cases(new Random(20261207)).ToList();
        var program = new StringBuilder("(defn -main [] (doseq [[p x] [");
        foreach (var (precision, value) in cases)
        {
            program.Append(CultureInfo.InvariantCulture, $"[{precision} {FloatFormatter.Format(value)}]");
        }

        program.Append("]] (println (format (str \"%.\" p \"f\") x))) 0)");
        var outcome = NativeRunner.CompileAndRun(program.ToString());
        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Stdout.Split('\n');
        for (int i = 0; i < cases.Count; i++)
        {
            var (precision, value) = cases[i];
            var expected = value.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            Assert.True(expected == lines[i], $"%.{precision}f of {value.ToString("R", CultureInfo.InvariantCulture)}: expected {expected}, got {lines[i]}");
        }
    }

    private static IEnumerable<(int Precision, double Value)> Cases(Random random)
    {
        double[] fixedValues =
        [
            0.0, -0.0, 0.125, 2.5, 0.5, 1.5, 3.5, -2.5, 1.75, 2.675, 12.345, 1.0005, 0.05, 0.35, 9.5, 99.5, 999.9995,
            -0.001, -0.4, 5e-324, 2.2250738585072009e-308, 2.2250738585072014e-308, double.MaxValue, double.MinValue,
            double.Epsilon * 3, 9007199254740993.0, 1e21, 1e22, 1e23, 0.1, 1.0 / 3, double.NaN, double.PositiveInfinity,
            double.NegativeInfinity, 4294967296.5, 18446744073709551616.0, 1e15 + 0.5,
        ];
        foreach (var value in fixedValues)
        {
            foreach (var precision in (int[])[0, 1, 2, 3, 6, 17, 20])
            {
                yield return (precision, value);
            }
        }

        // Past a double's last decimal (1074 for 5e-324) only zeros follow.
        foreach (var value in (double[])[5e-324, 0.1, -1e-300, 1e300])
        {
            foreach (var precision in (int[])[767, 1073, 1074, 1075, 1100])
            {
                yield return (precision, value);
            }
        }

        for (int i = 0; i < 1500; i++)
        {
            double value = (i % 5) switch
            {
                // Any bit pattern: huge, tiny, subnormal, NaN.
                0 => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)),
                // Subnormals.
                1 => BitConverter.Int64BitsToDouble(random.NextInt64(1, 1L << 52)) * (random.Next(2) == 0 ? 1 : -1),
                // Exact ties: k/2^j has j decimals, so %.(j-1)f falls exactly halfway.
                2 => random.Next(0, 1_000_000) / Math.Pow(2, random.Next(1, 12)),
                // Next to a decimal halfway point (d.ddd5): one ulp either side, or on it.
                3 => NearHalfway(random),
                // Ordinary magnitudes.
                _ => random.NextDouble() * Math.Pow(10, random.Next(-30, 30)) * (random.Next(2) == 0 ? 1 : -1),
            };
            int precision = i % 5 == 2 ? random.Next(0, 12) : random.Next(0, 25);
            yield return (precision, value);
            yield return (6, value);
        }
    }

    private static double NearHalfway(Random random)
    {
        int decimals = random.Next(0, 8);
        var text = random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture) + "." +
            random.Next(0, 10_000_000).ToString(CultureInfo.InvariantCulture).PadLeft(7, '0')[..decimals] + "5";
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        return random.Next(3) switch { 0 => Math.BitDecrement(value), 1 => Math.BitIncrement(value), _ => value };
    }
}
