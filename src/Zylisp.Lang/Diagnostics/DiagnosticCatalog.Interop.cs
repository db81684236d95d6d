namespace Zylisp.Lang.Diagnostics;

/// <summary>Ids of .NET interop's run-time errors (ZL53xx), docs/design/dotnet-interop.md.</summary>
public static partial class DiagnosticIds
{
    public const string DotnetTypeNotFound = "ZL5301";
    public const string DotnetMemberNotFound = "ZL5302";
    public const string DotnetNoOverload = "ZL5303";
    public const string DotnetException = "ZL5304";
}

public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> InteropEntries() =>
    [
        Error(
            DiagnosticIds.DotnetTypeNotFound,
            "no .NET type named `{0}`{1}",
            "Write the full name (System.Text.StringBuilder), or (import '[System.Text StringBuilder]) first."),
        Error(
            DiagnosticIds.DotnetMemberNotFound,
            "the .NET type `{0}` has no public {1} member `{2}`{3}",
            "Member names are case-sensitive .NET names: (.ToUpper s), (System.Math/Sqrt 2.0)."),
        Error(
            DiagnosticIds.DotnetNoOverload,
            "no overload of `{0}.{1}` accepts ({2}); it takes {3}",
            "Convert the arguments (double, long, str) to types one overload takes; docs/language.md section 17 lists the conversions."),
        Error(
            DiagnosticIds.DotnetException,
            "`{0}.{1}` threw {2}: {3}",
            null),
    ];
}
