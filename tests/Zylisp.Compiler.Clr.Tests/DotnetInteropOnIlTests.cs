using Zylisp.Compiler.Clr.Tests.Support;

namespace Zylisp.Compiler.Clr.Tests;

/// <summary>.NET interop, records and protocols give the same output and errors on IL as on the interpreter (issue 13).</summary>
public class DotnetInteropOnIlTests
{
    [Fact]
    public void Interop_calls_and_their_errors_match_the_interpreter()
    {
        const string source = """
            (import '[System.Text StringBuilder])
            (defn build [n] (let [sb (StringBuilder.)] (dotimes [i n] (.Append sb i)) (str sb)))
            (println (build 5) (.ToUpper "il") (System.Math/Max 1 2.5) System.Math/PI (. "hello" Substring 1 2))
            (println (try (System.Math/Sqrt "x") (catch e (ex-message e))))
            (.Frobnicate "x")
            """;
        var expected = Runs.Source(source, engine: null);
        var actual = Runs.Source(source, new IlEngine());
        Assert.Equal(expected, actual);
        Assert.StartsWith("01234 IL 2.5 3.141592653589793 el\n", actual.Stdout, StringComparison.Ordinal);
        Assert.Contains("ZL5302", actual.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_protocols_and_multimethods_match_the_interpreter()
    {
        const string source = """
            (defprotocol Area (area [s]))
            (defrecord Sq [side] Area (area [_] (* side side)))
            (extend-protocol Area nil (area [_] 0) Number (area [n] n))
            (defmulti kind type)
            (defmethod kind Sq [s] :square)
            (defmethod kind :default [_] :other)
            (prn (->Sq 3) (area (->Sq 3)) (area nil) (area 2.5) (kind (->Sq 1)) (kind 1) (= (->Sq 1) (->Sq 1)))
            (area :k)
            """;
        var expected = Runs.Source(source, engine: null);
        var actual = Runs.Source(source, new IlEngine());
        Assert.Equal(expected, actual);
        Assert.Equal("#user.Sq{:side 3} 9 0 2.5 :square :other true\n", actual.Stdout);
        Assert.Equal(1, actual.ExitCode);
    }
}
