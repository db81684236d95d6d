using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Parsing;

namespace Zylisp.Zast.Tests.Parsing;

/// <summary>The parser never throws: random bytes and randomly damaged Go sources give a tree and sorted errors.</summary>
public class GoParserPropertyTests
{
    private const string Seed = """
        //go:build go1.21

        // Package p is a seed for mutations.
        package p

        import (
        	"fmt" // line
        	x "os"
        )

        type List[T any, P interface{ ~int | ~string }] struct {
        	items []T `json:"items"`
        	*Embedded
        }

        func (l *List[T, P]) Push(v T) { l.items = append(l.items, v) }

        func f(a, b int, c ...string) (r int, err error) {
        L:
        	for i := 0; i < 10; i++ {
        		switch v := any(i).(type) {
        		case int:
        			continue L
        		default:
        			_ = v
        		}
        	}
        	for k, v := range map[string]int{"a": 1} {
        		go func() { fmt.Println(k, v) }()
        	}
        	select {
        	case ch <- 1:
        	case v, ok := <-ch:
        		_, _ = v, ok
        	}
        	s := []int{1, 2, 3}[1:2:3]
        	defer x.Exit(len(s))
        	return 0x1p-2 + 'a' + `raw`, nil /* block
        	comment */
        }
        """;

    private static readonly byte[] SeedBytes = Encoding.UTF8.GetBytes(Seed);

    private static bool ParsesCleanly(byte[] source)
    {
        var fset = new FileSet();
        var result = GoParser.ParseFile(fset, "fuzz.go", source);
        var file = fset.Files[0];
        for (var i = 1; i < result.Errors.Count; i++)
        {
            if (result.Errors[i - 1].CompareTo(result.Errors[i]) > 0) return false;
        }
        // Every recorded line start lies inside the file, in increasing order.
        for (var i = 1; i < file.Lines.Count; i++)
        {
            if (file.Lines[i] <= file.Lines[i - 1] || file.Lines[i] >= Math.Max(1, file.Size)) return false;
        }
        return result.Errors.All(error => error.Position.Line >= 1 && error.Position.Column >= 1);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => ParsesCleanly(bytes))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RandomTextAfterPackageClauseNeverThrows()
    {
        var tokens = new[] { "(", ")", "[", "]", "{", "}", ",", ";", ":", "...", ".", "*", "<-", "~", "|", "=", ":=", "func", "type",
            "chan", "map", "struct", "interface", "for", "range", "if", "else", "switch", "case", "default", "select", "go", "x", "T",
            "1", "\"s\"", "'c'", "`r`", "\n", " ", "//c\n", "/*c*/", "/*\n*/", "var", "const", "import", "return", "goto", "\u00e9", "\0" };
        var gen = Gen.ListOf(Gen.Elements(tokens)).Select(parts => Encoding.UTF8.GetBytes("package p\n" + string.Concat(parts)));
        Prop.ForAll(gen.ToArbitrary(), source => ParsesCleanly(source))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void DamagedGoSourceNeverThrows()
    {
        // Delete a span, insert a span copied from elsewhere, or overwrite a byte.
        var gen =
            from kind in Gen.Choose(0, 2)
            from at in Gen.Choose(0, SeedBytes.Length - 1)
            from length in Gen.Choose(1, 40)
            from source in Gen.Choose(0, SeedBytes.Length - 1)
            from value in Gen.Choose(0, 255)
            select Mutate(kind, at, length, source, (byte)value);
        Prop.ForAll(gen.ToArbitrary(), source => ParsesCleanly(source))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    private static byte[] Mutate(int kind, int at, int length, int from, byte value)
    {
        var bytes = new List<byte>(SeedBytes);
        switch (kind)
        {
            case 0:
                bytes.RemoveRange(at, Math.Min(length, bytes.Count - at));
                break;
            case 1:
                bytes.InsertRange(at, SeedBytes.Skip(from).Take(length));
                break;
            default:
                bytes[at] = value;
                break;
        }
        return bytes.ToArray();
    }
}
