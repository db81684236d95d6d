using System.Reflection;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Compilation;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

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
    /// The library's definitions the program needs: those defining a global the program uses but
    /// neither defines nor finds in the assembly runtime, and everything they use in turn, in the
    /// library's order. Empty (and the library not even analyzed) when nothing is needed.
    /// With <paramref name="cacheDirectory"/> the forms to analyze are chosen from this build's
    /// <see cref="LibraryIndex"/> there (made by analyzing the whole library once, when missing);
    /// without it, from the text. Either way the result is the same.
    /// </summary>
    public static IReadOnlyList<TopLevel> For(ProgramImage program, IReadOnlySet<string> runtimePrimitives, string? cacheDirectory = null)
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

        // Most programs need nothing from the library: they do not even read its text.
        if (wanted.Count == 0)
        {
            return [];
        }

        var library = new LibraryText(Source());
        wanted.IntersectWith(library.DefinedNames);
        if (wanted.Count == 0)
        {
            return [];
        }

        var selected = new bool[library.FormCount];
        LibraryIndex? index = null;
        if (cacheDirectory is not null)
        {
            var key = LibraryIndex.BuildKey();
            var path = LibraryIndex.PathIn(cacheDirectory, key);
            index = LibraryIndex.TryLoad(path, key);
            if (index is null)
            {
                // First build by this compiler (or a damaged file): analyze everything once, keep
                // the graph for later builds, and answer this one from the same analysis.
                Array.Fill(selected, true);
                var whole = Analyze(library.Subset(selected));
                IndexOf(whole).TrySave(path, key);
                return Reached(whole, wanted, defined).Kept;
            }
        }

        return AnalyzeReached(library, selected, index, wanted, defined);
    }

    /// <summary>
    /// Analyzes only the forms the index (or the text) shows <paramref name="wanted"/> can reach; if
    /// the analysis reaches another library global, adds its forms and analyzes again.
    /// </summary>
    private static IReadOnlyList<TopLevel> AnalyzeReached(LibraryText library, bool[] selected, LibraryIndex? index, HashSet<string> wanted, HashSet<string> defined)
    {
        library.Select(wanted, selected, index);
        while (true)
        {
            var (kept, reached) = Reached(Analyze(library.Subset(selected)), wanted, defined);
            if (!library.Select(reached, selected, index))
            {
                return kept;
            }
        }
    }

    /// <summary>
    /// The library forms defining the runtime's typed routines (<c>Emit/TypedRoutines.cs</c>): the
    /// named functions and every library function they call, analyzed on their own.
    /// </summary>
    public static IReadOnlyList<TopLevel> RoutineForms(IReadOnlyCollection<string> names)
    {
        var library = new LibraryText(Source());
        return AnalyzeReached(library, new bool[library.FormCount], null,
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

        return image.Definitions.Concat(image.Forms).ToList();
    }

    /// <summary>The analyzed library's graph: for each global it defines, the globals its definitions use; forms defining none under <see cref="LibraryIndex.Unnamed"/>.</summary>
    internal static LibraryIndex IndexOf(IReadOnlyList<TopLevel> forms)
    {
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            var names = DefinedNames([form]);
            if (names.Count == 0)
            {
                names.Add(LibraryIndex.Unnamed);
            }

            var used = References([form]);
            foreach (var name in names)
            {
                if (!uses.TryGetValue(name, out var set))
                {
                    uses[name] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(used);
            }
        }

        var graph = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, set) in uses)
        {
            var sorted = new List<string>(set);
            sorted.Remove(name);
            sorted.Sort(StringComparer.Ordinal);
            graph[name] = [.. sorted];
        }

        return new LibraryIndex(graph);
    }

    /// <summary>
    /// Keeps the analyzed <paramref name="forms"/> defining the <paramref name="wanted"/> names and,
    /// in turn, every global they use that the program does not define; <c>Reached</c> is every such global.
    /// </summary>
    private static (IReadOnlyList<TopLevel> Kept, HashSet<string> Reached) Reached(List<TopLevel> forms, HashSet<string> wanted, HashSet<string> defined)
    {
        var definedBy = forms.Select(f => DefinedNames([f])).ToList();
        var keep = new bool[forms.Count];
        var pending = new Queue<string>(wanted);
        var seen = new HashSet<string>(wanted, StringComparer.Ordinal);
        while (pending.TryDequeue(out var name))
        {
            for (var i = 0; i < forms.Count; i++)
            {
                if (keep[i] || !definedBy[i].Contains(name))
                {
                    continue;
                }

                keep[i] = true;
                foreach (var used in References([forms[i]]))
                {
                    if (!defined.Contains(used) && seen.Add(used))
                    {
                        pending.Enqueue(used);
                    }
                }
            }
        }

        return ([.. forms.Where((_, i) => keep[i])], seen);
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
