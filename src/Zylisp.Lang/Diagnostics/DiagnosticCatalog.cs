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
    public static string FormatMessage(string id, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var descriptor = Get(id);
        var rendered = Render(args);
        try
        {
            return string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, rendered);
        }
        catch (FormatException)
        {
            // A template expecting more arguments than were given is a bug, but must not hide the diagnostic.
            return descriptor.MessageFormat + " " + string.Join(", ", rendered);
        }
    }

    /// <summary>
    /// The help for <paramref name="id"/> with {0}, {1}... replaced by the arguments, or null. Not
    /// string.Format: help texts show map literals whose braces are not placeholders.
    /// </summary>
    public static string? FormatHelp(string id, IReadOnlyList<object?> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!TryGet(id, out var descriptor) || descriptor.Help is not { } help)
        {
            return null;
        }

        var rendered = Render(args);
        for (int i = 0; i < rendered.Length; i++)
        {
            help = help.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", (string?)rendered[i], StringComparison.Ordinal);
        }

        return help;
    }

    private static object?[] Render(IReadOnlyList<object?> args)
    {
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

        return rendered;
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
        ReadEntries().Concat(ExpandEntries()).Concat(AnalyzeEntries()).Concat(EmitEntries()).Concat(RunEntries()).Concat(LintEntries());

    private static DiagnosticDescriptor Error(string id, string message, string? help = null) =>
        new(id, Severity.Error, PhaseOf(id), message, help);

    private static DiagnosticDescriptor Warning(string id, string message, string? help = null) =>
        new(id, Severity.Warning, PhaseOf(id), message, help);
}
