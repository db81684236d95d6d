using Zylisp.Zast.Ast;
using Zylisp.Zast.Coverage;

namespace Zylisp.Zast.Tests.Coverage;

public class CoverageCollectorTests
{
    [Fact]
    public void ObservesNodeTypesAndFieldStates()
    {
        var expr = new SliceExpr
        {
            X = new Ident { Name = "s" },
            Low = new BasicLit { Kind = Token.Int, Value = "1" },
            Slice3 = false,
        };
        var coverage = new CoverageCollector();
        coverage.Add(expr, "a.go");

        Assert.Equal(1, coverage.Count("SliceExpr"));
        Assert.Equal(1, coverage.Count("SliceExpr.low=set"));
        Assert.Equal(1, coverage.Count("SliceExpr.high=nil"));
        Assert.Equal(1, coverage.Count("SliceExpr.slice3=false"));
        Assert.Equal(1, coverage.Count("BasicLit.kind=INT"));
        Assert.Equal(0, coverage.Count("SliceExpr.slice3=true"));
        Assert.Equal(["a.go"], coverage.FilesWith("Ident"));
        Assert.Contains("SliceExpr.slice3=true", coverage.Missing());
        // Bad* nodes are required (the corpus reaches them through syntax errors); facts no
        // go/parser output can hold are not.
        Assert.Contains("BadExpr", coverage.Missing());
        Assert.DoesNotContain("ImportSpec.endpos=set", coverage.Missing());
    }

    [Fact]
    public void EveryObservableFactIsAKnownFactAndEveryUnreachableFactExists()
    {
        Assert.All(CoverageFacts.Unreachable.Keys, fact => Assert.Contains(fact, CoverageFacts.All));
        Assert.Equal(CoverageFacts.All.Count, CoverageFacts.All.Distinct().Count());
    }

    [Fact]
    public void ObservingAnUnreachableFactIsReported()
    {
        var coverage = new CoverageCollector();
        coverage.Add(new Comment { Text = "" }, "bad.go");
        Assert.Equal(["Comment.text=empty"], coverage.WronglyUnreachable());
    }
}
