using Zylisp.Lang;
using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The library index kept in the on-disk cache (LibraryIndex): with it a build analyzes only the
/// library forms its program reaches, and it may never change which forms the program gets.
/// A missing, damaged, stale or wrong index is ignored or only costs time.
/// </summary>
public sealed class LibraryIndexTests : IDisposable
{
    private const string Key = "key-of-this-test";

    /// <summary>Programs needing a few, several and no library functions.</summary>
    private static readonly string[] Programs =
    [
        "(defn -main [] (doseq [i (range 1 4)] (println i)))",
        "(prn (sort [3 1 2]) (reverse [1 2]) (join \", \" [1 2]) (format \"%d\" 3) (upper-case \"a\"))",
        "(prn (re-find #\"a+\" \"baa\") (parse-long \"42\") (into #{} [1 1]))",
        "(println (+ 1 2))",
    ];

    private readonly string cache = Directory.CreateTempSubdirectory("zylisp-library-index-").FullName;

    public void Dispose() => Directory.Delete(cache, recursive: true);

    [Fact]
    public void The_format_reads_back_what_it_writes()
    {
        var index = new LibraryIndex(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["sort"] = ["%sort-vec", "compare"],
            ["compare"] = [],
            [LibraryIndex.Unnamed] = ["atom"],
        });

        var read = LibraryIndex.Parse(index.Format(Key), Key);

        Assert.NotNull(read);
        Assert.Equal(["%sort-vec", "compare"], read.Uses("sort"));
        Assert.Empty(read.Uses("compare")!);
        Assert.Equal(["atom"], read.Uses(LibraryIndex.Unnamed));
        Assert.Null(read.Uses("nope"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("zylisp native library index 1\nkey other-build\nsort\tcompare\nend 1\n")]
    [InlineData("zylisp native library index 1\nkey key-of-this-test\nsort\tcompare\nend 1")]
    [InlineData("zylisp native library index 1\nkey key-of-this-test\nsort\tcompare\nend 2\n")]
    [InlineData("zylisp native library index 1\nkey key-of-this-test\nsort compare\nend 1\n")]
    [InlineData("zylisp native library index 1\nkey key-of-this-test\nsort\tcompare\n")]
    [InlineData("zylisp native library index 2\nkey key-of-this-test\nsort\tcompare\nend 1\n")]
    public void A_damaged_or_foreign_file_is_not_an_index(string text) =>
        Assert.Null(LibraryIndex.Parse(text, Key));

    [NativeFact]
    public void The_first_build_writes_the_index_and_every_build_gets_the_forms_the_text_selection_gives()
    {
        var path = LibraryIndex.PathIn(cache, LibraryIndex.BuildKey());
        foreach (var program in Programs)
        {
            var expected = Kept(program, null);
            Assert.Equal(expected, Kept(program, cache)); // a miss (first program) or a hit
            Assert.NotNull(LibraryIndex.TryLoad(path, LibraryIndex.BuildKey()));
            Assert.Equal(expected, Kept(program, cache)); // a hit
        }
    }

    [NativeFact]
    public void A_damaged_index_is_ignored_and_replaced()
    {
        var key = LibraryIndex.BuildKey();
        var path = LibraryIndex.PathIn(cache, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var expected = Kept(Programs[1], null);

        foreach (var damage in new[] { "damaged", "zylisp native library index 1\nkey " + key + "\nsort\t", "\0\0\0" })
        {
            File.WriteAllText(path, damage);
            Assert.Equal(expected, Kept(Programs[1], cache));
            Assert.NotNull(LibraryIndex.TryLoad(path, key));
        }
    }

    [NativeFact]
    public void A_well_formed_but_wrong_index_costs_time_not_a_wrong_program()
    {
        // Every name "uses nothing", and a name that is not in the library uses everything:
        // the analysis still finds what each form really uses.
        var key = LibraryIndex.BuildKey();
        var path = LibraryIndex.PathIn(cache, key);
        var wrong = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["no-such-name"] = ["sort", "join"] };
        foreach (var name in NativeLibrary.LibraryNames())
        {
            wrong[name] = [];
        }

        wrong[LibraryIndex.Unnamed] = [];
        new LibraryIndex(wrong).TrySave(path, key);

        foreach (var program in Programs)
        {
            Assert.Equal(Kept(program, null), Kept(program, cache));
        }
    }

    [NativeFact]
    public void The_index_selects_fewer_library_forms_than_the_text_does()
    {
        var library = new LibraryText(NativeLibrary.Source());
        var all = new bool[library.FormCount];
        Array.Fill(all, true);
        var image = Engine.CollectProgram(library.Subset(all), NativeLibrary.FileName, new EngineOptions { TargetName = "native", WriteWarnings = false });
        var index = NativeLibrary.IndexOf([.. image.Definitions, .. image.Forms]);

        var byText = new bool[library.FormCount];
        var byIndex = new bool[library.FormCount];
        library.Select(["range"], byText);
        library.Select(["range"], byIndex, index);

        Assert.True(byIndex.Count(s => s) < byText.Count(s => s), $"{byIndex.Count(s => s)} forms by the index, {byText.Count(s => s)} by the text");
    }

    [Fact]
    public void The_build_key_names_this_build()
    {
        Assert.Equal(LibraryIndex.BuildKey(), LibraryIndex.BuildKey());
        Assert.Matches("^[0-9a-f]{32}-[0-9a-f]{32}$", LibraryIndex.BuildKey());
    }

    /// <summary>The library forms a program gets, as a comparable text (what each defines, and where).</summary>
    private static string Kept(string source, string? cacheDirectory)
    {
        var image = Engine.CollectProgram(source, "test.zl", new EngineOptions { TargetName = "native" });
        Assert.True(image.Success, string.Join("\n", image.Diagnostics));
        var forms = NativeLibrary.For(image, Zylisp.Compiler.Native.Emit.RuntimeLibrary.Names, cacheDirectory);
        return string.Join("\n", forms.Select(Describe));
    }

    private static string Describe(TopLevel form) =>
        (form.Body is DefNode def ? def.Var.Name : form.Body.GetType().Name) + " @" + form.Body.Span;
}
