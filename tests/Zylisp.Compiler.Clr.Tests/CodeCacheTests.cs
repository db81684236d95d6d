using Zylisp.Lang;

namespace Zylisp.Compiler.Clr.Tests;

public class CodeCacheTests
{
    [Fact]
    public void Evaluating_an_unchanged_definition_again_reuses_its_code()
    {
        var il = new IlEngine();
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, CreateExecutionEngine = () => il });
        const string definition = "(defn area [w h] (* w h))";
        Assert.True(engine.Eval(definition, "shapes.zl").Success);
        int before = il.Compiler.CacheHits;
        Assert.True(engine.Eval(definition, "shapes.zl").Success);
        Assert.Equal(before + 1, il.Compiler.CacheHits);
        Assert.Equal(12L, engine.Eval("(area 3 4)").Value);

        Assert.True(engine.Eval("(defn area [w h] (+ w h))", "shapes.zl").Success);
        Assert.Equal(before + 1, il.Compiler.CacheHits);
        Assert.Equal(7L, engine.Eval("(area 3 4)").Value);
    }

    [Fact]
    public void The_same_text_at_another_place_is_compiled_again_so_traces_name_the_right_line()
    {
        var il = new IlEngine();
        var engine = new Engine(new EngineOptions { Out = TextWriter.Null, CreateExecutionEngine = () => il });
        Assert.True(engine.Eval("(defn f [x] (+ x 1))", "a.zl").Success);
        int before = il.Compiler.CacheHits;
        Assert.True(engine.Eval("\n(defn f [x] (+ x 1))", "a.zl").Success);
        Assert.Equal(before, il.Compiler.CacheHits);
    }
}
