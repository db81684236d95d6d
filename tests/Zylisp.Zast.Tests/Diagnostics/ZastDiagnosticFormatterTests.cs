using Zylisp.Zast.Diagnostics;

namespace Zylisp.Zast.Tests.Diagnostics;

public class ZastDiagnosticFormatterTests
{
    private static ZastDiagnostic At(string file, int line, int column, string path = "File.decls[0]") =>
        new(ZastDiagnosticCatalog.UnknownNodeType, ZastSeverity.Error, new SourceLocation(file, line, column), path, ["Foo"]);

    [Fact]
    public void The_header_is_followed_by_the_source_line_and_a_caret_under_the_column()
    {
        var formatter = new ZastDiagnosticFormatter("a.zast", "(File\n  :decls ((Foo :x 1)))\n");

        var text = formatter.Format(At("a.zast", 2, 12));

        Assert.Equal(
            "a.zast:2:12: error: File.decls[0]: unknown node type 'Foo' [ZAST2003]\n" +
            " 2 |   :decls ((Foo :x 1)))\n" +
            "   |            ^\n",
            text);
    }

    [Fact]
    public void Without_an_excerpt_or_without_the_text_only_the_header_is_printed()
    {
        var header = "a.zast:1:1: error: unknown node type 'Foo' [ZAST2003]\n";

        Assert.Equal(header, new ZastDiagnosticFormatter("a.zast", "(Foo)").Format(At("a.zast", 1, 1, ""), excerpt: false));
        Assert.Equal(header, new ZastDiagnosticFormatter("a.zast", null).Format(At("a.zast", 1, 1, "")));
    }

    [Fact]
    public void A_location_in_another_file_or_past_the_end_gets_no_excerpt()
    {
        var formatter = new ZastDiagnosticFormatter("a.zast", "(Foo)\n");

        var text = formatter.FormatAll([At("other.zast", 1, 1), At("a.zast", 9, 1), At("a.zast", 1, 99)]);

        var lines = text.Split('\n');
        Assert.StartsWith("other.zast:1:1: error: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("a.zast:9:1: error: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("a.zast:1:99: error: ", lines[2], StringComparison.Ordinal);
        // A column past the end of the line puts the caret just after it rather than failing.
        Assert.Equal(" 1 | (Foo)", lines[3]);
        Assert.Equal("   |      ^", lines[4]);
    }

    [Fact]
    public void Byte_columns_are_mapped_to_characters_and_tabs_are_kept_so_the_caret_lines_up()
    {
        // "é" is two UTF-8 bytes, so Go's column 13 (the second ";") is character index 11.
        var source = "package p\n\tvar é = 1;;\n";
        var formatter = new ZastDiagnosticFormatter("p.go", source, ZastColumnUnit.Utf8Bytes);

        var text = formatter.Format(At("p.go", 2, 13, ""));

        var lines = text.Split('\n');
        Assert.Equal(" 2 | \tvar é = 1;;", lines[1]);
        Assert.Equal("   | \t          ^", lines[2]);
        Assert.Equal(';', source.Split('\n')[1]["\t          ".Length]);
    }
}
