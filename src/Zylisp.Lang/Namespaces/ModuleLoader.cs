using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Namespaces;

/// <summary>
/// The namespace directives, run by the pipeline as top-level forms before expansion:
/// <c>ns</c>, <c>in-ns</c>, <c>require</c>, <c>refer</c> and <c>alias</c>. They change how later
/// forms resolve names and load required files through the same pipeline, so every engine (and
/// every ahead-of-time build) sees the required files' definitions as ordinary globals.
/// Every problem is a located analyze-phase error (docs/design/namespaces.md).
/// </summary>
internal sealed class ModuleLoader(Pipeline pipeline, NamespaceScope scope)
{
    private static readonly string[] Extensions = [".zl", ".slisp"];

    // What is being loaded right now, outermost first: namespace names, or full paths of string requires.
    private readonly List<string> loading = [];
    private readonly HashSet<string> loadedFiles = new(StringComparer.Ordinal);

    /// <summary>True (after running it) when the form is a namespace directive.</summary>
    public bool TryDirective(object? form, CompilationUnit unit, RunContext ctx)
    {
        if (form is not PersistentList { First: Symbol { Namespace: null } head } list)
        {
            return false;
        }

        switch (head.Name)
        {
            case "ns":
                Ns(list, unit, ctx);
                return true;
            case "in-ns":
                scope.Current = scope.Table.FindOrCreate(NamespaceName(Unquote(Argument(list, 1, "(in-ns 'name)")), list, "in-ns"));
                return true;
            case "require":
                foreach (var spec in list.Rest)
                {
                    Require(Unquote(spec), list, unit, ctx);
                }

                return true;
            case "refer":
                Refer(list);
                return true;
            case "alias":
                Alias(list);
                return true;
            default:
                return false;
        }
    }

    /// <summary>True for a top-level form that is a directive (which `zylisp expand` leaves as it is).</summary>
    public static bool IsDirectiveForm(object? form) => form is PersistentList { First: Symbol { Namespace: null } head } && IsDirectiveName(head.Name);

    /// <summary>The names the directives are spelled with, for the analyzer's "must be top level" check.</summary>
    public static bool IsDirectiveName(string name) => name is "ns" or "in-ns" or "require" or "refer" or "alias";

    private void Ns(PersistentList form, CompilationUnit unit, RunContext ctx)
    {
        var name = NamespaceName(Argument(form, 1, "(ns name references*)"), form, "ns");
        if (unit.ExpectedNamespace is { } expected && expected != name)
        {
            throw Error(DiagnosticIds.NamespaceMismatch, form, unit.File, name, expected);
        }

        unit.DeclaredNamespace = name;
        scope.Current = scope.Table.FindOrCreate(name);
        InferRoot(unit.File, name);

        // While its requires load, the namespace counts as loading, so a file that requires it back is a cycle.
        bool outermost = !loading.Contains(name);
        if (outermost)
        {
            loading.Add(name);
        }

        try
        {
            NsClauses(form, unit, ctx);
        }
        finally
        {
            if (outermost)
            {
                loading.Remove(name);
            }
        }
    }

    private void NsClauses(PersistentList form, CompilationUnit unit, RunContext ctx)
    {
        foreach (var clause in form.Rest.Rest)
        {
            switch (clause)
            {
                case string or PersistentMap:
                    break; // docstring and attribute map
                case PersistentList { First: Keyword { Name: "require" } } require:
                    foreach (var spec in require.Rest)
                    {
                        Require(spec, require, unit, ctx);
                    }

                    break;
                case PersistentList { First: Keyword { Name: "use" } } use:
                    foreach (var spec in use.Rest)
                    {
                        Require(spec is Symbol s ? PersistentVector.CreateRange([s, Keyword.Of("refer"), Keyword.Of("all")]) : spec, use, unit, ctx);
                    }

                    break;
                case PersistentList { First: Keyword { Name: "refer-clojure" or "gen-class" } }:
                    break; // the core is always referred; there are no classes to generate
                default:
                    throw Error(DiagnosticIds.MalformedNamespaceForm, clause, "ns",
                        "expected (:require ...), (:use ...), (:refer-clojure ...) or (:gen-class), not " + Printing.Printer.PrStr(clause));
            }
        }
    }

    private void Require(object? spec, PersistentList site, CompilationUnit unit, RunContext ctx)
    {
        switch (spec)
        {
            case string path:
                LoadRelative(path, Located(spec, site), unit, ctx);
                return;
            case Symbol { Namespace: null } name:
                RequireNamespace(name.Name, Located(spec, site), unit, ctx, reload: false);
                return;
            case Keyword { Name: "reload" or "reload-all" or "verbose" }:
                return; // flags of the whole require; :reload is honoured per spec below
            case PersistentVector { Count: > 0 } vector when vector[0] is Symbol { Namespace: null } name:
                RequireVector(name.Name, vector, unit, ctx, site);
                return;
            default:
                throw Error(DiagnosticIds.MalformedNamespaceForm, Located(spec, site), "require",
                    "expected a namespace name, [name :as alias :refer [names]] or a \"file path\", not " + Printing.Printer.PrStr(spec));
        }
    }

    private void RequireVector(string name, PersistentVector spec, CompilationUnit unit, RunContext ctx, PersistentList site)
    {
        var where = Located(spec, site);
        string? alias = null;
        object? refer = null;
        bool load = true;
        for (int i = 1; i < spec.Count; i++)
        {
            if (spec[i] is not Keyword option || (i + 1 >= spec.Count && option.Name is "as" or "as-alias" or "refer"))
            {
                throw Error(DiagnosticIds.MalformedNamespaceForm, where, "require", "expected :as alias, :as-alias alias or :refer [names] after the namespace name");
            }

            switch (option.Name)
            {
                case "as" or "as-alias":
                    alias = (spec[++i] as Symbol)?.Name ?? throw Error(DiagnosticIds.MalformedNamespaceForm, where, "require", ":as takes a symbol");
                    load &= option.Name == "as";
                    break;
                case "refer":
                    refer = spec[++i];
                    break;
                case "reload" or "reload-all" or "verbose":
                    break;
                default:
                    throw Error(DiagnosticIds.MalformedNamespaceForm, where, "require", "unknown option :" + option.Name);
            }
        }

        if (load || CoreNamespaces.Canonical(name) is not null)
        {
            RequireNamespace(name, where, unit, ctx, reload: spec.Contains(Keyword.Of("reload")) || spec.Contains(Keyword.Of("reload-all")));
        }

        var target = CoreNamespaces.Canonical(name) ?? name;
        if (alias is not null)
        {
            scope.Current.AddAlias(alias, target);
        }

        if (refer is not null)
        {
            ReferNames(target, refer, null, where);
        }
    }

    private void RequireNamespace(string name, SourceSpan? where, CompilationUnit unit, RunContext ctx, bool reload)
    {
        if (CoreNamespaces.Canonical(name) is not null)
        {
            return;
        }

        CheckCycle(name, where);
        if (!reload && scope.Table.Find(name) is not null)
        {
            return;
        }

        var tried = new List<string>();
        foreach (var root in Roots())
        {
            foreach (var relative in RelativePaths(name))
            {
                foreach (var extension in Extensions)
                {
                    var path = Path.Combine(root, relative + extension);
                    tried.Add(path);
                    if (File.Exists(path))
                    {
                        LoadFile(Path.GetFullPath(path), name, where, ctx);
                        return;
                    }
                }
            }
        }

        throw new AnalysisException(Diagnostic.Create(DiagnosticIds.NamespaceFileNotFound, where, name, string.Join(", ", tried)));
    }

    /// <summary>SLisp's <c>(require "path/to/file.slisp")</c>: a file relative to the requiring file, loaded once, into the current namespace.</summary>
    private void LoadRelative(string path, SourceSpan? where, CompilationUnit unit, RunContext ctx)
    {
        var baseDirectory = File.Exists(unit.File) ? Path.GetDirectoryName(Path.GetFullPath(unit.File))! : Directory.GetCurrentDirectory();
        var full = Path.GetFullPath(Path.Combine(baseDirectory, path));
        if (loadedFiles.Contains(full))
        {
            return;
        }

        CheckCycle(full, where);
        if (!File.Exists(full))
        {
            throw new AnalysisException(Diagnostic.Create(DiagnosticIds.RequiredFileNotFound, where, path, full));
        }

        LoadFile(full, null, where, ctx);
    }

    private void CheckCycle(string name, SourceSpan? where)
    {
        int start = loading.IndexOf(name);
        if (start >= 0)
        {
            throw new AnalysisException(Diagnostic.Create(DiagnosticIds.NamespaceCycle, where, string.Join(" -> ", loading.Skip(start).Append(name))));
        }
    }

    private void LoadFile(string path, string? expected, SourceSpan? where, RunContext ctx)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (FileErrors.IsFileFailure(e))
        {
            throw new AnalysisException(Diagnostic.Create(DiagnosticIds.RequiredFileNotFound, where, path, FileErrors.Reason(e, path)));
        }

        var read = pipeline.Read(text, path);
        if (read.Diagnostics.FirstOrDefault(d => d.IsError) is { } readError)
        {
            throw new AnalysisException(readError);
        }

        var saved = scope.Current;
        loadedFiles.Add(path);
        loading.Add(expected ?? path);
        try
        {
            var unit = pipeline.NewUnit(path);
            unit.ExpectedNamespace = expected;
            pipeline.LoadUnit(read, unit, ctx);
            if (expected is not null && unit.DeclaredNamespace is null)
            {
                throw Error(DiagnosticIds.NamespaceMismatch, where, path, "(none: it has no ns form)", expected);
            }

            pipeline.ReportNested(unit);
        }
        finally
        {
            loading.RemoveAt(loading.Count - 1);
            scope.Current = saved;
        }
    }

    private void Refer(PersistentList form)
    {
        var target = TargetOf(NamespaceName(Unquote(Argument(form, 1, "(refer 'ns :only [names])")), form, "refer"), form);
        object? only = null;
        object? exclude = null;
        var rest = form.Rest.Rest;
        while (rest.Count >= 2)
        {
            switch (rest.First)
            {
                case Keyword { Name: "only" }:
                    only = Unquote(rest.Rest.First);
                    break;
                case Keyword { Name: "exclude" }:
                    exclude = Unquote(rest.Rest.First);
                    break;
                default:
                    throw Error(DiagnosticIds.MalformedNamespaceForm, form, "refer", "expected :only [names] or :exclude [names]");
            }

            rest = rest.Rest.Rest;
        }

        ReferNames(target, only ?? Keyword.Of("all"), exclude, form.Span);
    }

    private void Alias(PersistentList form)
    {
        var alias = NamespaceName(Unquote(Argument(form, 1, "(alias 'alias 'ns)")), form, "alias");
        var target = TargetOf(NamespaceName(Unquote(Argument(form, 2, "(alias 'alias 'ns)")), form, "alias"), form);
        scope.Current.AddAlias(alias, target);
    }

    /// <summary>The canonical name of a namespace that exists (a loaded one or a core one); otherwise an error.</summary>
    private string TargetOf(string name, PersistentList form) =>
        CoreNamespaces.Canonical(name) ?? (scope.Table.Find(name) is not null ? name
            : throw Error(DiagnosticIds.MalformedNamespaceForm, form, ((Symbol)form.First!).Name, "`" + name + "` is not a loaded namespace; require it first"));

    /// <summary>Refers <paramref name="names"/> (a vector of symbols, or :all) of <paramref name="target"/> into the current namespace.</summary>
    private void ReferNames(string target, object? names, object? exclude, SourceSpan? where)
    {
        var excluded = (exclude as IEnumerable<object?>)?.OfType<Symbol>().Select(s => s.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var exports = CoreNamespaces.Exports(target);
        var ns = scope.Table.Find(target);
        if (target == CoreNamespaces.Core)
        {
            return; // referred everywhere already
        }

        IEnumerable<string> chosen = names switch
        {
            Keyword { Name: "all" } => exports?.Keys.Order(StringComparer.Ordinal) ?? ns?.PublicNames ?? [],
            PersistentVector or PersistentList => ((IEnumerable<object?>)names).Select(n => (n as Symbol)?.Name
                ?? throw new AnalysisException(Diagnostic.Create(DiagnosticIds.MalformedNamespaceForm, where, "refer", ":refer takes a vector of symbols or :all"))),
            _ => throw new AnalysisException(Diagnostic.Create(DiagnosticIds.MalformedNamespaceForm, where, "refer", ":refer takes a vector of symbols or :all")),
        };
        foreach (var name in chosen.Where(n => !excluded.Contains(n)).ToList())
        {
            string global;
            if (exports is not null)
            {
                global = exports.TryGetValue(name, out var exported) ? exported : throw new AnalysisException(Diagnostic.Create(DiagnosticIds.NoSuchVar, where, name, target));
            }
            else if (ns is not null && ns.Defines(name))
            {
                global = ns.IsPrivate(name) ? throw new AnalysisException(Diagnostic.Create(DiagnosticIds.PrivateVar, where, name, target)) : ns.GlobalNameOf(name);
            }
            else
            {
                throw new AnalysisException(Diagnostic.Create(DiagnosticIds.NoSuchVar, where, name, target));
            }

            scope.Current.Refer(name, global);
        }
    }

    private IEnumerable<string> Roots()
    {
        var roots = new List<string>(scope.InferredRoots);
        var configured = pipeline.Options.SourcePaths
            ?? (Environment.GetEnvironmentVariable("ZYLISP_PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        roots.AddRange(configured.Select(Path.GetFullPath));
        roots.Add(Directory.GetCurrentDirectory());
        return roots.Distinct(StringComparer.Ordinal);
    }

    /// <summary>a.b-c → a/b_c (Clojure's file name) and a/b-c.</summary>
    private static IEnumerable<string> RelativePaths(string ns)
    {
        var plain = ns.Replace('.', Path.DirectorySeparatorChar);
        var munged = plain.Replace('-', '_');
        return munged == plain ? [plain] : [munged, plain];
    }

    /// <summary>The main file's source root: its path minus the path its ns name asks for.</summary>
    private void InferRoot(string file, string ns)
    {
        if (!File.Exists(file))
        {
            return;
        }

        var stem = Path.ChangeExtension(Path.GetFullPath(file), null);
        foreach (var relative in RelativePaths(ns))
        {
            if (stem.EndsWith(Path.DirectorySeparatorChar + relative, StringComparison.Ordinal))
            {
                var root = stem[..^(relative.Length + 1)];
                if (!scope.InferredRoots.Contains(root))
                {
                    scope.InferredRoots.Add(root);
                }

                return;
            }
        }
    }

    private static object? Argument(PersistentList form, int index, string shape) =>
        form.Count > index ? form.ElementAt(index) : throw Error(DiagnosticIds.MalformedNamespaceForm, form, ((Symbol)form.First!).Name, "expected " + shape);

    private static string NamespaceName(object? form, PersistentList where, string directive) =>
        form is Symbol { Namespace: null } s ? s.Name : throw Error(DiagnosticIds.MalformedNamespaceForm, where, directive, "expected a symbol naming a namespace, not " + Printing.Printer.PrStr(form));

    /// <summary>'x → x: the function forms (require, in-ns, refer, alias) take quoted arguments.</summary>
    private static object? Unquote(object? form) =>
        form is PersistentList { Count: 2, First: Symbol { Namespace: null, Name: "quote" } } quoted ? quoted.Rest.First : form;

    private static SourceSpan? Located(object? form, PersistentList site) => (form as IHasSpan)?.Span ?? (form as Symbol)?.Span ?? site.Span;

    private static AnalysisException Error(string id, object? where, params object?[] args) =>
        new(Diagnostic.Create(id, where as SourceSpan ?? (where as IHasSpan)?.Span ?? (where as Symbol)?.Span, args));
}
