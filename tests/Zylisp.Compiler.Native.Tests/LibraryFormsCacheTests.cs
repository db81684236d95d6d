using Zylisp.Compiler.Native.Cache;
using Zylisp.Compiler.Native.Emit;
using Zylisp.Lang;
using Zylisp.Lang.Lowering;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The whole library's lowered forms kept in the on-disk cache (Cache/LibraryFormsCache): a build
/// reads the forms its program reaches, and the typed runtime routines (the printer), instead of
/// analyzing library source, gets exactly the forms and the executable it gets without the cache,
/// and a missing, cut, changed or foreign file is ignored and rewritten.
/// </summary>
public sealed class LibraryFormsCacheTests : IDisposable
{
    private const string Key = "key-of-this-test";

    /// <summary>
    /// Programs needing a few, several and no library functions, regular expressions, a library
    /// function's metadata, and the typed printer in several ways.
    /// </summary>
    private static readonly string[] Programs =
    [
        "(defn -main [] (doseq [i (range 1 4)] (println i)))",
        "(prn (sort [3 1 2]) (reverse [1 2]) (join \", \" [1 2]) (format \"%d\" 3) (upper-case \"a\"))",
        "(prn (re-find #\"a+\" \"baa\") (re-seq #\"\\w+\" \"to be, or not\") (parse-long \"42\") (into #{} [1 1]))",
        "(prn (:arglists (meta #'join)) (:doc (meta #'split)) (meta #'re-seq))",
        "(println (+ 1 2))",
        "(println \"hello world\")",
        "(defn -main [& args] (prn {:a [1 2.5 \"x\\n\"] :b #{\"c\" nil}} 'sym (list 1 2)) (println (str -0.0 \" \" 1e300)) 3)",
    ];

    private static readonly Lazy<(LibraryShape Shape, LTopLevel[] Forms)> Whole = new(NativeLibrary.AnalyzeWhole);

    private readonly string cache = Directory.CreateTempSubdirectory("zylisp-library-forms-").FullName;

    public void Dispose() => Directory.Delete(cache, recursive: true);

    [NativeFact]
    public void The_whole_library_is_cacheable_and_reads_back_as_the_same_forms()
    {
        var (shape, forms) = Whole.Value;
        var text = LibraryFormsCache.Format(shape, forms, Key);
        Assert.NotNull(text); // null would mean the format cannot hold something the library holds

        var path = Write(text);
        var all = Enumerable.Range(0, forms.Length).ToArray();
        var read = LibraryFormsCache.TryRead(path, Key, _ => all);

        Assert.NotNull(read);
        Assert.Equal(forms.Select(LoweredPrinter.Print), read.Select(LoweredPrinter.Print));
        Assert.Equal(forms.Select(f => LoweredFormsWriter.Write([f])), read.Select(f => LoweredFormsWriter.Write([f])));
    }

    [NativeFact]
    public void The_table_is_the_shape_the_analysis_gave()
    {
        var (shape, forms) = Whole.Value;
        var path = Write(LibraryFormsCache.Format(shape, forms, Key)!);
        LibraryShape? read = null;

        LibraryFormsCache.TryRead(path, Key, s => { read = s; return []; });

        Assert.NotNull(read);
        Assert.Equal(shape.Names, read.Names);
        Assert.Equal(shape.Defines, read.Defines);
        Assert.Equal(shape.Uses, read.Uses);
        Assert.Contains("join", shape.Names);
    }

    [NativeFact]
    public void Definition_metadata_is_kept()
    {
        var (shape, forms) = Whole.Value;
        var join = Array.FindIndex(shape.Defines, d => d.Contains("join"));
        var path = Write(LibraryFormsCache.Format(shape, forms, Key)!);

        var read = LibraryFormsCache.TryRead(path, Key, _ => [join]);

        Assert.NotNull(read);
        Assert.Equal(Meta(forms[join]), Meta(read[0]));
        Assert.Contains(":arglists", Meta(forms[join]), StringComparison.Ordinal);
    }

    [NativeFact]
    public void A_cut_changed_or_foreign_file_is_not_read()
    {
        var (shape, forms) = Whole.Value;
        var text = LibraryFormsCache.Format(shape, forms, Key)!;
        var all = Enumerable.Range(0, forms.Length).ToArray();
        Assert.NotNull(LibraryFormsCache.TryRead(Write(text), Key, _ => all));

        Assert.Null(LibraryFormsCache.TryRead(Write(text), "other-build", _ => all));
        Assert.Null(LibraryFormsCache.TryRead(Write(text.Replace("forms 1", "forms 2", StringComparison.Ordinal)), Key, _ => all));
        Assert.Null(LibraryFormsCache.TryRead(Write(""), Key, _ => all));
        Assert.Null(LibraryFormsCache.TryRead(Write("\0\0\0"), Key, _ => all));
        Assert.Null(LibraryFormsCache.TryRead(Path.Combine(cache, "missing"), Key, _ => all));
        Assert.Null(LibraryFormsCache.TryRead(Write(text + " "), Key, _ => all));
        for (var cut = 0; cut < text.Length; cut += 1 + (text.Length / 97))
        {
            Assert.Null(LibraryFormsCache.TryRead(Write(text[..cut]), Key, _ => all));
        }

        // A changed byte anywhere after the key: in the table line, the table, or a form.
        var start = text.IndexOf("\ntable ", StringComparison.Ordinal) + 1;
        for (var at = start; at < text.Length; at += 1 + (text.Length / 61))
        {
            var changed = text[..at] + (text[at] == '1' ? '2' : '1') + text[(at + 1)..];
            Assert.Null(LibraryFormsCache.TryRead(Write(changed), Key, _ => all));
        }
    }

    [NativeFact]
    public void A_build_gets_the_same_forms_from_a_miss_a_hit_and_no_cache_and_damage_is_replaced()
    {
        var path = LibraryFormsCache.PathIn(cache, CacheFolder.Key());
        foreach (var program in Programs)
        {
            var expected = Kept(program, null);
            Assert.Equal(expected, Kept(program, cache)); // a miss (first program) or a hit
            Assert.True(File.Exists(path));
            Assert.Equal(expected, Kept(program, cache)); // a hit
        }

        var good = File.ReadAllText(path);
        foreach (var damage in new[] { "damaged", good[..(good.Length / 2)], good[..^1], good + "x", "\0\0\0" })
        {
            File.WriteAllText(path, damage);
            Assert.Equal(Kept(Programs[2], null), Kept(Programs[2], cache));
            Assert.Equal(good, File.ReadAllText(path));
        }
    }

    [NativeFact]
    public void The_whole_and_a_partial_analysis_list_the_prelude_definitions_in_one_order()
    {
        // %first destructures a vector, %second a map; %both destructures a map, then a vector.
        // Analyzed whole, the prelude's vector helper is used first; %both alone uses the map
        // helper first. Both must list them in the same (the prelude's) order, or a cached and an
        // uncached build of the same program would differ.
        const string library = """
            (defn %first [v] (let [[a b] v] a))
            (defn %second [m] (let [{:keys [x]} m] x))
            (defn %both [m v] (let [{:keys [x]} m [a b] v] (+ x a)))
            """;
        var (shape, whole) = NativeLibrary.AnalyzeWhole(library);
        var fromWhole = shape.Keep(["%both"], new HashSet<string>()).Select(i => whole[i]);
        var partial = NativeLibrary.AnalyzeReached(library, ["%both"]).Select(Lowerer.Lower);
        Assert.Equal(Printed(fromWhole), Printed(partial));
        Assert.Contains("%destructure", Printed(partial), StringComparison.Ordinal);
    }

    [NativeFact]
    public void Builds_from_the_cached_forms_write_the_same_executable_as_builds_without()
    {
        var corpus = Path.Combine(RepositoryRoot(), "tests", "programs", "realistic");
        string[] sources = [.. Programs, .. new[] { "word_frequencies", "roman_numerals", "mini_interpreter" }.Select(name => File.ReadAllText(Path.Combine(corpus, name + ".zl")))];
        foreach (var source in sources)
        {
            var withoutCache = Build(source, null);
            Assert.Equal(withoutCache, Build(source, cache)); // the first: a miss, then hits
            Assert.Equal(withoutCache, Build(source, cache));
        }
    }

    [NativeFact]
    public void The_typed_routines_come_from_the_library_file_as_the_analysis_gives_them()
    {
        var path = LibraryFormsCache.PathIn(cache, CacheFolder.Key());
        var analyzed = Printed(NativeLibrary.RoutineForms(TypedRoutines.Entries).Select(Lowerer.Lower));

        Assert.Equal(analyzed, Printed(NativeLibrary.LoweredRoutines(TypedRoutines.Entries, cache))); // a miss
        Assert.True(File.Exists(path));
        Assert.Equal(analyzed, Printed(NativeLibrary.LoweredRoutines(TypedRoutines.Entries, cache))); // a hit
        Assert.Contains("%render", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_key_names_this_build()
    {
        Assert.Equal(CacheFolder.Key(), CacheFolder.Key());
        Assert.Matches("^[0-9a-f]{32}-[0-9a-f]{32}$", CacheFolder.Key());
    }

    /// <summary>The metadata of the form's definitions, printed.</summary>
    private static string Meta(LTopLevel form)
    {
        var printed = new List<string>();
        Zylisp.Compiler.Native.Emit.DefinitionFinder.Collect(form.Body, def => printed.Add(def.Var.Name + " " + Lang.Printing.Printer.PrStr(def.Meta)));
        return string.Join("\n", printed);
    }

    private string Write(string text)
    {
        var path = Path.Combine(cache, "test.library");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>
    /// The library forms a program gets, as a comparable text. Printed without spans and with
    /// generated names' numbers blanked: a form's offsets, and the counter behind a macro's
    /// generated locals (vec__5), differ between the whole library and the part of it the text path
    /// analyzes; lines and columns do not, and the executables are the same (compared below).
    /// </summary>
    private static string Kept(string source, string? cacheDirectory)
    {
        var image = Engine.CollectProgram(source, "test.zl", new EngineOptions { TargetName = "native" });
        Assert.True(image.Success, string.Join("\n", image.Diagnostics));
        return Printed(NativeLibrary.Lowered(image, RuntimeLibrary.Names, cacheDirectory));
    }

    private static string Printed(IEnumerable<LTopLevel> forms) =>
        System.Text.RegularExpressions.Regex.Replace(string.Join("\n", forms.Select(LoweredPrinter.Print)), "__[0-9]+", "__#");

    private static byte[] Build(string source, string? cacheDirectory)
    {
        var collected = ProgramCollector.Collect(source, "test.zl", ExitRule.CallMain, cacheDirectory);
        Assert.True(collected.Program is not null, string.Join("; ", collected.Diagnostics));
        return NativeCompiler.BuildExecutable(collected.Program!, new NativeOptions(CacheDirectory: cacheDirectory));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zylisp.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? ".";
    }
}
