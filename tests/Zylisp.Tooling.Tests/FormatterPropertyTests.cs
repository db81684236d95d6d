using FsCheck;
using FsCheck.Fluent;
using Zylisp.Lang.Data;
using Zylisp.Lang.Syntax;
using Zylisp.Tooling.Formatting;
using Zylisp.Tooling.Syntax;

namespace Zylisp.Tooling.Tests;

/// <summary>
/// The formatter's two promises, checked over every Zylisp file in the repository and over
/// generated programs: format(format(x)) = format(x), and the formatted text reads back to the
/// same forms (and keeps every comment).
/// </summary>
public class FormatterPropertyTests
{
    public static TheoryData<string> Sources() => RepositoryFiles.ZylispSourceData();

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_syntax_tree_prints_back_every_character(string file)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, file));
        if (ConcreteParser.Parse(text) is { } document)
        {
            Assert.Equal(text, ConcreteParser.Print(document));
        }
        else
        {
            // Only files the language reader rejects may fail to parse (tests/bad).
            Assert.True(Reader.ReadAll(text, file).HasErrors, file + " parses in the reader but not in the syntax tree");
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Formatting_a_corpus_file_is_idempotent_and_keeps_its_forms(string file)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, file));
        var first = SourceFormatter.Format(text, file);
        if (!first.Success)
        {
            // Left untouched: only files the reader rejects (tests/bad, lib/read_error.zl).
            Assert.True(Reader.ReadAll(text, file).HasErrors, file + " was not formatted: " + string.Join("; ", first.Diagnostics));
            return;
        }

        AssertKeepsMeaning(text, first.Formatted!, file);
        var second = SourceFormatter.Format(first.Formatted!, file);
        Assert.Equal(first.Formatted, second.Formatted);
    }

    [Fact]
    public void Formatting_generated_programs_is_idempotent_and_keeps_their_forms()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(Arb.From(ProgramGenerator.Programs), text =>
        {
            var first = SourceFormatter.Format(text, "gen.zl");
            Assert.True(first.Success, text + "\n" + string.Join("; ", first.Diagnostics));
            AssertKeepsMeaning(text, first.Formatted!, "gen.zl");
            Assert.Equal(first.Formatted, SourceFormatter.Format(first.Formatted!, "gen.zl").Formatted);
        }));
    }

    private static void AssertKeepsMeaning(string original, string formatted, string file)
    {
        var before = Reader.ReadAll(original, file);
        var after = Reader.ReadAll(formatted, file);
        Assert.Equal(before.Forms.Count, after.Forms.Count);
        for (int i = 0; i < before.Forms.Count; i++)
        {
            Assert.True(ValueEquality.Instance.Equals(before.Forms[i], after.Forms[i]), $"{file}: form {i} reads differently after formatting");
        }

        Assert.Equal(Comments(original), Comments(formatted));
        Assert.Equal(Discards(original), Discards(formatted));
    }

    private static List<string> Comments(string text) =>
        Trivia(ConcreteParser.Parse(text)!).Where(t => t.Kind == TriviaKind.Comment).Select(t => t.Text.TrimEnd()).ToList();

    private static List<string> Discards(string text) =>
        Nodes(ConcreteParser.Parse(text)!).OfType<PrefixNode>().Where(p => p.Prefix == "#_").Select(p => p.Target.ToString()).Select(_ => "#_").ToList();

    private static IEnumerable<Trivia> Trivia(SyntaxDocument document) =>
        document.Elements.SelectMany(Trivia).Concat(document.Trailing);

    private static IEnumerable<Trivia> Trivia(SyntaxElement element) => element.Leading.Concat(Trivia(element.Node));

    private static IEnumerable<Trivia> Trivia(SyntaxNode node) => node switch
    {
        CollectionNode c => c.Elements.SelectMany(Trivia).Concat(c.BeforeClose),
        PrefixNode p => p.Between.Concat(Trivia(p.Target)),
        _ => [],
    };

    private static IEnumerable<SyntaxNode> Nodes(SyntaxDocument document) => document.Elements.SelectMany(e => Nodes(e.Node));

    private static IEnumerable<SyntaxNode> Nodes(SyntaxNode node) => node switch
    {
        CollectionNode c => c.Elements.SelectMany(e => Nodes(e.Node)).Prepend(node),
        PrefixNode p => Nodes(p.Target).Prepend(node),
        _ => [node],
    };
}

/// <summary>Random Zylisp source with random layout: tokens of every spelling, nesting, comments, #_ and blank lines.</summary>
internal static class ProgramGenerator
{
    private static readonly Gen<string> Tokens = Gen.Elements(
        "x", "foo", "-main", "str/join", ":k", ":ns/k", "42", "-7", "0x1F", "1e3", "1.5", "##Inf", "nil", "true",
        "\"s\"", "\"a\\tb\\\"c\\u0041\"", "\"two\nlines\"", "defn", "let", "when", "if", "fn", "do", "%", "%1");

    private static readonly Gen<string> Separators = Gen.Elements(
        " ", " ", " ", "  ", "\n", "\n  ", "\n\n", "\n\n\n", ", ", " ; note\n", "\n;; line\n", "\t", "\r\n");

    public static Gen<string> Programs { get; } =
        Gen.Sized(size => Forms(Math.Min(size, 24))).ListOf().Select(forms => string.Join("\n", forms));

    private static Gen<string> Forms(int size) =>
        size <= 1
            ? Tokens
            : Gen.Frequency(
                (3, Tokens),
                (2, Collection(size, "(", ")")),
                (1, Collection(size, "[", "]")),
                (1, Collection(size, "{", "}", keyed: true)),
                (1, Forms(size / 2).Select(f => "'" + f)),
                (1, Gen.Zip(Forms(size / 2), Forms(size / 2)).Select(p => "#_" + p.Item1 + " " + p.Item2)));

    // A map's keys are distinct keywords so that every generated map reads without errors.
    private static Gen<string> Collection(int size, string open, string close, bool keyed = false) =>
        Gen.Choose(0, 4).SelectMany(count =>
            Gen.Zip(Forms(size / 2).ListOf(keyed ? count * 2 : count), Separators.ListOf((keyed ? count * 2 : count) + 1))
                .Select(parts =>
                {
                    var (forms, seps) = parts;
                    if (keyed)
                    {
                        forms = forms.Select((f, i) => i % 2 == 0 ? ":key" + i : f).ToList();
                    }

                    var text = new System.Text.StringBuilder(open);
                    for (int i = 0; i < forms.Count; i++)
                    {
                        text.Append(i == 0 ? "" : seps[i]).Append(forms[i]);
                    }

                    // A comment before a closer needs its line break, or it would swallow the closer.
                    string last = seps[^1];
                    return text.Append(last.Contains(';', StringComparison.Ordinal) || last.Trim().Length == 0 ? last : "").Append(close).ToString();
                }));
}
