namespace Zylisp.Lang.Syntax;

/// <summary>A place in the text being read: offset plus the line and column shown to people.</summary>
internal readonly record struct TextPosition(int Offset, int Line, int Column);

/// <summary>A finished form waiting for its collection to close, with where it was read.</summary>
internal readonly record struct ReadItem(object? Form, TextPosition Start, TextPosition End);

/// <summary>Where <see cref="CollectionBuilder"/> reports what it drops.</summary>
internal interface ICollectionReporter
{
    void Report(string id, TextPosition start, TextPosition end, params object?[] args);
}
