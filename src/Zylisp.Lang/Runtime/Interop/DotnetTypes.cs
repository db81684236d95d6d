using System.Reflection;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Runtime.Interop;

/// <summary>
/// Finds .NET types by full name for interop (docs/design/dotnet-interop.md): the core library,
/// the assemblies already loaded, then the framework assembly named like the type's namespace
/// (System.Text.RegularExpressions.Regex is in System.Text.RegularExpressions.dll). An unknown
/// name is ZL5301, suggesting loaded types with the same simple name or a close full name.
/// </summary>
internal static class DotnetTypes
{
    public static Type Resolve(string name) =>
        TryResolve(name) ?? throw RuntimeErrors.Create(DiagnosticIds.DotnetTypeNotFound, "dotnet-error", null, name, Suggest(name));

    public static Type? TryResolve(string name)
    {
        if (Type.GetType(name, throwOnError: false) is { } direct)
        {
            return direct;
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.GetType(name, throwOnError: false) is { } found)
            {
                return found;
            }
        }

        // Framework assemblies are named for their namespace; try the longest prefix first.
        for (int dot = name.LastIndexOf('.'); dot > 0; dot = name.LastIndexOf('.', dot - 1))
        {
            if (TryLoad(name[..dot]) is { } assembly && assembly.GetType(name, throwOnError: false) is { } loaded)
            {
                return loaded;
            }
        }

        return null;
    }

    private static Assembly? TryLoad(string assemblyName)
    {
        try
        {
            return Assembly.Load(new AssemblyName(assemblyName));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string Suggest(string name)
    {
        string simple = name[(name.LastIndexOf('.') + 1)..];
        var publicTypes = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic)
            .SelectMany(ExportedTypes)
            .Where(t => t.FullName is not null && !t.IsNested)
            .ToList();
        var sameName = publicTypes.Where(t => string.Equals(t.Name, simple, StringComparison.OrdinalIgnoreCase)).Select(t => "`" + t.FullName + "`").Distinct().Take(3).ToList();
        if (sameName.Count > 0)
        {
            return "; did you mean " + string.Join(" or ", sameName) + "?";
        }

        return Suggestions.DidYouMean(name, publicTypes.Select(t => t.FullName!).Where(n => n.Length < name.Length + 4));
    }

    private static IEnumerable<Type> ExportedTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is NotSupportedException or ReflectionTypeLoadException or FileNotFoundException)
        {
            return [];
        }
    }
}
