using Zylisp.Compiler.Native.Cache;
using Zylisp.Compiler.Native.Emit;
using Zylisp.Lang.Lowering;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The token text lowered forms are cached in (Cache/LoweredFormsWriter, LoweredFormsReader): every
/// tree the library and the typed printer hold reads back as written, and the reader rejects what
/// the writer never writes instead of building part of a tree.
/// </summary>
public sealed class LoweredFormsTests
{
    private static readonly Lazy<IReadOnlyList<LTopLevel>> PrinterForms =
        new(() => [.. NativeLibrary.RoutineForms(TypedRoutines.Entries).Select(Lowerer.Lower)]);

    [NativeFact]
    public void A_false_constant_where_an_expression_stands_reads_back_as_false_not_as_a_function()
    {
        // 'f' was both the constant false and a fn expression: (return false) misread as a fn.
        var forms = NativeRunner.Collect("(defn no [x] false) (defn yes [x] (fn [] x)) (prn (no 1) ((yes 2)))").Forms;
        Assert.Equal(LoweredFormsWriter.Write(forms), LoweredFormsWriter.Write(LoweredFormsReader.Read(LoweredFormsWriter.Write(forms))));
    }

    [NativeFact]
    public void Quoted_data_and_definition_metadata_read_back_as_written()
    {
        var forms = NativeRunner.Collect(
            "(defn ^:private f \"Doc.\" [x] ['(a b/c) [1 2.5 :z/q] {:k #{2 \"s\"} nil false} () {}]) (def ^{:tag 'long} n 3) (prn (f 1) n)").Forms;
        var text = LoweredFormsWriter.Write(forms);
        var read = LoweredFormsReader.Read(text);

        Assert.Equal(text, LoweredFormsWriter.Write(read));
        Assert.Equal(forms.Select(LoweredPrinter.Print), read.Select(LoweredPrinter.Print));
        Assert.Contains("4:Doc.", text[text.IndexOf(" m ", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [NativeFact]
    public void The_printer_forms_read_back_as_the_same_tree()
    {
        var forms = PrinterForms.Value;
        var text = LoweredFormsWriter.Write(forms);
        var read = LoweredFormsReader.Read(text);

        Assert.Equal(text, LoweredFormsWriter.Write(read));
        Assert.Equal(forms.Select(LoweredPrinter.Print), read.Select(LoweredPrinter.Print));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1 ")]
    [InlineData("1 0 ")]
    [InlineData("1 0 1 R z ~ trailing")]
    [InlineData("1 0 1 R z ~ ~ ")]
    [InlineData("2 0 1 R z ~ ")]
    [InlineData("1 0 1 R q ~ ")]
    [InlineData("1 0 99999999 R z ~ ")]
    [InlineData("1 0 1 R l b 0 0 0 ~ ")]
    [InlineData("1 0 1 R l n 1:x 0 ~ 7 0 ~ ")]
    [InlineData("1 0 1 R s 9:abc ~ ")]
    [InlineData("1 0 1 R i 99999999999999999999 ~ ")]
    [InlineData("1 0 1 I z 0 0 5 ~ ")]
    [InlineData("1 0 1 R z q 0 1 1 1 1 0 0 ~ ")]
    [InlineData("1 0 1 R M 2 i 1 i 2 i 1 i 3 ~ ~ ~ ")]
    [InlineData("1 0 1 R S 2 i 1 i 1 ~ ~ ~ ")]
    [InlineData("1 0 1 R y ~ 1:a i 1 ~ ~ ~ ")]
    [InlineData("1 0 1 E d 1:x ~ m i 1 ~ ~ ")]
    public void The_reader_rejects_what_the_writer_never_writes(string payload)
    {
        if (payload == "1 0 1 R z ~ ~ ")
        {
            // The one well-formed payload among them: a form returning nil.
            Assert.Single(LoweredFormsReader.Read(payload));
            return;
        }

        Assert.Throws<FormatException>(() => LoweredFormsReader.Read(payload));
    }
}
