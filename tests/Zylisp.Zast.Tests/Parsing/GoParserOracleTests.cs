using System.Text;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Parsing;
using Zylisp.Zast.Tests.Oracle;
using Zylisp.Zast.Writing;

namespace Zylisp.Zast.Tests.Parsing;

/// <summary>
/// Snippets aimed at go/parser's tricky corners — the type-parameter ambiguity, comment
/// grouping, semicolon insertion around comments — and at its error paths. Each must give the
/// oracle's canonical text byte for byte, or exactly the oracle's error list.
/// </summary>
/// <remarks>
/// The oracle runs Go 1.19's go/parser; where Go 1.22 (which this parser follows) differs —
/// <c>P(C)</c> constraints keep their parentheses, and the go/defer and 3-index slice messages
/// changed — the cases are asserted in <see cref="GoParserTests"/> instead.
/// </remarks>
public class GoParserOracleTests
{
    public static readonly (string Name, string Source)[] Snippets =
    [
        ("generic_types", """
            package p

            type A[P any] struct{ x P }
            type B[P *C] struct{}
            type C[P *C,] struct{}
            type D[P (C)] struct{}
            type E[N] int
            type F[N * M] int
            type G[P *T | U] int
            type H[P ~int | ~string, Q interface{ ~[]P }] []Q
            type I[P []int] P
            type K [N + 1]int
            type L[P, Q any] map[P]Q
            type M = N[int, string]

            func f[T any, U comparable](x T, y ...U) (r T) { return x }
            func g() { _ = f[int, string]; _ = A[int]{}; var _ L[int, int]; x := y[z](w) }
            """),
        ("comments", """
            // Package doc.
            package p // line

            /* block */ import "fmt" // after import

            // Doc for T.
            type T struct {
            	// Doc for a.
            	a int // line a
            	b, c string `tag` /* line b */

            	// floating

            	d int
            }

            /*
            multi
            */
            func f() { // brace
            	x := 1 /* a
            	b */
            	_ = x // end
            	// before close
            }

            var (
            	// doc v
            	v = 1 // comment v
            	w int; // after explicit semicolon
            )
            // trailing
            """),
        ("statements", """
            package p

            func f(ch chan int, m map[string]int) {
            L:
            	for i := 0; i < 10; i++ {
            		if i%2 == 0 {
            			continue L
            		} else if i > 5 {
            			break
            		} else {
            			goto L
            		}
            	}
            	for range ch {
            	}
            	for k, v := range m {
            		_, _ = k, v
            	}
            	switch x := 1; x {
            	case 1, 2:
            		fallthrough
            	default:
            	}
            	switch y := interface{}(1).(type) {
            	case int, string:
            		_ = y
            	}
            	select {
            	case v := <-ch:
            		_ = v
            	case ch <- 1:
            	default:
            	}
            	go func() {}()
            	defer f(nil, nil)
            	var c <-chan <-chan int
            	_ = c
            	x := []int{1, 2, 3}[1:2:3]
            	x[0]++
            	;
            	{
            	}
            }
            """),
        ("expressions", """
            package p

            var (
            	a = 1 + 2*3 - -4 ^ 5&^6<<7
            	b = !true || false && 1 <= 2
            	c = &struct{ x, y int }{1, 2}
            	d = [...]string{0: "a", 2: "b"}
            	e = map[string][]int{"k": {1}}
            	f = func(x int) int { return x }(1)
            	g = x.(*T).y[1:][:2]
            	h = 'a' + '\n' + 1.5e3 + 0x1p-2 + 1i + 0b101 + 0o17 + 017 + 1_000
            	i = `raw
            string`
            	j = (*T)(nil)
            	k = <-ch
            	l = chan<- chan int(nil)
            )
            """),
        ("go_build", """
            //go:build linux && (go1.18 || go1.21) && !go1.30

            package p
            """),
        ("err_missing_brace", "package p\n\nfunc f() {\n\tx := 1\n"),
        ("err_unexpected_token", "package p\n\nfunc f() {\n\tx := )\n}\n"),
        ("err_no_package", "func f() {}\n"),
        ("err_bad_decl", "package p\n\nx := 1\n"),
        ("err_missing_comma", "package p\n\nvar x = f(1,\n\t2\n)\n"),
        ("err_bad_string", "package p\n\nvar s = \"abc\nvar t = 'ab'\n"),
        ("err_bad_number", "package p\n\nvar n = 0x + 09 + 1__0 + 0b2\n"),
        ("err_bad_char", "package p\n\nvar x = 1 @ 2\n"),
        ("err_type_params", "package p\n\nfunc f[]() {}\ntype T[P] int\nfunc (r T) m[P any]() {}\n"),
        ("err_if", "package p\n\nfunc f() {\n\tif x := 1 {\n\t}\n\tif {\n\t}\n}\n"),
        ("err_many", "package p\n\nfunc f() {\n\ta b\n\tc d\n\te f\n\tg h\n\ti j\n\tk l\n\tm n\n\to p\n\tq r\n\ts t\n\tu v\n\tw x\n\ty z\n}\n"),
        ("err_comment", "package p\n\n/* unterminated\n"),
        ("err_composite_in_if", "package p\n\nfunc f() {\n\tif x == T{} {\n\t}\n}\n"),
        ("err_label", "package p\n\nfunc f() {\n\ta.b: x()\n}\n"),
        ("err_range", "package p\n\nfunc f() {\n\tfor a, b, c := range x {\n\t}\n}\n"),
        ("err_nul", "package p\n\nvar s = \"a\u0000b\"\n"),
    ];

    [GoFact]
    public void SnippetsMatchTheOracle()
    {
        var dir = Directory.CreateTempSubdirectory("zast-parser-snippets-").FullName;
        try
        {
            var paths = new List<string>();
            foreach (var (name, source) in Snippets)
            {
                var path = Path.Combine(dir, name + ".go");
                System.IO.File.WriteAllText(path, source);
                paths.Add(path);
            }
            var oracle = GoOracle.Get().Archive(paths, dir);
            var failures = new StringBuilder();
            foreach (var (name, source) in Snippets)
            {
                var fileName = name + ".go";
                var fset = new FileSet();
                var result = GoParser.ParseFile(fset, fileName, Encoding.UTF8.GetBytes(source));
                var expected = oracle[fileName];
                var actualErrors = result.Success ? null : ParserComparison.ErrorList(result.Errors);
                if (actualErrors != expected.Errors)
                {
                    failures.AppendLine($"{name}: errors differ\n  expected: {expected.Errors?.Replace("\n", "\n            ")}\n  actual:   {actualErrors?.Replace("\n", "\n            ")}");
                    continue;
                }
                // With errors too: the partial tree go/parser returns is part of its behaviour.
                if (expected.Zast is null) continue;
                var actual = ZastWriter.Write(new Zylisp.Zast.Ast.Program { FileSet = fset, Files = [result.File] });
                if (ParserComparison.Diff(expected.Zast, actual) is { } diff) failures.AppendLine($"{name}: {diff}");
            }
            Assert.True(failures.Length == 0, failures.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
