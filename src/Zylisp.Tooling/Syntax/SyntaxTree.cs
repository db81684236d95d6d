using System.Collections.Immutable;

namespace Zylisp.Tooling.Syntax;

/// <summary>What a piece of trivia between forms is.</summary>
public enum TriviaKind
{
    /// <summary>Spaces, tabs and other whitespace other than a newline.</summary>
    Space,

    /// <summary>One line break ("\n" or "\r\n").</summary>
    Newline,

    /// <summary>A comma, which Zylisp reads as whitespace.</summary>
    Comma,

    /// <summary>A line comment from ';' up to (not including) the line break.</summary>
    Comment,
}

/// <summary>Text between forms that the reader skips; kept so that no character of the source is lost.</summary>
public readonly record struct Trivia(TriviaKind Kind, string Text);

/// <summary>
/// A node of the concrete syntax tree: unlike the reader's forms it keeps every character of the
/// source (comments, #_ forms, commas, blank lines and the literal spelling of every token), so
/// the tree prints back to exactly the text it was parsed from.
/// </summary>
public abstract record SyntaxNode(int Start, int End);

/// <summary>A symbol, number, keyword, string (possibly spanning lines) or ##-value, spelled as written.</summary>
public sealed record TokenNode(string Text, int Start, int End) : SyntaxNode(Start, End);

/// <summary>
/// A bracketed form: <c>( )</c>, <c>[ ]</c>, <c>{ }</c>, <c>#{ }</c> or <c>#( )</c>, with the trivia
/// before each element and the trivia before the closer.
/// </summary>
public sealed record CollectionNode(string Open, string Close, ImmutableArray<SyntaxElement> Elements, ImmutableArray<Trivia> BeforeClose, int Start, int End)
    : SyntaxNode(Start, End);

/// <summary>A reader macro and the form it applies to: <c>'x</c>, <c>`x</c>, <c>~x</c>, <c>~@x</c>, <c>@x</c> or the discard <c>#_x</c>.</summary>
public sealed record PrefixNode(string Prefix, ImmutableArray<Trivia> Between, SyntaxNode Target, int Start, int End) : SyntaxNode(Start, End);

/// <summary>One form in a sequence, with the trivia in front of it.</summary>
public sealed record SyntaxElement(ImmutableArray<Trivia> Leading, SyntaxNode Node);

/// <summary>A whole source file: its top-level forms and the trivia after the last one.</summary>
public sealed record SyntaxDocument(ImmutableArray<SyntaxElement> Elements, ImmutableArray<Trivia> Trailing);
