using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>defrecord, defprotocol and defmulti (issue 13; docs/design/records-and-protocols.md).</summary>
public class RecordsAndProtocolsTests
{
    private readonly LangTestHost host = new();

    [Theory]
    [InlineData("(do (defrecord P [x y]) (->P 1 2))", "#user.P{:x 1, :y 2}")]
    [InlineData("(do (defrecord P [x y]) [(:x (->P 1 2)) (get (->P 1 2) :y) (count (->P 1 2))])", "[1 2 2]")]
    [InlineData("(do (defrecord P [x y]) [(assoc (->P 1 2) :x 3) (assoc (->P 1 2) :z 3)])", "[#user.P{:x 3, :y 2} #user.P{:x 1, :y 2, :z 3}]")]
    [InlineData("(do (defrecord P [x y]) [(dissoc (->P 1 2) :x) (record? (dissoc (assoc (->P 1 2) :z 0) :z))])", "[{:y 2} true]")]
    [InlineData("(do (defrecord P [x y]) (defrecord Q [x y]) [(= (->P 1 2) (->P 1 2)) (= (->P 1 2) (->Q 1 2)) (= (->P 1 2) {:x 1 :y 2})])", "[true false false]")]
    [InlineData("(do (defrecord P [x y]) [(hash (->P 1 2)) (get {(->P 1 2) :v} (->P 1 2))])", null)]
    [InlineData("(do (defrecord P [x y]) [(record? (->P 1 2)) (record? {}) (map? (->P 1 2)) (type (->P 1 2)) P])", "[true false true :user.P :user.P]")]
    [InlineData("(do (defrecord P [x y]) (map->P {:y 2 :x 1 :w 0}))", "#user.P{:x 1, :y 2, :w 0}")]
    public void Records_behave_as_typed_maps(string source, string? expected)
    {
        var shown = host.Show(source);
        if (expected is not null)
        {
            Assert.Equal(expected, shown);
        }
        else
        {
            Assert.EndsWith(" :v]", shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Typed_record_fields_are_checked_by_the_constructors()
    {
        host.Eval("(defrecord Account [owner balance] (:fields string integer))");
        Assert.Equal("#user.Account{:owner \"a\", :balance 1}", host.Show("(->Account \"a\" 1)"));
        var error = host.Fails("(->Account \"a\" \"lots\")", DiagnosticIds.TypeAnnotationMismatch);
        Assert.Contains("`balance` must be integer", error.Message, StringComparison.Ordinal);
        host.Fails("(map->Account {:owner 1 :balance 1})", DiagnosticIds.TypeAnnotationMismatch);
    }

    [Fact]
    public void Protocol_methods_dispatch_on_the_first_argument_type()
    {
        host.Eval("""
            (defprotocol Shape (area [s]) (label [s] [s prefix]))
            (defrecord Sq [side] Shape (area [_] (* side side)) (label [s] "sq") (label [s p] (str p (label s))))
            (extend-protocol Shape
              nil (area [_] 0)
              String (area [s] (count s))
              Number (area [n] n)
              IPersistentCollection (area [c] (count c))
              Object (label [x] "thing"))
            """);
        Assert.Equal("[4 0 3 7 2.5 2 2 \"sq\" \"> sq\" \"thing\"]", host.Show("[(area (->Sq 2)) (area nil) (area \"abc\") (area 7) (area 2.5) (area [1 2]) (area #{1 2}) (label (->Sq 1)) (label (->Sq 1) \"> \") (label 1)]"));
        Assert.Equal("[true true true]", host.Show("[(satisfies? Shape \"s\") (satisfies? Shape :k) (satisfies? Shape 's)]"));
    }

    [Fact]
    public void A_missing_protocol_implementation_names_the_protocol_and_the_type()
    {
        host.Eval("(defprotocol Shape (area [s]))");
        var error = host.Fails("(area :k)", DiagnosticIds.UncaughtThrow);
        Assert.Contains("method area of protocol user.Shape for type keyword", error.Message, StringComparison.Ordinal);
        Assert.Equal(":protocol-error", host.Show("(try (area 1) (catch e (:type (ex-data e))))"));
    }

    [Fact]
    public void Multimethods_dispatch_on_any_function_with_a_default()
    {
        host.Eval("""
            (defmulti kind (fn [x y] (if (= (type x) (type y)) :same :mixed)))
            (defmethod kind :same [x y] "same")
            (defmulti speak :sound)
            (defmethod speak :woof [a] "dog")
            (defmethod speak :default [a] "?")
            """);
        Assert.Equal("[\"same\" \"dog\" \"?\"]", host.Show("[(kind 1 2) (speak {:sound :woof}) (speak {})]"));
        var error = host.Fails("(kind 1 \"a\")", DiagnosticIds.UncaughtThrow);
        Assert.Contains("multimethod kind for dispatch value :mixed (first argument of type integer)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_methods_see_fields_unless_a_parameter_shadows_them()
    {
        host.Eval("(defprotocol G (g [this x])) (defrecord R [x y] G (g [this x] [x y]))");
        Assert.Equal("[:param 2]", host.Show("(g (->R 1 2) :param)"));
    }
}
