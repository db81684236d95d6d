using System.Reflection;
using Zylisp.Zast.Diagnostics;

namespace Zylisp.Zast.Tests.Diagnostics;

public class ZastDiagnosticCatalogTests
{
    private static readonly string[] DeclaredIds = typeof(ZastDiagnosticCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void EveryIdIsUniqueAndHasAMessage()
    {
        Assert.Equal(DeclaredIds.Length, DeclaredIds.Distinct().Count());
        Assert.Equal(DeclaredIds.Order(StringComparer.Ordinal), ZastDiagnosticCatalog.Ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void IdsFollowThePhaseRanges()
    {
        Assert.All(DeclaredIds, id => Assert.Matches("^ZAST[1-4][0-9]{3}$", id));
    }

    [Fact]
    public void DiagnosticsRenderFileLineColumnIdPathAndMessage()
    {
        var diagnostic = new ZastDiagnostic(ZastDiagnosticCatalog.UnknownNodeType, ZastSeverity.Error, new SourceLocation("a.zast", 3, 7), "File.decls[0]", ["Foo"]);
        Assert.Equal("a.zast:3:7: error: File.decls[0]: unknown node type 'Foo' [ZAST2003]", diagnostic.ToString());
    }
}
