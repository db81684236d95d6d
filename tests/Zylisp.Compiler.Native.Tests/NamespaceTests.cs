namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Multi-file programs natively (issue 13): namespaces are resolved in the front end, so a native
/// build compiles every required file into the one executable, aliases and privacy included.
/// </summary>
public sealed class NamespaceTests
{
    [NativeFact]
    public void A_program_in_several_files_builds_into_one_executable()
    {
        var root = Path.Combine(Path.GetTempPath(), "zylisp-ns-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "app"));
        try
        {
            File.WriteAllText(Path.Combine(root, "app", "util.zl"), """
                (ns app.util)
                (defn greet [n] (str "hello, " n))
                (defn- secret [] 42)
                (defn answer [] (secret))
                """);
            var main = Path.Combine(root, "app", "main.zl");
            var source = """
                (ns app.main (:require [app.util :as u] [clojure.string :as str]))
                (defn -main [& args]
                  (println (u/greet "native") (u/answer) (str/join "," [1 2]))
                  (count args))
                """;
            File.WriteAllText(main, source);
            var outcome = NativeRunner.CompileAndRun(source, main, ExitRule.CallMain, "a", "b");
            Assert.Equal("hello, native 42 1,2\n", outcome.Stdout);
            Assert.Equal(2, outcome.ExitCode);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
