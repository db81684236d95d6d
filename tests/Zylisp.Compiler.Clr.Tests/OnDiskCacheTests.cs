using System.Security.Cryptography;
using Zylisp.Compiler.Clr.Persist;
using Zylisp.Lang;

namespace Zylisp.Compiler.Clr.Tests;

/// <summary>
/// The on-disk code cache (docs/design/il-backend.md, "On-disk cache"): the second run of an
/// unchanged file takes its code from the cache; a corrupt, truncated, foreign or stale entry
/// is ignored (the run compiles as without a cache, with the same result) and replaced.
/// Every test uses its own temporary cache folder.
/// </summary>
public sealed class OnDiskCacheTests : IDisposable
{
    private const string Program = """
        (defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
        (defmacro twice [x] `(do ~x ~x))
        (twice (print "hi "))
        (defn -main [] (println (fib 15) (map inc [1 2 3])) 3)
        """;

    private const string Expected = "hi hi 610 (2 3 4)\n";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "zylisp-cache-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("il")]
    [InlineData("tiered")]
    public void The_second_run_of_an_unchanged_file_takes_its_code_from_the_cache(string engine)
    {
        var first = Run(engine, Program);
        Assert.False(first.Cache.Hit);
        Assert.True(first.Saved);
        Assert.True(File.Exists(first.Cache.EntryPath));

        var second = Run(engine, Program);
        Assert.True(second.Cache.Hit);
        Assert.True(second.Cache.Bound > 0);
        Assert.False(second.Saved);
        Assert.Equal(Expected, second.Output);
        Assert.Equal(3, second.ExitCode);
    }

    [Fact]
    public void A_changed_file_does_not_use_the_entry_of_its_old_text()
    {
        Run("il", Program);
        var changed = Run("il", Program.Replace("(fib 15)", "(fib 16)", StringComparison.Ordinal));
        Assert.False(changed.Cache.Hit);
        Assert.Equal("hi hi 987 (2 3 4)\n", changed.Output);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("flipped byte")]
    [InlineData("empty")]
    [InlineData("whole but not an assembly")]
    [InlineData("another file's entry")]
    public void A_damaged_or_foreign_entry_is_ignored_and_replaced(string damage)
    {
        var first = Run("il", Program);
        var path = first.Cache.EntryPath;
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "garbage":
                File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(bytes.Length));
                break;
            case "truncated":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "flipped byte":
                bytes[^100] ^= 0x5A;
                File.WriteAllBytes(path, bytes);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "whole but not an assembly":
                // The right header and checksum around bytes that are no assembly.
                var junk = RandomNumberGenerator.GetBytes(4096);
                File.WriteAllBytes(path, CodeCache.Frame(junk));
                break;
            default:
                // A valid entry, of another program, under this program's name.
                var other = Run("il", "(defn -main [] (println \"other\") 5)");
                File.Copy(other.Cache.EntryPath, path, overwrite: true);
                break;
        }

        var damaged = Run("il", Program);
        Assert.False(damaged.Cache.Hit);
        Assert.Equal(Expected, damaged.Output);
        Assert.Equal(3, damaged.ExitCode);
        Assert.True(damaged.Saved);

        var repaired = Run("il", Program);
        Assert.True(repaired.Cache.Hit);
        Assert.Equal(Expected, repaired.Output);
    }

    [Fact]
    public void A_run_that_keeps_compiling_new_code_stops_recording_it_and_writes_no_entry()
    {
        // Each eval is a new top-level form; recording them all kept every one alive to the end of the run.
        var source = $$"""
            (declare f)
            (dotimes [i {{CodeCache.MaxRecorded + 10}}] (eval (list 'def 'f i)))
            (println f)
            """;
        var run = Run("il", source);
        Assert.True(run.Cache.Overflowed);
        Assert.False(run.Saved);
        Assert.False(File.Exists(run.Cache.EntryPath));
        Assert.Equal($"{CodeCache.MaxRecorded + 9}\n", run.Output);
    }

    [Fact]
    public void An_unwritable_cache_folder_only_means_no_entry()
    {
        File.WriteAllText(folder, "a file where the folder should be");
        try
        {
            var run = Run("il", Program, Path.Combine(folder, "zylisp"));
            Assert.False(run.Saved);
            Assert.Equal(Expected, run.Output);
        }
        finally
        {
            File.Delete(folder);
        }
    }

    private (CodeCache Cache, string Output, int ExitCode, bool Saved) Run(string engine, string source, string? directory = null)
    {
        var cache = CodeCache.For(directory ?? folder, source, "cached.zl", engine);
        var output = new StringWriter();
        var engineOptions = new EngineOptions
        {
            Out = output,
            EvaluateOnCallingThread = true,
            // A threshold of one: the tiered engine compiles every fn it calls, so it has code to cache.
            CreateExecutionEngine = engine == "il" ? () => new IlEngine(cache) : () => new TieredEngine(1, cache),
        };
        var result = new Engine(engineOptions).RunSource(source, "cached.zl", []);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return (cache, output.ToString(), result.ExitCode, cache.Save());
    }
}
