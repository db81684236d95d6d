using System.Text;

namespace Zylisp.Lang.Runtime.Regex;

/// <summary>
/// The two .NET spellings the rewrite builds at once: the whole pattern, and one for text with no
/// character outside the BMP, which leaves out every class's surrogate-pair alternatives. Those
/// alternatives can only match a surrogate, and \p{L}'s take the non-backtracking engine a
/// hundred times longer to build than the rest of a pattern, so a pattern builds them only when
/// some text needs them (RegexValue).
/// </summary>
internal sealed class DotNetPatterns
{
    private readonly StringBuilder whole;
    private readonly StringBuilder bmp;

    public DotNetPatterns(int capacity)
    {
        whole = new StringBuilder(capacity);
        bmp = new StringBuilder(capacity);
    }

    public DotNetPatterns Append(char c)
    {
        whole.Append(c);
        bmp.Append(c);
        return this;
    }

    public DotNetPatterns Append(string? text)
    {
        whole.Append(text);
        bmp.Append(text);
        return this;
    }

    public DotNetPatterns Append(string text, int start, int count)
    {
        whole.Append(text, start, count);
        bmp.Append(text, start, count);
        return this;
    }

    public DotNetPatterns Append(CodePointClass set)
    {
        whole.Append(set.ToDotNet(astral: true));
        bmp.Append(set.ToDotNet(astral: false));
        return this;
    }

    public string Whole => whole.ToString();

    public string Bmp => bmp.ToString();
}
