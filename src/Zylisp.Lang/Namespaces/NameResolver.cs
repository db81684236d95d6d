using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Namespaces;

/// <summary>What a symbol stands for: the global's name, or the diagnostic saying why it stands for nothing.</summary>
internal readonly record struct Resolution(string? Global, string? ErrorId, object?[] Args)
{
    public static Resolution To(string global) => new(global, null, []);

    public static Resolution Error(string id, params object?[] args) => new(null, id, args);
}

/// <summary>
/// Resolves symbols to global names in the front end, so backends see one name per global and
/// no namespaces (docs/design/namespaces.md). An unqualified name is the current namespace's own
/// definition or referral, else a core name, else a (forward) definition of the current
/// namespace. A qualified name goes through an alias, a known namespace or a core namespace;
/// anything else is an error, never the bare name.
/// </summary>
internal static class NameResolver
{
    public static Resolution Resolve(NamespaceScope scope, string? qualifier, string name) =>
        qualifier is null ? Resolution.To(Unqualified(scope, name)) : Qualified(scope, qualifier, name);

    /// <summary>An unqualified name; never fails (an unknown name is a forward reference in the current namespace).</summary>
    public static string Unqualified(NamespaceScope scope, string name)
    {
        var current = scope.Current;
        if (current.TryMapping(name, out var global))
        {
            return global;
        }

        return current.IsUser || IsCoreName(scope.Globals, name) ? name : current.GlobalNameOf(name);
    }

    /// <summary>The canonical namespace a qualifier names in the current namespace (alias, namespace, core namespace), or null.</summary>
    public static string? TargetNamespace(NamespaceScope scope, string qualifier)
    {
        if (scope.Current.TryAlias(qualifier, out var aliased))
        {
            return aliased;
        }

        return scope.Table.Find(qualifier) is not null ? qualifier : CoreNamespaces.Canonical(qualifier);
    }

    private static Resolution Qualified(NamespaceScope scope, string qualifier, string name)
    {
        if (TargetNamespace(scope, qualifier) is not { } target)
        {
            if (scope.ForeignNames?.Invoke(qualifier, name) == true)
            {
                return Resolution.To(qualifier + "/" + name);
            }

            return LooksLikeGo(qualifier, name)
                ? Resolution.Error(DiagnosticIds.GoInteropElsewhere, qualifier, name, scope.EngineName)
                : Resolution.Error(DiagnosticIds.UnknownNamespace, qualifier, name);
        }

        if (target == CoreNamespaces.Core)
        {
            return IsCoreName(scope.Globals, name) ? Resolution.To(name) : Resolution.Error(DiagnosticIds.NoSuchVar, name, target);
        }

        if (CoreNamespaces.Exports(target) is { } exports)
        {
            return exports.TryGetValue(name, out var exported) ? Resolution.To(exported) : Resolution.Error(DiagnosticIds.NoSuchVar, name, target);
        }

        var ns = scope.Table.Find(target)!;
        if (ns.Defines(name))
        {
            return ns.IsPrivate(name) && ns != scope.Current
                ? Resolution.Error(DiagnosticIds.PrivateVar, name, ns.Name)
                : Resolution.To(ns.GlobalNameOf(name));
        }

        // Inside its own namespace a qualified name may refer forward, as an unqualified one does.
        return ns == scope.Current ? Resolution.To(ns.GlobalNameOf(name)) : Resolution.Error(DiagnosticIds.NoSuchVar, name, target);
    }

    /// <summary>A Go package function as the go target writes it: a lower-case package, an exported name.</summary>
    public static bool LooksLikeGo(string qualifier, string name) =>
        qualifier.Length > 0 && qualifier.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
        && name.Length > 0 && char.IsAsciiLetterUpper(name[0]);

    /// <summary>True for the core library's names: host primitives and prelude definitions (loaded or not).</summary>
    public static bool IsCoreName(GlobalEnvironment globals, string name) =>
        globals.IsAdvertised(name) || globals.Find(name) is { IsCore: true };
}
