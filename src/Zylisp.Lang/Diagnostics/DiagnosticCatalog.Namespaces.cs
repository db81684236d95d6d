namespace Zylisp.Lang.Diagnostics;

/// <summary>Ids of the namespace and module diagnostics (ZL31xx, analyze phase; docs/design/namespaces.md).</summary>
public static partial class DiagnosticIds
{
    public const string NoSuchVar = "ZL3101";
    public const string PrivateVar = "ZL3102";
    public const string NamespaceFileNotFound = "ZL3103";
    public const string NamespaceCycle = "ZL3104";
    public const string NamespaceMismatch = "ZL3105";
    public const string MalformedNamespaceForm = "ZL3106";
    public const string NamespaceDirectiveNotTopLevel = "ZL3107";
    public const string RequiredFileNotFound = "ZL3108";
}

public static partial class DiagnosticCatalog
{
    private static IEnumerable<DiagnosticDescriptor> NamespaceEntries() =>
    [
        Error(
            DiagnosticIds.NoSuchVar,
            "no `{0}` in namespace `{1}`",
            "Check the spelling, and that the namespace defines it (and was required)."),
        Error(
            DiagnosticIds.PrivateVar,
            "`{0}` is private to namespace `{1}`",
            "A definition made with defn- or ^:private is visible only inside its own namespace."),
        Error(
            DiagnosticIds.NamespaceFileNotFound,
            "cannot find namespace `{0}`: none of {1} exists",
            "A namespace a.b-c lives in a/b_c.zl (or a/b-c.zl, or .slisp) under a source root: the main file's root, --path DIR, ZYLISP_PATH, or the current directory."),
        Error(
            DiagnosticIds.NamespaceCycle,
            "namespaces require each other in a cycle: {0}",
            "Move what both need into a third namespace that neither requires."),
        Error(
            DiagnosticIds.NamespaceMismatch,
            "{0} declares namespace `{1}`, but it was loaded as `{2}`",
            "The ns form's name must match the file's path under its source root: app.util lives in app/util.zl."),
        Error(
            DiagnosticIds.MalformedNamespaceForm,
            "malformed `{0}`: {1}",
            "For example (ns app.core (:require [app.util :as u] [app.math :refer [square]]))."),
        Error(
            DiagnosticIds.NamespaceDirectiveNotTopLevel,
            "`{0}` must be a top-level form",
            "ns, in-ns, require, refer and alias change how later forms are compiled, so they cannot run inside a function or expression."),
        Error(
            DiagnosticIds.RequiredFileNotFound,
            "cannot load `{0}`: {1} does not exist",
            "A string require names a file relative to the requiring file's directory."),
    ];
}
