using System.Globalization;
using System.Text.RegularExpressions;
using Zylisp.Lang.Diagnostics;
using Zylisp.Conformance.Tests;

namespace Zylisp.Lang.Tests;

/// <summary>
/// The tests/bad/ cases: one file per expected diagnostic. A file's header says what must be
/// reported, "; expect: ZL1002 at 3:1" (id and line:column, one line per diagnostic), and
/// optionally "; allow: ZL1001" for ids that may appear any number of times. Shared by the
/// reader suite and the engine suite so both judge a file the same way.
/// </summary>
internal static partial class BadFiles
{
    public static string Directory => Path.Combine(RepositoryRoot.Path, "tests", "bad");

    /// <summary>The file names (ordinal order) that <paramref name="include"/> selects.</summary>
    public static TheoryData<string> Names(Func<string, bool> include)
    {
        var data = new TheoryData<string>();
        foreach (string path in System.IO.Directory.GetFiles(Directory, "ZL*.zl").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            if (include(name))
            {
                data.Add(name);
            }
        }

        return data;
    }

    /// <summary>Ids that have a file, taken from the names' ZLnnnn prefix.</summary>
    public static HashSet<string> CoveredIds() =>
        System.IO.Directory.GetFiles(Directory, "ZL*.zl").Select(p => Path.GetFileName(p)[..6]).ToHashSet(StringComparer.Ordinal);

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    /// <summary>Fails unless <paramref name="diagnostics"/> are exactly the ones the file's header expects.</summary>
    public static void AssertExactly(string fileName, string text, IEnumerable<Diagnostic> diagnostics)
    {
        var expected = ExpectRegex().Matches(text)
            .Select(m => (Id: m.Groups[1].Value,
                          Line: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                          Column: int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToList();
        var allowed = AllowRegex().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.StartsWith(expected[0].Id, fileName, StringComparison.Ordinal);

        var all = diagnostics.ToList();
        var unmatched = all.Where(d => !allowed.Contains(d.Id)).ToList();
        foreach (var (id, line, column) in expected)
        {
            var hit = unmatched.FirstOrDefault(d => d.Id == id && d.Span?.Line == line && d.Span.Column == column);
            Assert.True(hit is not null, $"{fileName}: expected {id} at {line}:{column}; got {string.Join("; ", all)}");
            unmatched.Remove(hit);
        }

        Assert.True(unmatched.Count == 0, $"{fileName}: unexpected {string.Join("; ", unmatched)}");
    }

    [GeneratedRegex(@"^; expect: (ZL\d{4}) at (\d+):(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExpectRegex();

    [GeneratedRegex(@"^; allow: (ZL\d{4})\s*$", RegexOptions.Multiline)]
    private static partial Regex AllowRegex();
}
