using Zylisp.Lang;
using Zylisp.Lang.Runtime;

namespace Zylisp.Repl.Workers;

/// <summary>Answers for completions and lookup/info/eldoc from a session's engine, in CIDER's shapes.</summary>
internal static class Completions
{
    public static List<object> For(Engine engine, string prefix) =>
        [.. engine.GlobalNames
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Take(500)
            .Select(name => (object)Protocol.Message.Create(("candidate", name), ("ns", "user"), ("type", Kind(engine, name))))];

    /// <summary>The info map for a name (empty when unknown): name, ns, arglists-str, doc, type.</summary>
    public static Dictionary<string, object> Info(Engine engine, string name)
    {
        if (name.Length == 0 || engine.Doc(name) is not { } doc)
        {
            return [];
        }

        // Documentation text is "name\narglists\n  doc" (arglists absent for a plain var).
        var lines = doc.Split('\n');
        var arglists = lines.Length > 1 && lines[1].StartsWith('(') ? lines[1] : null;
        var body = string.Join("\n", lines.Skip(arglists is null ? 1 : 2).Select(l => l.Trim())).Trim();
        return Protocol.Message.Create(
            ("name", name),
            ("ns", "user"),
            ("arglists-str", arglists),
            ("doc", body),
            ("type", Kind(engine, name)));
    }

    private static string Kind(Engine engine, string name)
    {
        var doc = engine.Doc(name) ?? "";
        return doc.Contains("Special form.", StringComparison.Ordinal) ? "special-form"
            : doc.Contains("Macro.", StringComparison.Ordinal) ? "macro"
            : engine.GetGlobal(name) is ZFunction ? "function"
            : "var";
    }
}
