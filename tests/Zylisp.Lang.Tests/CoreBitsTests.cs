using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Tests;

/// <summary>The bit-operation family (Runtime/Core/CoreBits.cs) and the prelude functions over it.</summary>
public class CoreBitsTests
{
    private readonly LangTestHost host = new();

    [Theory]
    [InlineData("[(bit-and 12 10) (bit-and 12 10 6) (bit-or 12 10) (bit-or 1 2 4 8) (bit-xor 12 10) (bit-xor 12 10 6)]", "[8 0 14 15 6 0]")]
    [InlineData("[(bit-and -8 -3) (bit-or -16 5) (bit-xor -1 5) (bit-not 0) (bit-not -6)]", "[-8 -11 -6 -1 5]")]
    [InlineData("[(bit-shift-left 1 63) (bit-shift-left 3 64) (bit-shift-left 3 65) (bit-shift-left 1 -1) (bit-shift-left -3 4)]", "[-9223372036854775808 3 6 -9223372036854775808 -48]")]
    [InlineData("[(bit-shift-right -1024 3) (bit-shift-right -1 63) (bit-shift-right -100 64) (bit-shift-right -100 65)]", "[-128 -1 -100 -50]")]
    [InlineData("[(unsigned-bit-shift-right -1 1) (unsigned-bit-shift-right -1 63) (unsigned-bit-shift-right -1 64) (unsigned-bit-shift-right -1 65)]", "[9223372036854775807 1 -1 9223372036854775807]")]
    [InlineData("[(bit-test 5 2) (bit-test 5 1) (bit-set 0 63) (bit-clear -1 63) (bit-flip -1 0) (bit-and-not -1 1 2 4)]", "[true false -9223372036854775808 9223372036854775807 -2 -8]")]
    public void Bit_operations_compute_clojure_results_on_64_bit_integers(string source, string expected) =>
        Assert.Equal(expected, host.Show(source));

    [Theory]
    [InlineData("(bit-and 12 1.5)", "bit-and", "`bit-and` expects an integer, got float 1.5")]
    [InlineData("(bit-or 1 2 nil)", "bit-or", "`bit-or` expects an integer, got nil")]
    [InlineData("(bit-xor \"1\" 2)", "bit-xor", "`bit-xor` expects an integer, got string \"1\"")]
    [InlineData("(bit-not 2.0)", "bit-not", "`bit-not` expects an integer, got float 2.0")]
    [InlineData("(bit-shift-left 1 nil)", "bit-shift-left", "`bit-shift-left` expects an integer, got nil")]
    [InlineData("(unsigned-bit-shift-right 1.0 1)", "unsigned-bit-shift-right", "`unsigned-bit-shift-right` expects an integer, got float 1.0")]
    // A prelude function over the primitives is blamed by its own name (issue 14).
    [InlineData("(bit-test 1.5 0)", "bit-test", "`bit-test` expects an integer, got float 1.5")]
    public void A_non_integer_argument_is_a_type_error_naming_the_function(string source, string blamed, string message)
    {
        var d = host.Fails(source, DiagnosticIds.WrongType);
        Assert.Equal(blamed, d.Args[0]);
        Assert.Equal(message, d.Message);
    }

    [Theory]
    [InlineData("(bit-and 1)")]
    [InlineData("(bit-not 1 2)")]
    [InlineData("(bit-shift-left 1)")]
    public void Wrong_argument_counts_are_arity_errors(string source) => host.Fails(source, DiagnosticIds.WrongArity);

    [Theory]
    [InlineData("bit-and bit-or bit-xor bit-not bit-shift-left bit-shift-right unsigned-bit-shift-right bit-test bit-set bit-clear bit-flip bit-and-not")]
    public void Every_bit_operation_has_documentation(string names)
    {
        foreach (var name in names.Split(' '))
        {
            var doc = host.Engine.Doc(name);
            Assert.True(doc is not null && !doc.Contains("(no docstring)", StringComparison.Ordinal), "no doc for " + name);
        }
    }
}
