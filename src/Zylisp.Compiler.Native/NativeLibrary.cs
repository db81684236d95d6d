using System.Reflection;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Compilation;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;
using Zylisp.Compiler.Native.Cache;
using Zylisp.Lang.Lowering;

namespace Zylisp.Compiler.Native;

/// <summary>
/// The part of the native runtime written in Zylisp (Library/*.zl, docs/design/native-library.md):
/// host primitives such as sort, reverse or the string library, defined in ordinary Zylisp over a
/// few low-level primitives the assembly runtime provides (%type-tag, %byte-at, %bytes->string...).
/// A program gets exactly the library definitions it reaches, compiled by this same backend; the
/// globals are matched by name, so the program's `sort` is the library's.
/// </summary>
internal static class NativeLibrary
{
    private const string ResourcePrefix = "Zylisp.Compiler.Native.Library.";

    /// <summary>The file name of the library's source spans.</summary>
    public const string FileName = "<native-library>";

    /// <summary>
    /// The library spells the host primitive it provides with a %% prefix (%%sort is sort): the
    /// library is analyzed by an interpreter engine, whose macros must keep the host's own sort.
    /// </summary>
    private const string ProvidesPrefix = "%%";

    /// <summary>The native global a name means: %%x and x are one global.</summary>
    public static string GlobalName(string name) =>
        name.StartsWith(ProvidesPrefix, StringComparison.Ordinal) ? name[ProvidesPrefix.Length..] : name;

    /// <summary>
    /// The library's definitions the program needs, lowered: those defining a global the program
    /// uses but neither defines nor finds in the assembly runtime, and everything they use in turn,
    /// in the library's order. Empty (and the library not even read) when nothing is needed.
    /// With <paramref name="cacheDirectory"/> they come from the whole library analyzed and lowered
    /// once per compiler build (<see cref="LibraryFormsCache"/>; a miss analyzes it all and writes
    /// the file); without it, only the forms the text shows the program can reach are analyzed
    /// (<see cref="For"/>). Either way the forms are the same.
    /// </summary>
    public static IReadOnlyList<LTopLevel> Lowered(ProgramImage program, IReadOnlySet<string> runtimePrimitives, string? cacheDirectory)
    {
        var (wanted, defined) = Wanted(program, runtimePrimitives);
        if (wanted.Count == 0)
        {
            return [];
        }

        if (cacheDirectory is null)
        {
            return [.. For(wanted, defined).Select(Lowerer.Lower)];
        }

        return FromCache(wanted, defined, cacheDirectory);
    }

    /// <summary>
    /// The lowered forms defining <paramref name="names"/> and every library function they use (the
    /// typed runtime routines, <c>Emit/TypedRoutines.cs</c>), from the same cache file as a
    /// program's library forms.
    /// </summary>
    public static IReadOnlyList<LTopLevel> LoweredRoutines(IReadOnlyCollection<string> names, string cacheDirectory) =>
        FromCache(new HashSet<string>(names, StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), cacheDirectory);

    private static IReadOnlyList<LTopLevel> FromCache(HashSet<string> wanted, HashSet<string> defined, string cacheDirectory)
    {
        var key = CacheFolder.Key();
        var path = LibraryFormsCache.PathIn(cacheDirectory, key);
        if (LibraryFormsCache.TryRead(path, key, shape => shape.Keep(wanted, defined)) is { } cached)
        {
            return cached;
        }

        // First build by this compiler (or a damaged file): analyze everything once, keep it for
        // later builds, and answer this one from the same analysis.
        var (whole, forms) = AnalyzeWhole();
        if (LibraryFormsCache.Format(whole, forms, key) is { } text)
        {
            CacheFile.TryWrite(path, text);
        }

        return [.. whole.Keep(wanted, defined).Select(i => forms[i])];
    }

    /// <summary>The library's definitions the program needs, analyzed from the text (see <see cref="Lowered"/>).</summary>
    public static IReadOnlyList<TopLevel> For(ProgramImage program, IReadOnlySet<string> runtimePrimitives)
    {
        var (wanted, defined) = Wanted(program, runtimePrimitives);
        return wanted.Count == 0 ? [] : For(wanted, defined);
    }

    private static IReadOnlyList<TopLevel> For(HashSet<string> wanted, HashSet<string> defined)
    {
        var library = new LibraryText(Source());
        wanted.IntersectWith(library.DefinedNames);
        return wanted.Count == 0 ? [] : AnalyzeReached(library, new bool[library.FormCount], wanted, defined);
    }

    /// <summary>The globals the program uses but neither defines nor finds in the assembly runtime (maybe not the library's), and those it defines.</summary>
    private static (HashSet<string> Wanted, HashSet<string> Defined) Wanted(ProgramImage program, IReadOnlySet<string> runtimePrimitives)
    {
        var defined = DefinedNames(program.Definitions.Concat(program.Forms));
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in References(program.Definitions.Concat(program.Forms)))
        {
            if (!defined.Contains(name) && !runtimePrimitives.Contains(name))
            {
                wanted.Add(name);
            }
        }

        return (wanted, defined);
    }

    /// <summary>
    /// Analyzes only the forms the text shows <paramref name="wanted"/> can reach; if the analysis
    /// reaches another library global (a macro expansion can), adds its forms and analyzes again.
    /// </summary>
    private static IReadOnlyList<TopLevel> AnalyzeReached(LibraryText library, bool[] selected, HashSet<string> wanted, HashSet<string> defined)
    {
        library.Select(wanted, selected);
        while (true)
        {
            var forms = Analyze(library.Subset(selected));
            var keep = ShapeOf([], forms).Reach(wanted, defined, out var reached);
            if (!library.Select(reached, selected))
            {
                return [.. forms.Where((_, i) => keep[i])];
            }
        }
    }

    /// <summary>The whole library analyzed and lowered, with its shape (what each form defines and uses).</summary>
    internal static (LibraryShape Shape, LTopLevel[] Forms) AnalyzeWhole() => AnalyzeWhole(Source());

    /// <summary>As <see cref="AnalyzeWhole()"/>, for a library text of the caller's (tests).</summary>
    internal static (LibraryShape Shape, LTopLevel[] Forms) AnalyzeWhole(string source)
    {
        var library = new LibraryText(source);
        var all = new bool[library.FormCount];
        Array.Fill(all, true);
        var forms = Analyze(library.Subset(all));
        var names = new List<string>(library.DefinedNames);
        names.Sort(StringComparer.Ordinal);
        return (ShapeOf([.. names], forms), [.. forms.Select(Lowerer.Lower)]);
    }

    /// <summary>
    /// The library forms defining the runtime's typed routines (<c>Emit/TypedRoutines.cs</c>): the
    /// named functions and every library function they call, analyzed on their own.
    /// </summary>
    public static IReadOnlyList<TopLevel> RoutineForms(IReadOnlyCollection<string> names) => AnalyzeReached(Source(), names);

    /// <summary>The forms of <paramref name="source"/> (a library text) that <paramref name="names"/> reach, analyzed on their own.</summary>
    internal static IReadOnlyList<TopLevel> AnalyzeReached(string source, IReadOnlyCollection<string> names)
    {
        var library = new LibraryText(source);
        return AnalyzeReached(library, new bool[library.FormCount],
            new HashSet<string>(names, StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>The library (or part of it) analyzed: its top-level forms in order.</summary>
    private static List<TopLevel> Analyze(string source)
    {
        var image = Engine.CollectProgram(source, FileName, new EngineOptions { TargetName = ProgramCollector.TargetName, WriteWarnings = false });
        if (!image.Success)
        {
            // A broken library is a defect of this backend, not of the program: say so plainly.
            throw new InvalidOperationException("the native library does not compile: " +
                string.Join("; ", image.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())));
        }

        // The prelude definitions in the prelude's own order, not in the order this analysis first
        // used them: a partial analysis (no cache) and the whole one (the cache) must list the
        // same forms in the same order, or their executables differ. The prelude's text order is
        // one its definitions can run in; they never use the library.
        var prelude = image.Definitions.OrderBy(d => d.Body.Span?.StartOffset ?? 0);
        return prelude.Concat(image.Forms).ToList();
    }

    /// <summary>The shape of analyzed library forms: what each defines and uses, names in ordinal order.</summary>
    private static LibraryShape ShapeOf(string[] names, List<TopLevel> forms)
    {
        var defines = new string[forms.Count][];
        var uses = new string[forms.Count][];
        for (var i = 0; i < forms.Count; i++)
        {
            defines[i] = Sorted(DefinedNames([forms[i]]));
            uses[i] = Sorted(References([forms[i]]));
        }

        return new LibraryShape(names, defines, uses);
    }

    private static string[] Sorted(HashSet<string> names)
    {
        var sorted = new List<string>(names);
        sorted.Sort(StringComparer.Ordinal);
        return [.. sorted];
    }

    /// <summary>The library's source: every embedded Library/*.zl file, in name order.</summary>
    public static string Source()
    {
        var assembly = typeof(NativeLibrary).Assembly;
        var names = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                names.Add(name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        var parts = new string[names.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Read(assembly, names[i]);
        }

        return string.Join("\n", parts);
    }

    /// <summary>The names the library defines, found without analyzing it.</summary>
    internal static HashSet<string> LibraryNames() => [.. new LibraryText(Source()).DefinedNames];

    /// <summary>The name a line starting at <paramref name="start"/> defines with def, defn, defn- or deffunc, or null.</summary>
    internal static string? DefinedAt(string text, int start)
    {
        string[] heads = ["(defn-", "(defn", "(deffunc", "(def"];
        foreach (var head in heads)
        {
            if (string.CompareOrdinal(text, start, head, 0, head.Length) != 0)
            {
                continue;
            }

            var i = start + head.Length;
            var nameStart = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == nameStart)
            {
                // "(defn" of "(defnx", or "(def" of "(defmacro": try the next, shorter head.
                continue;
            }

            nameStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '[' or ']'))
            {
                i++;
            }

            return i > nameStart ? text[nameStart..i] : null;
        }

        return null;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Utf8Source.Decode(bytes);
    }

    private static HashSet<string> DefinedNames(IEnumerable<TopLevel> forms)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            if (form.Body is DefNode def)
            {
                names.Add(GlobalName(def.Var.Name));
            }
            else if (form.Body is DoNode block)
            {
                foreach (var statement in block.Statements.Append(block.Result))
                {
                    if (statement is DefNode inner)
                    {
                        names.Add(GlobalName(inner.Var.Name));
                    }
                }
            }
        }

        return names;
    }

    private static HashSet<string> References(IEnumerable<TopLevel> forms)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            foreach (var reference in GlobalReferences.Of(form.Body))
            {
                names.Add(GlobalName(reference.Var.Name));
            }
        }

        return names;
    }
}
