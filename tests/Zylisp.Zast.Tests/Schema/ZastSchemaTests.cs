using System.Reflection;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Schema;
using Zylisp.Zast.Tests.Oracle;

namespace Zylisp.Zast.Tests.Schema;

public class ZastSchemaTests
{
    [Fact]
    public void EveryConcreteNodeClassHasExactlyOneRow()
    {
        var nodeClasses = typeof(Node).Assembly.GetTypes()
            .Where(type => typeof(Node).IsAssignableFrom(type) && !type.IsAbstract)
            .Select(type => type.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(nodeClasses, ZastSchema.Nodes.Select(row => row.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FieldsFollowTheModelsDeclarationOrderAndCoverEverySettableProperty()
    {
        foreach (var row in ZastSchema.Nodes)
        {
            var declared = row.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(property => property.CanWrite)
                .OrderBy(property => property.MetadataToken)
                .Select(property => property.Name);
            Assert.Equal(declared, row.Fields.Select(field => field.Property.Name));
        }
    }

    [Theory]
    [InlineData("BinaryExpr", "x", FieldKind.Node, typeof(Expr))]
    [InlineData("BinaryExpr", "op", FieldKind.Token, null)]
    [InlineData("IfStmt", "else", FieldKind.OptionalNode, typeof(Stmt))]
    [InlineData("File", "decls", FieldKind.NodeList, typeof(Decl))]
    [InlineData("ChanType", "dir", FieldKind.ChanDir, null)]
    [InlineData("Ellipsis", "ellipsis", FieldKind.Pos, null)]
    [InlineData("SliceExpr", "slice3", FieldKind.Bool, null)]
    public void KindsComeFromTheModelsTypes(string node, string field, FieldKind kind, Type? nodeType)
    {
        Assert.True(ZastSchema.TryGet(node, out var row));
        var schema = row.Fields[row.IndexOf(field)];
        Assert.Equal(kind, schema.Kind);
        Assert.Equal(nodeType, schema.NodeType);
    }

    [Fact]
    public void OnlyPositionsThatValidSourceCanOmitAreOptional()
    {
        Assert.True(ZastSchema.TryGet("GenDecl", out var genDecl));
        Assert.True(genDecl.Fields[genDecl.IndexOf("lparen")].IsOptional);
        Assert.False(genDecl.Fields[genDecl.IndexOf("tokpos")].IsOptional);
    }

    [GoFact]
    public void SchemaMatchesTheFieldsTheGoOracleWritesFromGoAst()
    {
        var run = GoOracle.Get().Run(["-schema"]);
        Assert.Equal(0, run.ExitCode);
        var oracle = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ours = ZastSchema.Nodes.Select(row => string.Join(' ', [row.Name, .. row.Fields.Select(field => field.Name)]));
        Assert.Equal(oracle, ours);
    }
}
