using System.Text.RegularExpressions;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// Keeps docs/language.md complete: every specified name and every global the engine actually
/// defines (except %-prefixed internals) must be documented there, in backticks.
/// </summary>
public class LanguageReferenceTests
{
    private static readonly Lazy<string> Reference =
        new(() => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "language.md")));

    [Fact]
    public void Every_specified_name_is_documented()
    {
        var missing = LanguageSurface.AllNames.Where(name => !IsDocumented(name)).ToList();
        Assert.True(missing.Count == 0, "not documented in docs/language.md: " + string.Join(" ", missing));
    }

    [Fact]
    public void Every_global_the_engine_defines_is_documented()
    {
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, Error = TextWriter.Null });
        var missing = engine.GlobalNames
            .Where(name => !name.StartsWith('%'))
            .Where(name => !IsDocumented(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "defined by the engine but not documented in docs/language.md: " + string.Join(" ", missing));
    }

    [Theory]
    [InlineData("map", true)]
    [InlineData("no-such-function", false)]
    public void A_name_counts_as_documented_only_inside_code_spans(string name, bool documented)
    {
        Assert.Equal(documented, IsDocumented(name));
    }

    // `name`, `(name ...)` or `(name)` as a code span.
    private static bool IsDocumented(string name) =>
        Regex.IsMatch(Reference.Value, "`\\(?" + Regex.Escape(name) + "[ `)]");
}
