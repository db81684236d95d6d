using Zylisp.Lang.Analysis;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Tests;

/// <summary>
/// Go's spelling of composite types in annotations ([]string, map[string]int, []*T): forms that
/// touch in the source join into one type name, inside annotation clauses only.
/// </summary>
public class GoTypeSpellingTests
{
    private readonly GlobalEnvironment globals = new();

    private FnArity Arity(string coreForm)
    {
        var read = Reader.ReadAll(coreForm, "a.zl");
        Assert.Empty(read.Diagnostics);
        var fn = Assert.IsType<FnNode>(new Analyzer(globals, Truthiness.Clojure).AnalyzeTopLevel(read.Forms[0]).Body);
        return Assert.Single(fn.Arities);
    }

    private Diagnostic Error(string coreForm)
    {
        var read = Reader.ReadAll(coreForm, "a.zl");
        return Assert.Throws<AnalysisException>(() => new Analyzer(globals, Truthiness.Clojure).AnalyzeTopLevel(read.Forms[0])).Diagnostic;
    }

    [Theory]
    [InlineData("[]string", "[]string")]
    [InlineData("map[string]int", "map[string]int")]
    [InlineData("map[string][]int", "map[string][]int")]
    [InlineData("[][]byte", "[][]byte")]
    [InlineData("[]*ast.File", "[]*ast.File")]
    [InlineData("*[]int", "*[]int")]
    [InlineData("map[string]interface{}", "map[string]interface{}")]
    [InlineData("[]map[int64]time.Duration", "[]map[int64]time.Duration")]
    public void A_go_spelling_is_one_type_named_as_written(string spelling, string name)
    {
        var arity = Arity("(fn {:args [integer " + spelling + " string]} ([a b c] a))");
        Assert.Equal(["integer", name, "string"], arity.ParamTypes.Select(t => t!.Name));
        Assert.Equal(TypeKind.Any, arity.ParamTypes[1]!.Kind);
    }

    [Fact]
    public void The_unquoted_and_the_quoted_spelling_give_the_same_annotation()
    {
        var unquoted = Arity("(fn {:args [[]string map[string]int]} ([a b] a))");
        var quoted = Arity("(fn {:args [\"[]string\" \"map[string]int\"]} ([a b] a))");
        Assert.Equal(quoted.ParamTypes.Select(t => t!.Name), unquoted.ParamTypes.Select(t => t!.Name));
        Assert.Equal(quoted.ParamTypes.Select(t => t!.Kind), unquoted.ParamTypes.Select(t => t!.Kind));
    }

    [Fact]
    public void A_return_type_written_as_several_forms_comes_as_a_list_of_them()
    {
        // deffunc passes (:return []string) as the list of its forms, which still touch.
        Assert.Equal("[]string", Arity("(fn {:return ([]string)} ([a] a))").ReturnType!.Name);
        Assert.Equal("integer", Arity("(fn {:return integer} ([a] a))").ReturnType!.Name);
    }

    [Fact]
    public void Annotations_without_touching_collections_keep_their_meaning()
    {
        var arity = Arity("(fn {:args [int float64 string bool any *ast.File time.Duration]} ([a b c d e f g] a))");
        Assert.Equal(["int", "float64", "string", "bool", "any", "*ast.File", "time.Duration"], arity.ParamTypes.Select(t => t!.Name));
    }

    [Theory]
    [InlineData("(fn {:args [[] string]} ([a] a))", 13, "[] must be followed by the element type")]
    [InlineData("(fn {:args [[]]} ([a] a))", 13, "[] must be followed by the element type")]
    [InlineData("(fn {:args [[4]int]} ([a] a))", 13, "array types")]
    [InlineData("(fn {:args [map[string]]} ([a] a))", 16, "map[K] must be followed by the value type")]
    [InlineData("(fn {:args [[]int[]int]} ([a b] a))", 18, "is a whole type")]
    [InlineData("(fn {:args [map[a b]int]} ([a] a))", 16, "one key type")]
    [InlineData("(fn {:return ([]string integer)} ([a] a))", 15, "must name one type")]
    public void A_broken_go_spelling_is_reported_at_its_form(string form, int column, string message)
    {
        var d = Error(form);
        Assert.Equal(DiagnosticIds.BadAnnotation, d.Id);
        Assert.Equal(column, d.Span!.Column);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Touching_forms_outside_annotations_are_still_separate_forms()
    {
        var read = Reader.ReadAll("[[]string map[string]int]", "a.zl");
        Assert.Equal(5, Assert.IsType<Zylisp.Lang.Data.PersistentVector>(read.Forms[0]).Count);
    }
}
