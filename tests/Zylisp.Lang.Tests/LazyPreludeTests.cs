namespace Zylisp.Lang.Tests;

/// <summary>
/// Coordinator issue "CLI start-up is 4x a C# hello world": the prelude is loaded one definition
/// at a time on first reference (Prelude/LazyPrelude.cs). Semantics must be as if it were eager.
/// </summary>
public class LazyPreludeTests
{
    private readonly LangTestHost host = new();

    [Fact]
    public void Cli_startup_prelude_names_are_listed_and_documented_before_any_use()
    {
        var names = host.Engine.GlobalNames.ToList();
        Assert.Contains("when", names);
        Assert.Contains("sort-by", names);
        Assert.Contains("println", names);
        Assert.DoesNotContain(names, n => n.StartsWith('%'));
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Contains("nil", host.Engine.Doc("some?") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_startup_prelude_definitions_load_on_first_reference_with_their_dependencies()
    {
        Assert.Equal("{:a 1, :b 2}", host.Show("(zipmap [:a :b] [1 2])"));
        Assert.Equal(2L, host.Eval("(some (fn [x] (when (even? x) x)) [1 2 3])"));
        Assert.Equal("(2 4)", host.Show("(filter even? (range 1 5))"));
    }

    [Fact]
    public void Cli_startup_redefining_a_prelude_macro_does_not_change_prelude_functions_loaded_later()
    {
        // Eagerly, `some` was expanded with the prelude's `when` and `or`; a user's later
        // redefinition must not leak into it even though `some` had not been used yet.
        host.Eval("(defmacro when [& _] :redefined) (defmacro or [& _] :redefined)");
        Assert.Equal(2L, host.Eval("(some (fn [x] (if (even? x) x nil)) [1 2 3])"));
        Assert.Equal(":redefined", host.Show("(when true 1)"));
    }

    [Fact]
    public void Cli_startup_every_prelude_definition_loads_without_errors()
    {
        // Looking every name up loads it; a prelude bug would have thrown InvalidOperationException.
        foreach (var name in host.Engine.GlobalNames.ToList())
        {
            host.Engine.Doc(name);
        }

        Assert.Contains("sort-by", host.Engine.GlobalNames);

        Assert.Equal(10L, host.Eval("(reduce + (map inc (range 4)))"));
    }
}
