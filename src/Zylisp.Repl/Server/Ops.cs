namespace Zylisp.Repl.Server;

/// <summary>The ops this server answers, for <c>describe</c>, with the fields each takes.</summary>
internal static class Ops
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["describe"] = "The server's ops, versions and current namespace.",
        ["clone"] = "A new session, copying the definitions of `session` when given; optional `engine`.",
        ["close"] = "Closes `session`.",
        ["ls-sessions"] = "The ids of the open sessions.",
        ["eval"] = "Evaluates `code` (with optional `file`, `line`, `column`) in `session`.",
        ["load-file"] = "Evaluates the contents `file` as the file `file-path`.",
        ["interrupt"] = "Interrupts the running eval of `session` (optionally `interrupt-id`).",
        ["stdin"] = "Text for `(read-line)` in `session`; an empty string ends the input.",
        ["completions"] = "Names starting with `prefix`.",
        ["complete"] = "Names starting with `prefix` or `symbol` (older name of completions).",
        ["lookup"] = "The info map of `sym`.",
        ["info"] = "The info of `sym` (or `symbol`), flat, as CIDER asks for it.",
        ["eldoc"] = "The argument lists of `sym` (or `symbol`), as CIDER asks for them.",
    };
}
