using Zylisp.Lang.Lowering;
using Zylisp.Zast.Ast;
using static Zylisp.Compiler.Go.Emit.GoSyntax;
using CallExpr = Zylisp.Lang.Lowering.CallExpr;
using GoIf = Zylisp.Zast.Ast.IfStmt;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>
/// Calls of Go package functions: <c>(fmt.Println "x")</c> and <c>(fmt/Println "x")</c>. The
/// package is imported automatically (or named by <c>(import "path")</c>); arguments and
/// results convert at the call through the runtime's reflection bridge (rt.GoCall), see
/// docs/design/go-backend.md. Each call carries its Zylisp location, so a failing or wrong call
/// reports it, and a Go build error at the call can be traced back to it.
/// </summary>
internal sealed class GoInterop(ProgramEmitter program, string sourceFile)
{
    /// <summary>Standard packages known by their last path element.</summary>
    private static readonly Dictionary<string, string> KnownPackages = new()
    {
        ["fmt"] = "fmt", ["strings"] = "strings", ["strconv"] = "strconv", ["math"] = "math", ["os"] = "os",
        ["time"] = "time", ["sort"] = "sort", ["unicode"] = "unicode", ["bytes"] = "bytes", ["path"] = "path",
        ["filepath"] = "path/filepath", ["errors"] = "errors", ["regexp"] = "regexp", ["rand"] = "math/rand",
        ["utf8"] = "unicode/utf8", ["bits"] = "math/bits", ["hex"] = "encoding/hex", ["json"] = "encoding/json",
        ["base64"] = "encoding/base64", ["sha256"] = "crypto/sha256", ["html"] = "html", ["url"] = "net/url",
        ["cmplx"] = "math/cmplx", ["big"] = "math/big",
    };

    private readonly Dictionary<string, string> imported = [];

    /// <summary>Import paths the generated file needs.</summary>
    public IEnumerable<string> Imports => imported.Values.Distinct();

    /// <summary>Locations of interop calls by their marker, to map Go build errors back to Zylisp source.</summary>
    public Dictionary<string, Zylisp.Lang.Syntax.SourceSpan?> CallSites { get; } = [];

    /// <summary>True for names of the form pkg.Func or pkg/Func (an exported Go name after a package name).</summary>
    public static bool IsGoName(string name)
    {
        var (package, function) = Split(name);
        return package is not null && function.Length > 0 && char.IsAsciiLetterUpper(function[0])
            && package.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) && !name.StartsWith("Math/", StringComparison.Ordinal);
    }

    private static (string? Package, string Function) Split(string name)
    {
        int i = name.IndexOfAny(['.', '/']);
        return i <= 0 ? (null, name) : (name[..i], name[(i + 1)..]);
    }

    /// <summary>Records <c>(import "path")</c>.</summary>
    public void Import(string path)
    {
        var last = path[(path.LastIndexOf('/') + 1)..];
        imported[last] = path;
        program.Names.Reserve(last);
    }

    public GoExpr Call(string name, CallExpr call, IReadOnlyList<GoExpr> args)
    {
        var (package, function) = Split(name);
        if (!imported.TryGetValue(package!, out var path))
        {
            if (!KnownPackages.TryGetValue(package!, out path))
            {
                throw new GoCompileException(GoDiagnostics.UnknownGoPackage(name, package!, call.Span));
            }

            imported[package!] = path;
            program.Names.Reserve(package!);
        }

        var where = call.Span is { Line: > 0 } s ? s.ToString() : sourceFile;
        CallSites[where] = call.Span;
        var goName = package + "." + function;
        return new GoExpr(RtCall("GoCall", [GoSyntax.Str(goName), GoSyntax.Str(where), Sel(package!, function), .. args.Select(a => a.Node)]), GoType.Dynamic);
    }
}
