using System.Globalization;
using System.Text;

namespace Zylisp.Compiler.Native.Tests;

/// <summary>
/// The record format of the native library's generated case tables (Library/32-case-tables.zl and
/// 69-regex-case-table.zl): runs of code points with one delta, each 19 hex digits: first and last
/// code point, stride (1 or 2), delta + 0x800000. Shared by the tests that regenerate them.
/// </summary>
internal static class CaseRangeRecords
{
    /// <summary>The records of <paramref name="mappings"/>, code points in ascending order.</summary>
    public static string Encode(IReadOnlyList<(int CodePoint, int Delta)> mappings)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < mappings.Count;)
        {
            var (start, delta) = mappings[i];
            var stride = i + 1 < mappings.Count && mappings[i + 1].Delta == delta && mappings[i + 1].CodePoint - start is 1 or 2
                ? mappings[i + 1].CodePoint - start
                : 1;
            var j = i;
            while (j + 1 < mappings.Count && mappings[j + 1].Delta == delta && mappings[j + 1].CodePoint - mappings[j].CodePoint == stride)
            {
                j++;
            }

            sb.Append(CultureInfo.InvariantCulture, $"{start:x6}{mappings[j].CodePoint:x6}{stride:x1}{delta + 0x800000:x6}");
            i = j + 1;
        }

        return sb.ToString();
    }
}
