using System.Collections.Immutable;
using System.Text;

namespace Zylisp.Tooling.Syntax;

/// <summary>
/// Text → <see cref="SyntaxDocument"/>, character for character. It follows the language reader's
/// lexical rules (src/Zylisp.Lang/Syntax) but keeps trivia and spellings instead of values. It is
/// only run on text the language reader accepted, so it reports nothing: on text it cannot
/// structure (an unbalanced bracket, an unknown dispatch) it returns null, and never throws.
/// </summary>
public static class ConcreteParser
{
    public static SyntaxDocument? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var session = new Session(text);
        return session.ParseDocument();
    }

    /// <summary>Prints a tree back to source; <c>Print(Parse(t)) == t</c> for every text that parses.</summary>
    public static string Print(SyntaxDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        foreach (var element in document.Elements)
        {
            PrintElement(sb, element);
        }

        PrintTrivia(sb, document.Trailing);
        return sb.ToString();
    }

    private static void PrintElement(StringBuilder sb, SyntaxElement element)
    {
        PrintTrivia(sb, element.Leading);
        PrintNode(sb, element.Node);
    }

    private static void PrintNode(StringBuilder sb, SyntaxNode node)
    {
        switch (node)
        {
            case TokenNode t:
                sb.Append(t.Text);
                break;
            case PrefixNode p:
                sb.Append(p.Prefix);
                PrintTrivia(sb, p.Between);
                PrintNode(sb, p.Target);
                break;
            case CollectionNode c:
                sb.Append(c.Open);
                foreach (var element in c.Elements)
                {
                    PrintElement(sb, element);
                }

                PrintTrivia(sb, c.BeforeClose);
                sb.Append(c.Close);
                break;
        }
    }

    private static void PrintTrivia(StringBuilder sb, ImmutableArray<Trivia> trivia)
    {
        foreach (var t in trivia)
        {
            sb.Append(t.Text);
        }
    }

    private sealed class Session(string text)
    {
        // The language reader's own limit; deeper text is a read error and is never formatted.
        private const int MaxDepth = 1000;

        private int pos;
        private int depth;

        public SyntaxDocument? ParseDocument()
        {
            var elements = ParseElements(closer: null, out var trailing);
            return elements is null ? null : new SyntaxDocument(elements.Value, trailing);
        }

        private ImmutableArray<SyntaxElement>? ParseElements(char? closer, out ImmutableArray<Trivia> trailing)
        {
            var elements = ImmutableArray.CreateBuilder<SyntaxElement>();
            while (true)
            {
                var trivia = ReadTrivia();
                if (pos >= text.Length)
                {
                    trailing = trivia;
                    return closer is null ? elements.ToImmutable() : null;
                }

                char c = text[pos];
                if (c is ')' or ']' or '}')
                {
                    trailing = trivia;
                    return c == closer ? elements.ToImmutable() : null;
                }

                int before = pos;
                var node = ParseNode();
                if (node is null || pos == before)
                {
                    trailing = [];
                    return null;
                }

                elements.Add(new SyntaxElement(trivia, node));
            }
        }

        private SyntaxNode? ParseNode()
        {
            char c = text[pos];
            char next = pos + 1 < text.Length ? text[pos + 1] : '\0';
            switch (c)
            {
                case '(':
                    return ParseCollection("(", ")");
                case '[':
                    return ParseCollection("[", "]");
                case '{':
                    return ParseCollection("{", "}");
                case '"':
                    return ParseString();
                case '\'' or '`' or '@':
                    return ParsePrefix(c.ToString());
                case '~':
                    return ParsePrefix(next == '@' ? "~@" : "~");
                case '#':
                    return next switch
                    {
                        '{' => ParseCollection("#{", "}"),
                        '(' => ParseCollection("#(", ")"),
                        '_' => ParsePrefix("#_"),
                        '\'' => ParsePrefix("#'"),
                        '#' => ParseToken(pos + 2),
                        '"' => ParseString(openerLength: 2), // #"regex": one token, kept as written
                        _ => null,
                    };
                default:
                    return ParseToken(pos);
            }
        }

        private CollectionNode? ParseCollection(string open, string close)
        {
            if (depth >= MaxDepth)
            {
                return null;
            }

            int start = pos;
            pos += open.Length;
            depth++;
            var elements = ParseElements(close[0], out var beforeClose);
            depth--;
            if (elements is null)
            {
                return null;
            }

            pos++; // the closer
            return new CollectionNode(open, close, elements.Value, beforeClose, start, pos);
        }

        private PrefixNode? ParsePrefix(string prefix)
        {
            if (depth >= MaxDepth)
            {
                return null;
            }

            int start = pos;
            pos += prefix.Length;
            var between = ReadTrivia();
            if (pos >= text.Length || text[pos] is ')' or ']' or '}')
            {
                return null;
            }

            depth++;
            var target = ParseNode();
            depth--;
            return target is null ? null : new PrefixNode(prefix, between, target, start, pos);
        }

        private TokenNode? ParseString(int openerLength = 1)
        {
            int start = pos;
            int i = pos + openerLength;
            while (i < text.Length && text[i] != '"')
            {
                i += text[i] == '\\' ? 2 : 1;
            }

            if (i >= text.Length)
            {
                return null;
            }

            pos = i + 1;
            return new TokenNode(text[start..pos], start, pos);
        }

        private TokenNode? ParseToken(int from)
        {
            int start = pos;
            int end = from;
            while (end < text.Length && !IsTokenTerminator(text[end]))
            {
                end++;
            }

            if (end == start)
            {
                return null;
            }

            pos = end;
            return new TokenNode(text[start..end], start, end);
        }

        private ImmutableArray<Trivia> ReadTrivia()
        {
            ImmutableArray<Trivia>.Builder? trivia = null;
            while (pos < text.Length)
            {
                char c = text[pos];
                int start = pos;
                TriviaKind kind;
                if (c == '\n')
                {
                    pos++;
                    kind = TriviaKind.Newline;
                }
                else if (c == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n')
                {
                    pos += 2;
                    kind = TriviaKind.Newline;
                }
                else if (c == ',')
                {
                    pos++;
                    kind = TriviaKind.Comma;
                }
                else if (c == ';')
                {
                    while (pos < text.Length && text[pos] != '\n')
                    {
                        pos++;
                    }

                    kind = TriviaKind.Comment;
                }
                else if (char.IsWhiteSpace(c))
                {
                    while (pos < text.Length && text[pos] is not ('\n' or ',') && char.IsWhiteSpace(text[pos])
                           && !(text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n'))
                    {
                        pos++;
                    }

                    kind = TriviaKind.Space;
                }
                else
                {
                    break;
                }

                (trivia ??= ImmutableArray.CreateBuilder<Trivia>()).Add(new Trivia(kind, text[start..pos]));
            }

            return trivia is null ? [] : trivia.ToImmutable();
        }

        // The language reader's token terminators (ReaderSession.IsTokenTerminator).
        private static bool IsTokenTerminator(char c) => c switch
        {
            '(' or ')' or '[' or ']' or '{' or '}' or '"' or ';' or ',' or ' ' or '\t' or '\n' or '\r' or '\v' or '\f' => true,
            < '\u0080' => false,
            _ => char.IsWhiteSpace(c),
        };
    }
}
