using System.Collections.Frozen;
using System.Globalization;
using Zylisp.Lang.Printing;

namespace Zylisp.Lang.Diagnostics;

/// <summary>
/// Every diagnostic's message text and help, keyed by id. Each phase keeps its entries in its own
/// partial file (DiagnosticCatalog.Read.cs, .Expand.cs, ...) so phases can grow independently;
/// this file only combines and looks them up.
/// </summary>
public static partial class DiagnosticCatalog
{
    // Built lazily from the per-phase entry properties, so partial-file initialization order never matters.
    private static readonly Lazy<FrozenDictionary<string, DiagnosticDescriptor>> ById = new(Build);

    public static IReadOnlyCollection<DiagnosticDescriptor> All => ById.Value.Values;

    public static bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DiagnosticDescriptor? descriptor) =>
        ById.Value.TryGetValue(id, out descriptor);

    /// <summary>The descriptor for <paramref name="id"/>, or a generic error descriptor for unknown ids.</summary>
    public static DiagnosticDescriptor Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryGet(id, out var descriptor)
            ? descriptor
            : new DiagnosticDescriptor(id, Severity.Error, PhaseOf(id), "{0}", null);
    }

    /// <summary>
    /// The message for <paramref name="id"/> with <paramref name="args"/> substituted; strings are
    /// inserted as they are, other values in readable printed form.
    /// </summary>
    public static string FormatMessage(string id, IReadOnlyList<object?> args) => Format(Get(id).MessageFormat, args);

    /// <summary>
    /// The help for <paramref name="id"/>, with the message's arguments substituted as in the
    /// message (a help without {n} placeholders may show braces as they are); null if it has none.
    /// </summary>
    public static string? FormatHelp(string id, IReadOnlyList<object?> args) =>
        !TryGet(id, out var descriptor) || descriptor.Help is not { } help ? null
        : HasPlaceholder(help) ? Format(help, args)
        : help;

    private static bool HasPlaceholder(string template)
    {
        for (int i = template.IndexOf('{'); i >= 0 && i + 2 < template.Length; i = template.IndexOf('{', i + 1))
        {
            if (char.IsAsciiDigit(template[i + 1]) && template[i + 2] == '}')
            {
                return true;
            }
        }

        return false;
    }

    private static string Format(string template, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rendered = new object?[args.Count];
        for (int i = 0; i < args.Count; i++)
        {
            rendered[i] = args[i] switch
            {
                string s => s,
                int n => n.ToString(CultureInfo.InvariantCulture),
                char c => c.ToString(),
                var other => Printer.PrStr(other),
            };
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, template, rendered);
        }
        catch (FormatException)
        {
            // A template expecting more arguments than were given is a bug, but must not hide the diagnostic.
            return template + " " + string.Join(", ", rendered);
        }
    }

    /// <summary>The phase an id's number range belongs to: ZL1xxx Read ... ZL5xxx Run, ZL6xxx Lint.</summary>
    public static Phase PhaseOf(string id) =>
        id.Length >= 3 && id.StartsWith("ZL", StringComparison.Ordinal)
            ? id[2] switch
            {
                '1' => Phase.Read,
                '2' => Phase.Expand,
                '3' => Phase.Analyze,
                '4' => Phase.Emit,
                '6' => Phase.Lint,
                _ => Phase.Run,
            }
            : Phase.Run;

    private static FrozenDictionary<string, DiagnosticDescriptor> Build()
    {
        var all = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in AllEntries())
        {
            // A duplicate id is a programming error caught by the catalogue tests.
            all.TryAdd(descriptor.Id, descriptor);
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every entry of every phase, duplicates included (the tests check there are none).</summary>
    internal static IEnumerable<DiagnosticDescriptor> AllEntries() =>
        ReadEntries().Concat(ExpandEntries()).Concat(AnalyzeEntries()).Concat(EmitEntries()).Concat(RunEntries()).Concat(LintEntries()).Concat(InteropEntries());

    private static DiagnosticDescriptor Error(string id, string message, string? help = null) =>
        new(id, Severity.Error, PhaseOf(id), message, help);

    private static DiagnosticDescriptor Warning(string id, string message, string? help = null) =>
        new(id, Severity.Warning, PhaseOf(id), message, help);
}
