using System.Text.RegularExpressions;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// Library/32-case-tables.zl holds the interpreter's case mappings as ranges (issue 12). This
/// regenerates them from the running .NET, under the repository's invariant globalization, so a
/// .NET update that changes a mapping fails here with the table to paste.
/// </summary>
public sealed partial class CaseTableTests
{
    [Theory]
    [InlineData("%upper-case-ranges", true)]
    [InlineData("%lower-case-ranges", false)]
    public void The_library_case_table_is_the_runtimes_invariant_mapping(string name, bool upper)
    {
        using var stream = typeof(NativeCompiler).Assembly.GetManifestResourceStream("Zylisp.Compiler.Native.Library.32-case-tables.zl")!;
        var text = new StreamReader(stream).ReadToEnd();
        var table = Regex.Match(text, "\\(def " + Regex.Escape(name) + " \"([0-9a-f]*)\"\\)").Groups[1].Value;

        var expected = Ranges(upper);
        Assert.True(expected == table, $"regenerate {name} in Library/32-case-tables.zl as:\n{expected}");
    }

    /// <summary>Records of 19 hex digits: first and last code point, stride (1 or 2), delta + 0x800000.</summary>
    private static string Ranges(bool upper)
    {
        var mappings = new List<(int CodePoint, int Delta)>();
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var s = char.ConvertFromUtf32(cp);
            var mapped = upper ? s.ToUpperInvariant() : s.ToLowerInvariant();
            if (mapped != s)
            {
                mappings.Add((cp, char.ConvertToUtf32(mapped, 0) - cp));
            }
        }

        return CaseRangeRecords.Encode(mappings);
    }
}
