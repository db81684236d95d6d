using System.Collections.Immutable;
using System.Text;
using Zylisp.Tooling.Syntax;

namespace Zylisp.Tooling.Formatting;

/// <summary>
/// Prints a <see cref="SyntaxDocument"/> in the house layout (docs/design/formatting.md): the
/// author's line breaks are kept, every line is re-indented from its enclosing form, closers are
/// pulled up onto the last line of their form, blank-line runs shrink to one, and spacing inside
/// a line is kept as written. Each call of <see cref="Write"/> uses a fresh writer.
/// </summary>
internal sealed class LayoutWriter
{
    private readonly StringBuilder sb = new();

    // The column the next character goes to (0-based).
    private int column;

    public static string Write(SyntaxDocument document)
    {
        var writer = new LayoutWriter();
        writer.WriteDocument(document);
        return writer.sb.ToString();
    }

    private void WriteDocument(SyntaxDocument document)
    {
        bool any = false;
        foreach (var element in document.Elements)
        {
            WriteGap(element.Leading, indent: 0, hasPrevious: any);
            WriteNode(element.Node);
            any = true;
        }

        if (WriteTrailingComments(document.Trailing, indent: 0, hasPrevious: any) || any)
        {
            sb.Append('\n');
        }
    }

    /// <summary>
    /// Writes the trivia before an element and leaves the cursor where the element starts: on the
    /// same line (after the original spacing, or one space if there was none) or on a new line at
    /// <paramref name="indent"/>. Comments keep their line; at most one blank line survives.
    /// </summary>
    private void WriteGap(ImmutableArray<Trivia> gap, int indent, bool hasPrevious)
    {
        var state = new GapState(hasPrevious);
        WriteGapTrivia(gap, indent, ref state);
        if (!hasPrevious && !state.WroteSomething)
        {
            // The first form of the file or of a collection: pulled up to the start or the opener.
            return;
        }

        if (state.MustBreak || state.Newlines > 0)
        {
            NewLines(Math.Max(1, state.Newlines), indent);
        }
        else
        {
            Append(state.Spacing.Length > 0 ? state.Spacing : " ");
        }
    }

    /// <summary>Writes the comments in trailing trivia (before a closer or the end of the file); returns whether the last one needs a line break after it.</summary>
    private bool WriteTrailingComments(ImmutableArray<Trivia> trivia, int indent, bool hasPrevious)
    {
        var state = new GapState(hasPrevious);
        WriteGapTrivia(trivia, indent, ref state);
        return state.MustBreak;
    }

    private void WriteGapTrivia(ImmutableArray<Trivia> gap, int indent, ref GapState state)
    {
        foreach (var t in gap)
        {
            switch (t.Kind)
            {
                case TriviaKind.Newline:
                    state.Newlines++;
                    state.Spacing = "";
                    break;
                case TriviaKind.Space:
                    state.Spacing += t.Text;
                    break;
                case TriviaKind.Comma:
                    // A comma stays attached to the form before it; one at the start of a line or
                    // a collection is dropped (it is whitespace to the reader).
                    if (state.Newlines == 0 && !state.MustBreak && (state.HasPrevious || state.WroteSomething))
                    {
                        Append(state.Spacing + ",");
                        state.Spacing = "";
                    }

                    break;
                case TriviaKind.Comment:
                    string comment = t.Text.TrimEnd();
                    if (sb.Length == 0)
                    {
                        // The file starts with this comment: leading blank lines are dropped.
                    }
                    else if (state.Newlines > 0 || state.MustBreak)
                    {
                        NewLines(Math.Max(1, state.Newlines), indent);
                    }
                    else
                    {
                        // An end-of-line comment keeps its spacing, so aligned comments stay aligned.
                        Append(state.Spacing.Length > 0 ? state.Spacing : " ");
                    }

                    Append(comment);
                    state.WroteSomething = true;
                    state.MustBreak = true;
                    state.Newlines = 0;
                    state.Spacing = "";
                    break;
            }
        }
    }

    private void NewLines(int count, int indent)
    {
        for (int i = 0; i < Math.Min(count, 2); i++)
        {
            sb.Append('\n');
        }

        column = 0;
        Append(new string(' ', indent));
    }

    private void Append(string text)
    {
        sb.Append(text);
        int lastNewline = text.LastIndexOf('\n');
        column = lastNewline < 0 ? column + text.Length : text.Length - lastNewline - 1;
    }

    private void WriteNode(SyntaxNode node)
    {
        switch (node)
        {
            case TokenNode t:
                Append(t.Text);
                break;
            case PrefixNode p:
                Append(p.Prefix);
                if (p.Between.Any(t => t.Kind == TriviaKind.Comment))
                {
                    WriteGap(p.Between, column, hasPrevious: true);
                }

                WriteNode(p.Target);
                break;
            case CollectionNode c:
                WriteCollection(c);
                break;
        }
    }

    private void WriteCollection(CollectionNode c)
    {
        int open = column;
        Append(c.Open);
        var rule = c.Open is "(" or "#(" && c.Elements.Length > 0 && c.Elements[0].Node is TokenNode head && IsName(head.Text)
            ? IndentRules.For(head.Text) ?? (IndentRule)new CallRule()
            : null;
        if (rule is IndentRule.Block && c.Elements[0].Node is TokenNode { Text: "catch" } && c.Elements.Length > 1 && c.Elements[1].Node is TokenNode { Text: [':', ..] })
        {
            // (catch :type e body): the type and the name both belong with the head.
            rule = new IndentRule.Block(2);
        }

        // Where the first argument of a call went when it stayed on the head's line.
        int? firstArgumentColumn = null;
        for (int i = 0; i < c.Elements.Length; i++)
        {
            var element = c.Elements[i];
            bool breaks = StartsNewLine(element.Leading);
            int indent = IndentFor(rule, c, open, i, firstArgumentColumn);
            WriteGap(element.Leading, indent, hasPrevious: i > 0);
            if (i == 1 && !breaks)
            {
                firstArgumentColumn = column;
            }

            WriteNode(element.Node);
        }

        int closerIndent = c.Elements.Length == 0 ? open + c.Open.Length : IndentFor(rule, c, open, c.Elements.Length, firstArgumentColumn);
        if (WriteTrailingComments(c.BeforeClose, closerIndent, hasPrevious: c.Elements.Length > 0))
        {
            NewLines(1, closerIndent);
        }

        Append(c.Close);
    }

    /// <summary>
    /// The column of element <paramref name="index"/> when it starts a line. As cljfmt's block
    /// rule: the body is indented two spaces when the first body form starts a line of its own
    /// (or there is none); otherwise the form is aligned like a call.
    /// </summary>
    private static int IndentFor(IndentRule? rule, CollectionNode c, int open, int index, int? firstArgumentColumn)
    {
        int openWidth = c.Open.Length;
        if (rule is null)
        {
            // Vectors, maps, sets and lists that do not start with a name: align with the first element.
            return open + openWidth;
        }

        if (index == 0)
        {
            return open + openWidth;
        }

        if (rule is IndentRule.Inner)
        {
            return open + 2;
        }

        if (rule is IndentRule.Block b && index > b.Special)
        {
            int firstBody = b.Special + 1;
            if (firstBody >= c.Elements.Length || StartsNewLine(c.Elements[firstBody].Leading))
            {
                return open + 2;
            }
        }

        return firstArgumentColumn ?? open + openWidth;
    }

    private static bool StartsNewLine(ImmutableArray<Trivia> leading) =>
        leading.Any(t => t.Kind is TriviaKind.Newline or TriviaKind.Comment);

    // A call's head: a symbol or keyword, not a number, string or ##-value.
    private static bool IsName(string token) =>
        token.Length > 0 && token[0] is not ('"' or '#') && !(char.IsDigit(token[0]) || (token.Length > 1 && token[0] is '-' or '+' && char.IsDigit(token[1])));

    /// <summary>A call: continuation lines align with the first argument (or one column in when it starts a line).</summary>
    private sealed record CallRule : IndentRule;

    private struct GapState(bool hasPrevious)
    {
        public readonly bool HasPrevious = hasPrevious;
        public int Newlines;
        public string Spacing = "";
        public bool MustBreak;
        public bool WroteSomething;
    }
}
