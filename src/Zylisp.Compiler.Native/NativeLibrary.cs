using System.Reflection;
using System.Text.RegularExpressions;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Compilation;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Native;

/// <summary>
/// The part of the native runtime written in Zylisp (Library/*.zl, docs/design/native-library.md):
/// host primitives such as sort, reverse or the string library, defined in ordinary Zylisp over a
/// few low-level primitives the assembly runtime provides (%type-tag, %byte-at, %bytes->string...).
/// A program gets exactly the library definitions it reaches, compiled by this same backend; the
/// globals are matched by name, so the program's `sort` is the library's.
/// </summary>
internal static partial class NativeLibrary
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
    /// </summary>
    public static IReadOnlyList<TopLevel> For(ProgramImage program, IReadOnlySet<string> runtimePrimitives)
    {
        var defined = DefinedNames(program.Definitions.Concat(program.Forms));
        var wanted = References(program.Definitions.Concat(program.Forms))
            .Where(name => !defined.Contains(name) && !runtimePrimitives.Contains(name))
            .ToHashSet(StringComparer.Ordinal);
        wanted.IntersectWith(LibraryNames());
        if (wanted.Count == 0)
        {
            return [];
        }

        var image = Engine.CollectProgram(Source(), FileName, new EngineOptions { TargetName = ProgramCollector.TargetName, WriteWarnings = false });
        if (!image.Success)
        {
            // A broken library is a defect of this backend, not of the program: say so plainly.
            throw new InvalidOperationException("the native library does not compile: " +
                string.Join("; ", image.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())));
        }

        var forms = image.Definitions.Concat(image.Forms).ToList();
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

        return [.. forms.Where((_, i) => keep[i])];
    }

    /// <summary>The library's source: every embedded Library/*.zl file, in name order.</summary>
    public static string Source()
    {
        var assembly = typeof(NativeLibrary).Assembly;
        var parts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n));
        return string.Join("\n", parts);
    }

    /// <summary>The names the library defines, found without analyzing it (so a program that needs none pays nothing).</summary>
    private static HashSet<string> LibraryNames() =>
        DefinitionName().Matches(Source()).Select(m => GlobalName(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
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

    private static IEnumerable<string> References(IEnumerable<TopLevel> forms) =>
        forms.SelectMany(f => GlobalReferences.Of(f.Body)).Select(r => GlobalName(r.Var.Name)).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"^\((?:defn-?|deffunc|def)\s+([^\s()\[\]]+)", RegexOptions.Multiline)]
    private static partial Regex DefinitionName();
}
