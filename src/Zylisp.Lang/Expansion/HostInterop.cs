using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;

namespace Zylisp.Lang.Expansion;

/// <summary>
/// Rewrites .NET interop syntax into calls of the interop primitives (docs/design/dotnet-interop.md),
/// before analysis, so no IR node and no backend visitor knows about interop:
/// <code>
/// (.ToUpper s)                → (%dotnet-call s "ToUpper")
/// (. s Substring 1 2)         → (%dotnet-call s "Substring" 1 2)
/// (System.Math/Sqrt 2.0)      → (%dotnet-static "System.Math" "Sqrt" 2.0)
/// System.Math/PI              → (%dotnet-static "System.Math" "PI")
/// (StringBuilder. "x"), (new StringBuilder "x") → (%dotnet-new "System.Text.StringBuilder" "x")
/// (instance? System.String x) → (%dotnet-instance? "System.String" x)
/// (import '[System.Text StringBuilder]) → (%dotnet-import "System.Text.StringBuilder"), and StringBuilder names it from then on
/// </code>
/// A .NET type name is a dotted symbol whose every segment is capitalized (System.Text.StringBuilder;
/// Go package calls such as strings.ToUpper are lowercase) or a name imported in this engine.
/// The Go and native targets reject the primitives at compile time, naming the engine.
/// </summary>
internal sealed class HostInterop
{
    // Short name → full name, for this engine's session (the REPL keeps them across inputs).
    private readonly Dictionary<string, string> imports = new(StringComparer.Ordinal);

    /// <summary>The rewritten call, or null when <paramref name="list"/> is not interop syntax.</summary>
    public PersistentList? TryRewrite(PersistentList list, LexicalScope<bool> locals, Func<string, bool> isGlobal)
    {
        if (list.First is not Symbol head || (head.Namespace is null && locals.Contains(head.Name)))
        {
            return null;
        }

        var args = list.Rest.ToList();
        if (head.Namespace is { } ns)
        {
            return IsTypeName(ns) ? Call(list, "%dotnet-static", [FullName(ns), head.Name, .. args]) : null;
        }

        string name = head.Name;
        switch (name)
        {
            case "." when args.Count >= 2 && args[1] is Symbol member:
                return Call(list, "%dotnet-call", [args[0], member.Name, .. args.Skip(2)]);
            case "." when args.Count == 2 && args[1] is PersistentList { First: Symbol member } memberCall:
                return Call(list, "%dotnet-call", [args[0], member.Name, .. memberCall.Rest]);
            case "new" when !isGlobal("new") && args.Count >= 1 && args[0] is Symbol type:
                return Call(list, "%dotnet-new", [FullName(type.Name), .. args.Skip(1)]);
            case "instance?" when args.Count == 2 && args[0] is Symbol { Namespace: null } type && IsTypeName(type.Name) && !locals.Contains(type.Name):
                return Call(list, "%dotnet-instance?", [FullName(type.Name), args[1]]);
            case "import" when !isGlobal("import") && args.Count > 0 && args.All(a => a is not string):
                return Call(list, "%dotnet-import", [.. args.SelectMany(Imported)]);
        }

        if (name.Length > 1 && name[0] == '.' && name != ".." && args.Count >= 1)
        {
            return Call(list, "%dotnet-call", [args[0], name[1..], .. args.Skip(1)]);
        }

        if (name.Length > 1 && name[^1] == '.' && name != ".." && !name.StartsWith('.'))
        {
            return Call(list, "%dotnet-new", [FullName(name[..^1]), .. args]);
        }

        return null;
    }

    /// <summary>A type-qualified symbol used as a value (System.Math/PI) as a static read, else null.</summary>
    public PersistentList? TryRewriteSymbol(Symbol symbol)
    {
        if (symbol.Namespace is { } ns && IsTypeName(ns))
        {
            return PersistentList.Create([Symbol.Of("%dotnet-static"), FullName(ns), symbol.Name]).WithSpan(symbol.Span);
        }

        if (symbol.Namespace is null && symbol.Name.Contains('.') && IsTypeName(symbol.Name))
        {
            return PersistentList.Create([Symbol.Of("%dotnet-type"), FullName(symbol.Name)]).WithSpan(symbol.Span);
        }

        return null;
    }

    private bool IsTypeName(string name) =>
        imports.ContainsKey(name) || (name.Contains('.') && name.Split('.').All(s => s.Length > 0 && char.IsAsciiLetterUpper(s[0])));

    private string FullName(string name) => imports.TryGetValue(name, out var full) ? full : name;

    /// <summary>The full names an import spec names, recording their short names.</summary>
    private IEnumerable<string> Imported(object? spec)
    {
        if (spec is PersistentList { Count: 2, First: Symbol { Name: "quote" } } quoted)
        {
            spec = quoted.Rest.First;
        }

        var names = new List<string>();
        switch (spec)
        {
            case Symbol { Namespace: null } full when full.Name.Contains('.'):
                names.Add(full.Name);
                break;
            case PersistentVector or PersistentList when Seq.Enumerate(spec).FirstOrDefault() is Symbol { Namespace: null } package:
                names.AddRange(Seq.Enumerate(spec).Skip(1).OfType<Symbol>().Select(type => package.Name + "." + type.Name));
                break;
        }

        foreach (var full in names)
        {
            imports[full[(full.LastIndexOf('.') + 1)..]] = full;
        }

        return names;
    }

    private static PersistentList Call(PersistentList original, string primitive, IEnumerable<object?> args) =>
        PersistentList.Create([Symbol.Of(primitive), .. args]).WithSpan(original.Span);
}
