using FsCheck;
using FsCheck.Fluent;

namespace Zylisp.Lang.Tests.Fuzzing;

/// <summary>
/// How many inputs a fuzz target runs, and from which seed. CI runs a short campaign with fixed
/// seeds; a long one is run by hand (bench/fuzz/run.sh) with ZYLISP_FUZZ_INPUTS, e.g. 1000000,
/// and ZYLISP_FUZZ_SEED to explore new inputs. Inputs are drawn from FsCheck generators in
/// seeded batches, so a failure names the seed and batch that reproduce it.
/// </summary>
internal static class FuzzCampaign
{
    private const int BatchSize = 2_000;

    /// <summary>Inputs for a target: the CI default, or ZYLISP_FUZZ_INPUTS scaled by the target's weight.</summary>
    public static int Inputs(int ciDefault, double weight = 1.0) =>
        int.TryParse(Environment.GetEnvironmentVariable("ZYLISP_FUZZ_INPUTS"), out int n) && n > 0 ? (int)(n * weight) : ciDefault;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("ZYLISP_FUZZ_SEED"), out ulong s) ? s : 15;

    /// <summary>Runs <paramref name="check"/> on <paramref name="count"/> samples; the first failure names its seed, batch and input.</summary>
    public static void Run<T>(Gen<T> gen, int count, int size, Action<T> check)
    {
        for (int batch = 0, done = 0; done < count; batch++)
        {
            int take = Math.Min(BatchSize, count - done);
            var seed = Seed * 1_000_003UL + (ulong)batch;
            foreach (var input in gen.Sample(size, new Rnd(seed), take))
            {
                try
                {
                    check(input);
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"fuzz failure (seed {Seed}, batch {batch}) on input: {Show(input)}", e);
                }
            }

            done += take;
        }
    }

    private static string Show<T>(T input)
    {
        var text = input?.ToString() ?? "null";
        return text.Length > 2_000 ? text[..2_000] + "..." : text;
    }
}
