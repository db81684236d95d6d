using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Tests;

/// <summary>Dynamic vars, binding, var and #', metadata and source (issue 13).</summary>
public class DynamicVarAndMetadataTests
{
    private readonly LangTestHost host = new();

    [Fact]
    public void Binding_rebinds_a_dynamic_var_until_its_body_ends_however_it_ends()
    {
        host.Eval("(def ^:dynamic *depth* 0) (defn depth [] *depth*)");
        Assert.Equal("[0 1 2 1 0]", host.Show("[(depth) (binding [*depth* 1] (depth)) (binding [*depth* 1] (binding [*depth* 2] (depth))) (binding [*depth* 1] (try (binding [*depth* 5] (throw (ex-info \"x\" {}))) (catch e (depth)))) (depth)]"));
    }

    [Fact]
    public void A_dynamic_var_declared_without_a_value_is_nil_until_bound() =>
        Assert.Equal("[nil 3]", host.Show("(def ^:dynamic *y*) [*y* (binding [*y* 3] *y*)]"));

    [Fact]
    public void Binding_a_var_that_is_not_dynamic_is_an_error_naming_it()
    {
        host.Eval("(def plain 1)");
        Assert.Equal("\"`binding`: cannot bind #'plain: it is not dynamic (define it with (def ^:dynamic plain ...))\"",
            host.Show("(try (binding [plain 2] plain) (catch e (ex-message e)))"));
    }

    [Fact]
    public void A_binding_is_seen_only_by_the_thread_that_made_it()
    {
        host.Eval("(def ^:dynamic *x* :root)");
        var v = host.Engine.GlobalVar("*x*");
        Assert.True(v.IsDynamic);
        v.PushBinding(":bound");
        object? seenElsewhere = null;
        var other = new Thread(() => seenElsewhere = v.Value);
        other.Start();
        other.Join();
        Assert.Equal(":bound", v.Value);
        Assert.Equal(Data.Keyword.Of("root"), seenElsewhere);
        v.PopBinding();
        Assert.Equal(Data.Keyword.Of("root"), v.Value);
    }

    [Fact]
    public void Def_metadata_from_the_reader_and_var_metadata()
    {
        host.Eval("(def ^{:doc \"The answer.\"} answer 42)\n(defn- helper [] 1)", "meta.zl");
        Assert.Equal("\"The answer.\"", host.Show("(:doc (meta #'answer))"));
        Assert.Equal("[\"meta.zl\" 1 1]", host.Show("((juxt :file :line :column) (meta (var answer)))"));
        Assert.Equal("[2 true helper user]", host.Show("((juxt :line :private :name :ns) (meta #'helper))"));
        Assert.Equal("true", host.Show("(var? #'answer)"));
        Assert.Equal("42", host.Show("(var-get #'answer)"));
        Assert.Equal("#'answer", host.Show("#'answer"));
    }

    [Fact]
    public void With_meta_on_collections_and_functions_keeps_equality_and_leaves_the_original_alone()
    {
        host.Eval("(def v [1 2]) (def mv (with-meta v {:k 1})) (def f (with-meta inc {:doc \"plus one\"}))");
        Assert.Equal("[{:k 1} nil true 3 \"plus one\"]", host.Show("[(meta mv) (meta v) (= v mv) (f 2) (:doc (meta f))]"));
        Assert.Equal("[{:a 1} {:a 1} {:a 1} {:a 1, :b 2}]", host.Show("[(meta (with-meta '(1) {:a 1})) (meta (with-meta {} {:a 1})) (meta (with-meta #{} {:a 1})) (meta (vary-meta (with-meta [] {:a 1}) assoc :b 2))]"));
        Assert.Equal("[{:private true} {:tag String} nil]", host.Show("[(meta ^:private [1]) (meta '^String s) (meta (quote ^long [x]))]"));
    }

    [Fact]
    public void Source_prints_a_definition_as_written()
    {
        host.Eval("(defn twice\n  \"Doubles.\"\n  [x] (* 2 x))", "src.zl");
        host.Eval("(source twice)");
        Assert.Equal("(defn twice\n  \"Doubles.\"\n  [x] (* 2 x))\n", host.Out.ToString());
    }
}
