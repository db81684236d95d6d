using Zylisp.Zast.Ast;
using Zylisp.Zast.Parsing;
using Zylisp.Zast.Printing;

namespace Zylisp.Zast.Tests.Printing;

/// <summary>
/// Zylisp's own parser followed by the printer must reproduce gofmt-formatted source exactly;
/// unlike the oracle tests this needs no Go toolchain. The sample was checked with gofmt -l.
/// </summary>
public class ParserRoundTripTests
{
    private const string Sample = """
        // Package sample exercises the printer's layout rules.
        package sample

        import (
        	"fmt"
        	"strings"

        	"example.com/other"
        )

        // Limits of the sample.
        const (
        	Small        = 1 << 3 // a small value
        	Large        = Small * 1000
        	Name         = "sample"
        	Enabled bool = true
        )

        type Point struct {
        	X, Y  int     `json:"x"`
        	Label string  // the point's label
        	Scale float64 /* inline */
        }

        type Shape interface {
        	Area() float64
        	fmt.Stringer
        }

        var table = map[string]Point{
        	"origin": {0, 0, "o", 1},
        	"unit":   {X: 1, Y: 1, Label: "u"},
        }

        func (p *Point) Area() float64 { return 0 }

        func compute(a, b int, xs ...string) (n int, err error) {
        	n = a*b + len(xs)
        	if n > 10 && strings.HasPrefix(xs[0], "x") {
        		return n - 1, nil
        	} else if n == 0 {
        		return 0, fmt.Errorf("empty: %d", a)
        	}
        	for i, x := range xs[1 : len(xs)-1] {
        		switch {
        		case x == "":
        			continue
        		default:
        			n += i
        		}
        	}
        	defer func() {
        		_ = other.Value
        	}()
        	return
        }

        """;

    [Fact]
    public void GofmtFormattedSourceRoundTripsThroughParserAndPrinter()
    {
        var source = Sample.ReplaceLineEndings("\n");
        var fileSet = new FileSet();
        var parsed = GoParser.ParseFile(fileSet, "sample.go", source);
        Assert.True(parsed.Success, parsed.ErrorSummary);
        var printed = GoPrinter.Print(fileSet, parsed.File);
        Assert.True(printed.Success, string.Join("\n", printed.Errors));
        Assert.Equal(source, printed.Text);
    }

    [Fact]
    public void RawFormatSkipsAlignment() // expected text from Go 1.19 go/printer with RawFormat
    {
        var fileSet = new FileSet();
        var parsed = GoParser.ParseFile(fileSet, "raw.go", "package p\n\nconst (\n\ta    = 1\n\tbbbb = 2\n)\n");
        var printed = GoPrinter.Print(fileSet, parsed.File, PrinterOptions.Gofmt with { Mode = PrinterMode.RawFormat });
        Assert.Equal("package p\n\nconst (\n\ta\t= 1\n\tbbbb\t= 2\n)\n", printed.Text);
    }
}
