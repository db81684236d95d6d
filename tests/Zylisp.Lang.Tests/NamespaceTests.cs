using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>Namespaces and modules (issue 13): ns, require, aliases, refer, privacy, files and source roots.</summary>
public sealed class NamespaceTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "zylisp-ns-" + Guid.NewGuid().ToString("N"));
    private readonly LangTestHost host = new();

    public NamespaceTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (RunResult Result, string Out) Run(string path, IReadOnlyList<string>? sourcePaths = null)
    {
        var output = new StringWriter();
        var engine = new Engine(new EngineOptions { Out = output, Error = TextWriter.Null, SourcePaths = sourcePaths });
        var result = engine.RunFile(path, []);
        return (result, output.ToString());
    }

    [Fact]
    public void Issue13_a_prefix_is_never_ignored()
    {
        host.Fails("(str/reverse \"abc\")", DiagnosticIds.UnknownNamespace);
        host.Fails("(foo/count [1 2 3])", DiagnosticIds.UnknownNamespace);
        host.Fails("(clojure.string/count \"abc\")", DiagnosticIds.NoSuchVar);
    }

    /// <summary>Issue 11: Go interop is the go target's; every other engine rejects it naming itself.</summary>
    [Fact]
    public void Go_interop_is_an_error_naming_the_engine()
    {
        var error = host.Fails("(fmt/Println \"x\")", DiagnosticIds.GoInteropElsewhere);
        Assert.Contains("`fmt/Println`", error.Message, StringComparison.Ordinal);
        Assert.Contains("the interp engine cannot", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Span);
    }

    /// <summary>A target that resolves foreign names itself (the go target) gets them as globals.</summary>
    [Fact]
    public void A_target_can_accept_foreign_qualified_names()
    {
        var image = Engine.CollectProgram("(defn -main [] (fmt/Println \"x\"))", "go.zl", new EngineOptions { ForeignQualifiedNames = static (package, _) => package == "fmt", TargetName = "go" });
        Assert.True(image.Success, string.Join("; ", image.Diagnostics));
        Assert.DoesNotContain(image.Diagnostics, d => d.Id == DiagnosticIds.UndefinedGlobalWarning);
    }

    [Fact]
    public void Clojure_string_and_set_names_are_the_zylisp_namespaces()
    {
        Assert.Equal("\"cba\"", host.Show("(ns t (:require [clojure.string :as str])) (str/reverse \"abc\")"));
        Assert.Equal("(\"c\" \"b\" \"a\")", host.Show("(reverse \"abc\")"));
        Assert.Equal("#{1 2 3}", host.Show("(require '[clojure.set :as set]) (set/union #{1} #{2 3})"));
        Assert.Equal("#{2}", host.Show("(zylisp.set/intersection #{1 2} #{2 3})"));
        Assert.Equal("\"A-B\"", host.Show("(ns u (:require [zylisp.string :refer [upper-case join]])) (upper-case (join \"-\" [\"a\" \"b\"]))"));
    }

    [Fact]
    public void Definitions_live_in_their_namespace_and_the_core_is_referred_everywhere()
    {
        Assert.Equal("2", host.Show("(ns a) (defn count [x] 2) (count [1 2 3 4 5])"));
        Assert.Equal("5", host.Show("(ns b) (count [1 2 3 4 5])"));
        Assert.Equal("2", host.Show("(a/count nil)"));
        Assert.Equal("b", host.Show("*ns*"));
        Assert.Equal("b", host.Engine.CurrentNamespace);
        Assert.Equal("3", host.Show("(in-ns 'user) (count [1 2 3])"));
        Assert.Equal("user", host.Engine.CurrentNamespace);
    }

    [Fact]
    public void Alias_refer_and_privacy()
    {
        host.Eval("(ns lib) (defn pub [] :pub) (defn- priv [] :priv) (def ^:private secret 1) (defn uses [] (priv))");
        Assert.Equal(":priv", host.Show("(lib/uses)"));
        Assert.Equal(":pub", host.Show("(ns app) (alias 'l 'lib) (l/pub)"));
        Assert.Equal(":pub", host.Show("(refer 'lib) (pub)"));
        host.Fails("(l/priv)", DiagnosticIds.PrivateVar);
        host.Fails("(lib/secret)", DiagnosticIds.PrivateVar);
        host.Fails("(refer 'lib :only '[priv])", DiagnosticIds.PrivateVar);
    }

    [Fact]
    public void Syntax_quote_qualifies_names_of_the_macros_namespace()
    {
        host.Eval("(ns mac) (defn helper [x] (* 10 x)) (defmacro tenfold [x] `(helper ~x))");
        Assert.Equal("70", host.Show("(ns other (:require [mac :refer [tenfold]])) (defn helper [x] x) (tenfold 7)"));
        Assert.Equal("(mac/helper 7)", host.Show("(macroexpand '(tenfold 7))"));
    }

    [Fact]
    public void Files_are_found_under_the_root_inferred_from_the_main_file()
    {
        Write("src/app/util.zl", "(ns app.util)\n(defn greet [s] (str \"hi \" s))\n");
        Write("src/app/my_math.zl", "(ns app.my-math)\n(defn square [x] (* x x))\n");
        var main = Write("src/app/core.zl", "(ns app.core (:require [app.util :as u] [app.my-math :refer [square]]))\n(defn -main [] (println (u/greet \"there\") (square 4)) 3)\n");
        var (result, output) = Run(main);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hi there 16\n", output);
    }

    [Fact]
    public void Source_paths_are_searched_and_a_missing_namespace_names_the_files_tried()
    {
        Write("lib/shapes/area.zl", "(ns shapes.area)\n(defn circle [r] (* 3 r r))\n");
        var main = Write("main.zl", "(ns main (:require [shapes.area :as area]))\n(defn -main [] (println (area/circle 2)))\n");
        Assert.Equal("12\n", Run(main, [Path.Combine(root, "lib")]).Out);
        var failed = Run(main).Result;
        var d = Assert.Single(failed.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticIds.NamespaceFileNotFound, d.Id);
        Assert.Contains(Path.Combine("shapes", "area.zl"), d.Message, StringComparison.Ordinal);
        Assert.Equal((1, 20), (d.Span!.Line, d.Span.Column));
    }

    [Fact]
    public void A_cycle_is_a_located_error_naming_the_chain()
    {
        var a = Write("cyc/a.zl", "(ns cyc.a (:require [cyc.b]))\n");
        Write("cyc/b.zl", "(ns cyc.b (:require [cyc.a]))\n");
        var d = Assert.Single(Run(a).Result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticIds.NamespaceCycle, d.Id);
        Assert.Equal("cyc.a -> cyc.b -> cyc.a", d.Args[0]);
        Assert.EndsWith(Path.Combine("cyc", "b.zl"), d.Span!.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_whose_ns_does_not_match_its_path_is_a_located_error()
    {
        Write("m/wrong.zl", "(ns m.right)\n");
        var main = Write("m/main.zl", "(ns m.main (:require [m.wrong]))\n");
        var d = Assert.Single(Run(main).Result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticIds.NamespaceMismatch, d.Id);
        Assert.EndsWith("wrong.zl", d.Span!.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_require_loads_a_slisp_file_relative_to_the_requiring_file_once()
    {
        Write("s/lib/helpers.slisp", "(println \"loading\")\n(defn twice (x) (* 2 x))\n");
        var main = Write("s/main.slisp", "(require \"lib/helpers.slisp\")\n(require \"lib/helpers.slisp\")\n(defn -main () (println (twice 21)) 0)\n");
        Assert.Equal("loading\n42\n", Run(main).Out);
    }

    [Fact]
    public void Directives_are_top_level_forms_only()
    {
        host.Fails("(defn f [] (ns x))", DiagnosticIds.NamespaceDirectiveNotTopLevel);
        host.Fails("(ns x (:bogus y))", DiagnosticIds.MalformedNamespaceForm);
    }
}
