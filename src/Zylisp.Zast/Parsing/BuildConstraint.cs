using System.Globalization;

namespace Zylisp.Zast.Parsing;

/// <summary>
/// Reads the minimum Go version implied by a <c>//go:build</c> line, as go/parser fills
/// <c>File.GoVersion</c> (go/build/constraint's Parse and GoVersion): <c>go1.21 &amp;&amp; linux</c>
/// gives <c>go1.21</c>; AND takes the larger version, OR the smaller, and NOT implies nothing.
/// </summary>
internal static class BuildConstraint
{
    private const int MaxTags = 1000; // go/build/constraint's limit on expression size

    /// <summary>The version (<c>go1.21</c>, <c>go1</c>), "" when the expression implies none, or null when the line is not a valid //go:build line.</summary>
    public static string? GoVersionOf(string line)
    {
        if (!TrySplitGoBuild(line, out var expression)) return null;
        var parser = new ExprParser(expression);
        var version = parser.Parse();
        if (version is null) return null;
        return version.Value < 0 ? "" : version.Value == 0 ? "go1" : "go1." + version.Value.ToString(CultureInfo.InvariantCulture);
    }

    private static bool TrySplitGoBuild(string line, out string expression)
    {
        expression = "";
        if (line.EndsWith('\n')) line = line[..^1];
        if (line.Contains('\n') || !line.StartsWith("//go:build", StringComparison.Ordinal)) return false;
        line = TrimSpace(line)["//go:build".Length..];
        var trimmed = TrimSpace(line);
        // "//go:buildx" is not a build line; "//go:build" alone is (and then fails to parse)
        if (line.Length == trimmed.Length && line.Length != 0) return false;
        expression = trimmed;
        return true;
    }

    private static string TrimSpace(string s) => s.Trim(' ', '\t', '\n', '\v', '\f', '\r', '\u0085', '\u00A0');

    /// <summary>
    /// Parses the expression and computes the minimum version directly: each node yields
    /// (version if the expression holds, version if it is negated), -1 meaning "nothing".
    /// </summary>
    private sealed class ExprParser(string text)
    {
        private int _pos;
        private int _tags;
        private bool _failed;

        public int? Parse()
        {
            var result = Or();
            SkipSpace();
            if (_failed || _pos != text.Length) return null;
            return result.Positive;
        }

        private (int Positive, int Negative) Or()
        {
            var x = And();
            while (!_failed && Accept("||"))
            {
                var y = And();
                x = (Math.Min(x.Positive, y.Positive), Math.Max(x.Negative, y.Negative));
            }
            return x;
        }

        private (int Positive, int Negative) And()
        {
            var x = Not();
            while (!_failed && Accept("&&"))
            {
                var y = Not();
                x = (Math.Max(x.Positive, y.Positive), Math.Min(x.Negative, y.Negative));
            }
            return x;
        }

        private (int Positive, int Negative) Not()
        {
            if (Accept("!"))
            {
                var x = Not();
                return (x.Negative, x.Positive);
            }
            return Atom();
        }

        private (int Positive, int Negative) Atom()
        {
            if (Accept("("))
            {
                var x = Or();
                if (!Accept(")")) _failed = true;
                return x;
            }
            SkipSpace();
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] is '_' or '.')) _pos++;
            if (_pos == start || ++_tags > MaxTags)
            {
                _failed = true;
                return (-1, -1);
            }
            return (TagVersion(text[start.._pos]), -1);
        }

        private static int TagVersion(string tag)
        {
            if (tag == "go1") return 0;
            var at = tag.IndexOf("go1.", StringComparison.Ordinal);
            if (at < 0) return -1;
            return int.TryParse(tag.AsSpan(at + 4), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : -1;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && text[_pos] is ' ' or '\t') _pos++;
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, token, 0, token.Length) != 0) return false;
            _pos += token.Length;
            return true;
        }
    }
}
