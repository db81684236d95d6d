using Zylisp.Compiler.Native.Cache;
using Zylisp.Compiler.Native.Emit;
using Zylisp.Lang.Lowering;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The typed runtime routines' forms kept in the on-disk cache (Cache/RoutineFormsCache): a build
/// reads the printer's lowered forms instead of analyzing its library source, gets the same
/// machine code as without the cache, and a damaged or foreign file only costs the analysis.
/// </summary>
public sealed class RoutineFormsCacheTests : IDisposable
{
    private const string Key = "key-of-this-test";

    /// <summary>Programs printing through the typed printer in several ways, and one needing library functions.</summary>
    private static readonly string[] Programs =
    [
        "(println \"hello world\")",
        "(defn -main [& args] (prn {:a [1 2.5 \"x\\n\"] :b #{\"c\" nil}} 'sym (list 1 2)) (println (str -0.0 \" \" 1e300)) 3)",
        "(defn -main [] (doseq [i (range 1 16)] (println (cond (zero? (mod i 15)) \"FizzBuzz\" (zero? (mod i 3)) \"Fizz\" :else i))))",
        "(prn (sort [3 1 2]) (format \"%d-%s\" 3 :k) (upper-case \"é\"))",
    ];

    private static readonly Lazy<IReadOnlyList<LTopLevel>> PrinterForms =
        new(() => [.. NativeLibrary.RoutineForms(TypedRoutines.Entries).Select(Lowerer.Lower)]);

    private readonly string cache = Directory.CreateTempSubdirectory("zylisp-routine-forms-").FullName;

    public void Dispose() => Directory.Delete(cache, recursive: true);

    [NativeFact]
    public void A_false_constant_where_an_expression_stands_reads_back_as_false_not_as_a_function()
    {
        // 'f' was both the constant false and a fn expression: (return false) misread as a fn.
        var forms = NativeRunner.Collect("(defn no [x] false) (defn yes [x] (fn [] x)) (prn (no 1) ((yes 2)))").Forms;
        Assert.Equal(LoweredFormsWriter.Write(forms), LoweredFormsWriter.Write(LoweredFormsReader.Read(LoweredFormsWriter.Write(forms))));
    }

    [NativeFact]
    public void Quoted_data_and_definition_metadata_read_back_as_written()
    {
        var forms = NativeRunner.Collect(
            "(defn ^:private f \"Doc.\" [x] ['(a b/c) [1 2.5 :z/q] {:k #{2 \"s\"} nil false} () {}]) (def ^{:tag 'long} n 3) (prn (f 1) n)").Forms;
        var text = LoweredFormsWriter.Write(forms);
        var read = LoweredFormsReader.Read(text);

        Assert.Equal(text, LoweredFormsWriter.Write(read));
        Assert.Equal(forms.Select(LoweredPrinter.Print), read.Select(LoweredPrinter.Print));
        Assert.Contains("4:Doc.", text[text.IndexOf(" m ", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [NativeFact]
    public void The_printer_forms_are_cacheable_and_read_back_as_the_same_tree()
    {
        var forms = PrinterForms.Value;
        Assert.Equal(LoweredFormsWriter.Write(forms), LoweredFormsWriter.Write(LoweredFormsReader.Read(LoweredFormsWriter.Write(forms))));
        var text = RoutineFormsCache.Format(forms, Key, TypedRoutines.Entries);
        Assert.NotNull(text); // null would mean the format cannot hold something the printer uses

        var read = RoutineFormsCache.Parse(text, Key, TypedRoutines.Entries);

        Assert.NotNull(read);
        Assert.Equal(forms.Select(LoweredPrinter.Print), read.Value.Select(LoweredPrinter.Print));
        Assert.Equal(LoweredFormsWriter.Write(forms), LoweredFormsWriter.Write(read.Value));
    }

    [NativeFact]
    public void A_cut_changed_or_foreign_file_is_not_read()
    {
        var text = RoutineFormsCache.Format(PrinterForms.Value, Key, TypedRoutines.Entries)!;
        Assert.Null(RoutineFormsCache.Parse(text, "other-build", TypedRoutines.Entries));
        Assert.Null(RoutineFormsCache.Parse(text, Key, ["%render", "%other"]));
        Assert.Null(RoutineFormsCache.Parse(text.Replace("forms 2", "forms 3", StringComparison.Ordinal), Key, TypedRoutines.Entries));
        Assert.Null(RoutineFormsCache.Parse("", Key, TypedRoutines.Entries));
        Assert.Null(RoutineFormsCache.Parse("\0\0\0", Key, TypedRoutines.Entries));
        for (var cut = 0; cut < text.Length; cut += 1 + (text.Length / 97))
        {
            Assert.Null(RoutineFormsCache.Parse(text[..cut], Key, TypedRoutines.Entries));
        }

        var payload = text.LastIndexOf("\ncheck ", StringComparison.Ordinal);
        payload = text.IndexOf('\n', payload + 1) + 1;
        for (var at = payload; at < text.Length; at += 1 + (text.Length / 61))
        {
            var changed = text[..at] + (text[at] == '1' ? '2' : '1') + text[(at + 1)..];
            Assert.Null(RoutineFormsCache.Parse(changed, Key, TypedRoutines.Entries));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("1 ")]
    [InlineData("1 0 ")]
    [InlineData("1 0 1 R z ~ trailing")]
    [InlineData("1 0 1 R z ~ ~ ")]
    [InlineData("2 0 1 R z ~ ")]
    [InlineData("1 0 1 R q ~ ")]
    [InlineData("1 0 99999999 R z ~ ")]
    [InlineData("1 0 1 R l b 0 0 0 ~ ")]
    [InlineData("1 0 1 R l n 1:x 0 ~ 7 0 ~ ")]
    [InlineData("1 0 1 R s 9:abc ~ ")]
    [InlineData("1 0 1 R i 99999999999999999999 ~ ")]
    [InlineData("1 0 1 I z 0 0 5 ~ ")]
    [InlineData("1 0 1 R z q 0 1 1 1 1 0 0 ~ ")]
    [InlineData("1 0 1 R M 2 i 1 i 2 i 1 i 3 ~ ~ ~ ")]
    [InlineData("1 0 1 R S 2 i 1 i 1 ~ ~ ~ ")]
    [InlineData("1 0 1 R y ~ 1:a i 1 ~ ~ ~ ")]
    [InlineData("1 0 1 E d 1:x ~ m i 1 ~ ~ ")]
    public void The_reader_rejects_what_the_writer_never_writes(string payload)
    {
        if (payload == "1 0 1 R z ~ ~ ")
        {
            // The one well-formed payload among them: a form returning nil.
            Assert.Single(LoweredFormsReader.Read(payload));
            return;
        }

        Assert.Throws<FormatException>(() => LoweredFormsReader.Read(payload));
    }

    [NativeFact]
    public void A_miss_analyzes_and_writes_the_file_a_hit_reads_it_and_damage_is_replaced()
    {
        var analyses = 0;
        IReadOnlyList<LTopLevel> Analyze()
        {
            analyses++;
            return PrinterForms.Value;
        }

        var path = RoutineFormsCache.PathIn(cache, CacheFolder.Key());
        RoutineFormsCache.LoadOrAnalyze(cache, TypedRoutines.Entries, Analyze);
        Assert.Equal(1, analyses);
        Assert.True(File.Exists(path));

        var hit = RoutineFormsCache.LoadOrAnalyze(cache, TypedRoutines.Entries, Analyze);
        Assert.Equal(1, analyses);
        Assert.Equal(PrinterForms.Value.Select(LoweredPrinter.Print), hit.Select(LoweredPrinter.Print));

        File.WriteAllText(path, File.ReadAllText(path)[..^40]);
        RoutineFormsCache.LoadOrAnalyze(cache, TypedRoutines.Entries, Analyze);
        Assert.Equal(2, analyses);
        RoutineFormsCache.LoadOrAnalyze(cache, TypedRoutines.Entries, Analyze);
        Assert.Equal(2, analyses);
    }

    [NativeFact]
    public void Builds_from_the_cached_forms_write_the_same_executable_as_builds_without()
    {
        foreach (var program in Programs)
        {
            var withoutCache = Build(program, null);
            Assert.Equal(withoutCache, Build(program, cache)); // the first: a miss, then hits
            Assert.Equal(withoutCache, Build(program, cache));
        }

        Assert.True(File.Exists(RoutineFormsCache.PathIn(cache, CacheFolder.Key())));
    }

    private static byte[] Build(string source, string? cacheDirectory)
    {
        var collected = ProgramCollector.Collect(source, "test.zl", ExitRule.CallMain, cacheDirectory);
        Assert.True(collected.Program is not null, string.Join("; ", collected.Diagnostics));
        return NativeCompiler.BuildExecutable(collected.Program!, new NativeOptions(CacheDirectory: cacheDirectory));
    }
}
