using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Compilation;
using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;

namespace Zylisp.Compiler.Native;

/// <summary>
/// (doc name) in a native program: the front end computed what the interpreter prints for each
/// name the program documents (<see cref="ProgramImage.Documentation"/>); this makes that a
/// constant map, <c>(def %documentation {"name" "text" ...})</c>, whose strings are read-only data,
/// and the library's %print-doc (Library/80-doc.zl) prints from it. A native session makes one per
/// chunk from its own front end's answers.
/// </summary>
internal static class NativeDocumentation
{
    public const string FileName = "<native-documentation>";

    /// <summary>The def of the table, as top-level forms to run before the program's (or a session's chunk); none when nothing is documented.</summary>
    public static IReadOnlyList<TopLevel> Table(IReadOnlyDictionary<string, string?> documentation)
    {
        if (documentation.Count == 0)
        {
            return [];
        }

        var table = PersistentMap.Empty;
        foreach (var (name, text) in documentation)
        {
            if (text is not null)
            {
                table = table.Assoc(name, text);
            }
        }

        var image = Engine.CollectProgram("(def %documentation " + Printer.PrStr(table) + ")", FileName, new EngineOptions { TargetName = ProgramCollector.TargetName, WriteWarnings = false });
        if (!image.Success)
        {
            throw new InvalidOperationException("the documentation table does not compile: " +
                string.Join("; ", image.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())));
        }

        return [.. image.Definitions, .. image.Forms];
    }
}
