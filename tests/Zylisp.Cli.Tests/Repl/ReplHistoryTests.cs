using FsCheck;
using FsCheck.Fluent;
using Zylisp.Cli.Repl;
using Zylisp.Cli.Tests.Support;

namespace Zylisp.Cli.Tests.Repl;

public class ReplHistoryTests
{
    [Fact]
    public void Entries_are_appended_to_the_file_in_HOME_and_read_back_by_the_next_session()
    {
        var home = TempHome.Create();
        var first = ReplHistory.Open(name => name == "HOME" ? home : null);
        first.Add("(def x 1)");
        first.Add("(+ x 2)");

        var second = ReplHistory.Open(name => name == "HOME" ? home : null);

        Assert.Equal(Path.Combine(home, ".zylisp_history"), second.Path);
        Assert.Equal(["(def x 1)", "(+ x 2)"], second.Entries);
    }

    [Fact]
    public void Blank_lines_and_immediate_repeats_are_not_recorded()
    {
        var history = ReplHistory.Load(Path.Combine(TempHome.Create(), ".zylisp_history"));

        Assert.True(history.Add("(f)"));
        Assert.False(history.Add("(f)"));
        Assert.False(history.Add("   "));
        Assert.True(history.Add("(g)"));
        Assert.True(history.Add("(f)"));
        Assert.Equal(["(f)", "(g)", "(f)"], history.Entries);
    }

    [Fact]
    public void Loading_keeps_only_the_newest_entries()
    {
        var path = Path.Combine(TempHome.Create(), ".zylisp_history");
        File.WriteAllLines(path, Enumerable.Range(0, ReplHistory.MaxEntries + 10).Select(i => $"(entry {i})"));

        var history = ReplHistory.Load(path);

        Assert.Equal(ReplHistory.MaxEntries, history.Entries.Count);
        Assert.Equal("(entry 10)", history.Entries[0]);
        Assert.Equal(ReplHistory.MaxEntries, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void An_unwritable_history_location_does_not_fail()
    {
        var history = ReplHistory.Load(Path.Combine(TempHome.Create(), "missing-folder", ".zylisp_history"));

        Assert.True(history.Add("(still works)"));
        Assert.Equal(["(still works)"], history.Entries);
    }

    [Fact]
    public void A_multi_line_entry_is_one_line_of_the_file_and_comes_back_whole()
    {
        var home = TempHome.Create();
        var first = ReplHistory.Open(name => name == "HOME" ? home : null);
        first.Add("(defn f [x]\n  (str \"a\\nb\" x))\n");
        first.Add("(f 1)");

        var second = ReplHistory.Open(name => name == "HOME" ? home : null);

        Assert.Equal(["(defn f [x]\n  (str \"a\\nb\" x))", "(f 1)"], second.Entries);
        Assert.Equal(2, File.ReadAllLines(second.Path!).Length);
    }

    [Fact]
    public void Encoding_round_trips_any_text_and_never_produces_a_line_break()
    {
        var text = ArbMap.Default.ArbFor<string>().Filter(s => s is not null);
        Prop.ForAll(text, entry =>
        {
            var line = ReplHistory.Encode(entry);
            return !line.Contains('\n') && ReplHistory.Decode(line) == entry;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_stray_backslash_in_a_hand_edited_file_is_kept()
    {
        Assert.Equal(@"(str \a ""x\"")", ReplHistory.Decode(@"(str \a ""x\"")"));
    }
}
