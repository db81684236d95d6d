using Zylisp.Lang.Runtime;
using Zylisp.Lang.Runtime.Core;

namespace Zylisp.Lang.Tests;

public class LazyCoreLibraryTests
{
    [Fact]
    public void EachFamilyListsExactlyTheNamesItsFileDefines()
    {
        foreach (var family in CoreLibrary.Families)
        {
            Assert.Equal(family.Names, family.Functions().Select(b => b.Name).ToList());
        }
    }

    [Fact]
    public void NoNameIsInTwoFamilies()
    {
        var names = CoreLibrary.Families.SelectMany(f => f.Names).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AFamilyIsInstalledOnlyWhenOneOfItsNamesIsLookedUp()
    {
        var globals = new GlobalEnvironment();
        globals.AddPending(new LazyCoreLibrary(globals));
        Assert.Empty(globals.Vars);
        Assert.Contains("println", globals.DefinedNames);
        Assert.Contains("+", globals.DefinedNames);

        var println = globals.Find("println");

        Assert.NotNull(println);
        Assert.True(println.IsCore);
        Assert.IsType<Builtin>(println.Value);
        Assert.Contains(globals.Vars, v => v.Name == "prn");
        Assert.DoesNotContain(globals.Vars, v => v.Name == "+");
        Assert.Contains("+", globals.DefinedNames);
        Assert.Equal(
            CoreLibrary.Families.SelectMany(f => f.Names).Order(StringComparer.Ordinal),
            globals.DefinedNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RedefiningABuiltinReplacesItAndKeepsTheOthers()
    {
        var engine = new Engine();
        var result = engine.Eval("(def inc (fn [x] (+ x 10))) [(inc 1) (dec 1)]");
        Assert.True(result.Success);
        Assert.Equal("[11 0]", Zylisp.Lang.Printing.Printer.PrStr(result.Value));
    }
}
