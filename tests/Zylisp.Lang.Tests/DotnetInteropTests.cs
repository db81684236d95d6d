using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>.NET interop on the interpreter (issue 13; docs/design/dotnet-interop.md).</summary>
public class DotnetInteropTests
{
    private readonly LangTestHost host = new();

    [Theory]
    [InlineData("(.ToUpper \"x\")", "\"X\"")]
    [InlineData("(. \"hello\" Substring 1 2)", "\"el\"")]
    [InlineData("(. \"hello\" (Substring 1))", "\"ello\"")]
    [InlineData("[(.Length \"abc\") (.-Length \"abc\")]", "[3 3]")]
    [InlineData("(System.Math/Sqrt 2.0)", "1.4142135623730951")]
    [InlineData("[(System.Math/Sqrt 4) System.Math/PI]", "[2.0 3.141592653589793]")]
    [InlineData("(instance? System.DateTime (System.DateTime/Now))", "true")]
    [InlineData("(.ToString (.Append (System.Text.StringBuilder.) \"a\"))", "\"a\"")]
    [InlineData("(.ToString (new System.Text.StringBuilder \"b\"))", "\"b\"")]
    public void Interop_syntax_calls_dotnet_members(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));

    [Fact]
    public void Str_of_a_dotnet_object_is_its_ToString() =>
        Assert.Equal("\"ab\"", host.Show("(let [sb (System.Text.StringBuilder.)] (.Append sb \"a\") (.Append sb \"b\") (str sb))"));

    [Fact]
    public void Import_gives_short_names_for_constructors_statics_and_instance_checks()
    {
        host.Eval("(import '[System.Text StringBuilder] 'System.Globalization.CultureInfo)");
        Assert.Equal("[\"x\" true \"\"]", host.Show("[(.ToString (StringBuilder. \"x\")) (instance? StringBuilder (new StringBuilder)) (.-Name (CultureInfo/InvariantCulture))]"));
    }

    [Theory]
    [InlineData("(System.Math/Abs -3)", "3")] // Abs(long), not Abs(double)
    [InlineData("(System.Math/Abs -2.5)", "2.5")]
    [InlineData("(System.Math/Max 1 2.5)", "2.5")] // Max(double, double) is the only fit
    [InlineData("(System.String/Join \"-\" [\"a\" \"b\"])", "\"a-b\"")] // a vector as string[]
    [InlineData("(System.String/Format \"{0}/{1}\" 1 :k)", "\"1/:k\"")] // params object[]
    [InlineData("(System.String/Concat \"a\" \"b\")", "\"ab\"")]
    [InlineData("(.IndexOf \"abc\" \"c\")", "2")] // int result → integer
    [InlineData("(.get_Chars \"abc\" 0)", "\"a\"")] // char result → string
    [InlineData("(.Split \"a,b\" \",\")", "[\"a\" \"b\"]")] // array result → vector
    [InlineData("(.Contains \"abc\" \"b\")", "true")]
    public void Overloads_are_chosen_by_argument_types_and_results_convert(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));

    [Fact]
    public void A_missing_member_names_the_type_and_suggests_near_names()
    {
        var error = host.Fails("(.ToUpperr \"x\")", DiagnosticIds.DotnetMemberNotFound);
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean `ToUpper`", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Span!.Line);
        Assert.Equal(1, error.Span.Column);
    }

    [Fact]
    public void Unknown_types_wrong_arguments_and_dotnet_exceptions_are_errors_with_ids()
    {
        Assert.Contains("System.Math", host.Fails("(System.Mathh/Sqrt 2)", DiagnosticIds.DotnetTypeNotFound).Message, StringComparison.Ordinal);
        Assert.Contains("System.Text.StringBuilder", host.Fails("(Stringbuilder.)", DiagnosticIds.DotnetTypeNotFound).Message, StringComparison.Ordinal);
        Assert.Contains("(string)", host.Fails("(System.Math/Sqrt \"x\")", DiagnosticIds.DotnetNoOverload).Message, StringComparison.Ordinal);
        Assert.Contains("FormatException", host.Fails("(System.Int64/Parse \"x\")", DiagnosticIds.DotnetException).Message, StringComparison.Ordinal);
        Assert.Equal(":dotnet-error", host.Show("(try (.Nope 1) (catch e (:type (ex-data e))))"));
        host.Fails("(.ToUpper nil)", DiagnosticIds.BadArgument);
    }

    [Fact]
    public void Locals_and_go_package_names_are_not_interop()
    {
        Assert.Equal("2", host.Show("(let [.x 1] (inc .x))"));
        Assert.Equal("[1]", host.Show("(let [new (fn [x] [x])] (new 1))"));
        host.Fails("(strings.ToUpper \"x\")", DiagnosticIds.UndefinedGlobal);
    }
}
