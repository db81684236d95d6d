using FsCheck;
using FsCheck.Fluent;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Building;
using Zylisp.Zast.SExpressions;
using Zylisp.Zast.Writing;

namespace Zylisp.Zast.Tests.Building;

public class RoundTripProperties
{
    [Theory]
    [InlineData(ZastFormat.Pretty)]
    [InlineData(ZastFormat.Compact)]
    public void WriteBuildWriteIsTheIdentityOnRandomTrees(ZastFormat format)
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var tree = new RandomTrees(seed).Node(typeof(Node));
            var text = ZastWriter.WriteNode(tree, format);
            var built = ZastBuilder.BuildNode(text);
            return built.Success && ZastWriter.WriteNode(built.Value, format) == text;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void QuotedStringsReadBackUnchanged()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), value =>
        {
            value ??= "";
            if (value.Any(char.IsSurrogate)) return true; // lone surrogates are replaced by design
            var read = SExprReader.Read(GoString.Quote(value));
            return read.Success && read.Forms is [SString { Value: var back }] && back == value;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TheBuilderNeverThrowsOnMangledText()
    {
        var text = ZastWriter.WriteNode(new RandomTrees(7).Node(typeof(Stmt)), ZastFormat.Compact);
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<int>(), (cut, length) =>
        {
            var start = Math.Abs(cut % Math.Max(1, text.Length));
            var mangled = text.Remove(start, Math.Min(Math.Abs(length % 8), text.Length - start));
            var result = ZastBuilder.BuildNode(mangled);
            return result.Success || result.Diagnostics.Count > 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ProgramsNeverThrowWhenMangled()
    {
        var text = System.IO.File.ReadAllText(Corpus.CoverageCorpus.Get("basics/hello_world.go").ArchivePath);
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<char>(), (cut, length, insert) =>
        {
            var start = Math.Abs(cut % text.Length);
            var mangled = text.Remove(start, Math.Min(Math.Abs(length % 12), text.Length - start)).Insert(start, insert.ToString());
            var result = ZastBuilder.BuildProgram(mangled);
            return result.Success || result.Diagnostics.Count > 0;
        }).QuickCheckThrowOnFailure();
    }
}
