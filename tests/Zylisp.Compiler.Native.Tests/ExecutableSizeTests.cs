using System.Text;
using Zylisp.Compiler.Native.Emit;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Issue 12, "hello world: the executable is ≤ 16 KiB": an executable holds only the code and
/// read-only data its program can reach (RoutinePruner, DataPruner).
/// </summary>
public sealed class ExecutableSizeTests
{
    private const int SixteenKiB = 16 * 1024;

    [NativeFact]
    public void Hello_world_is_at_most_16_KiB_and_prints_hello_world()
    {
        // As `zylisp build --target native hello.zl -o hello` collects it.
        var program = NativeRunner.Collect("(println \"hello world\")\n", "hello.zl");
        var image = NativeCompiler.BuildExecutable(program);

        Assert.True(image.Length <= SixteenKiB, $"hello world is {image.Length} bytes, over 16 KiB\n{ExecutableSizes.Report(program)}");
        var outcome = NativeRunner.RunExecutable(image);
        Assert.Equal("hello world\n", outcome.Stdout);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(0, outcome.ExitCode);
    }

    [NativeFact]
    public void Read_only_data_only_a_left_out_routine_uses_is_left_out()
    {
        // "reset!" is the name the reset! primitive's arity check reports: hello world never
        // reaches that routine, so its name is not in the executable (it was before DataPruner).
        var hello = NativeCompiler.BuildExecutable(NativeRunner.Collect("(println \"hello world\")\n", "hello.zl"));
        var resets = NativeRunner.Collect("(def a (atom 1)) (reset! a 2) (println @a)\n", "reset.zl");
        var withReset = NativeCompiler.BuildExecutable(resets);

        Assert.False(Contains(hello, "reset!"));
        Assert.True(Contains(withReset, "reset!"));
        Assert.Equal("2\n", NativeRunner.RunExecutable(withReset).Stdout);
    }

    [NativeFact]
    public void A_kept_routine_finds_its_data_after_left_out_data_before_it_is_dropped()
    {
        // An arity error names the primitive through a read-only string that moved down when the
        // data of routines before it was left out; its error site (location and excerpt, one item)
        // is an immediate that moved too.
        var file = Path.Combine(Path.GetTempPath(), "zylisp-native-size-" + Guid.NewGuid().ToString("N") + ".zl");
        File.WriteAllText(file, "(defn -main []\n  (println (count \"ab\"))\n  (count 1 2))\n");
        try
        {
            var outcome = NativeRunner.CompileAndRun(File.ReadAllText(file), file);

            Assert.Equal("2\n", outcome.Stdout);
            Assert.Equal(
                $"{file}:3:3: error: wrong number of arguments (2) passed to `count` [ZL5002]\n 3 |   (count 1 2))\n   |   ^~~~~~~~~~~\n",
                outcome.Stderr);
            Assert.Equal(1, outcome.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static bool Contains(byte[] image, string text) => image.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}

/// <summary>Where an executable's bytes go: each routine's code, and the read-only data (a failing size test prints it).</summary>
internal static class ExecutableSizes
{
    private const ulong Base = 0x401000;

    public static string Report(NativeProgram program)
    {
        var compiled = ProgramCompiler.Compile(program, NativeOptions.Default);
        var (code, labels, readOnly) = compiled.Assemble(Base);
        var starts = new SortedDictionary<ulong, string>();
        foreach (var (name, label) in compiled.LabelNames)
        {
            if (labels.TryAddress(label) is { } address)
            {
                starts.TryAdd(address, name);
            }
        }

        var sizes = new List<(string Name, ulong Bytes)>();
        var ordered = starts.ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var end = i + 1 < ordered.Count ? ordered[i + 1].Key : Base + (ulong)code.Length;
            sizes.Add((ordered[i].Value, end - ordered[i].Key));
        }

        var text = new StringBuilder($"code {code.Length} bytes, read-only data {readOnly.Length} bytes; largest routines:\n");
        foreach (var (name, bytes) in sizes.OrderByDescending(s => s.Bytes).Take(25))
        {
            text.Append($"  {bytes,6}  {name}\n");
        }

        return text.ToString();
    }
}
