using System.Globalization;
using System.Text;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The Unicode general category of every code point, as the regex library's \p{…} reads it
/// (Library/70-regex.zl, %re-unicode-category): one 5-byte record per run of code points with one
/// category, in order, each its first code point in four base-64 digits and its category
/// (<see cref="UnicodeCategory"/>'s value) in one, every digit offset by '0' so the table is
/// printable ASCII. The categories are .NET's, which the interpreter's regex engine uses.
/// </summary>
internal static class UnicodeCategoryTable
{
    private static readonly Lazy<string> Table = new(Build);

    public static string Text => Table.Value;

    private static string Build()
    {
        var text = new StringBuilder();
        var previous = (UnicodeCategory)(-1);
        for (var c = 0; c <= 0x10FFFF; c++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == previous)
            {
                continue;
            }

            previous = category;
            text.Append((char)('0' + ((c >> 18) & 63)))
                .Append((char)('0' + ((c >> 12) & 63)))
                .Append((char)('0' + ((c >> 6) & 63)))
                .Append((char)('0' + (c & 63)))
                .Append((char)('0' + (int)category));
        }

        return text.ToString();
    }
}
