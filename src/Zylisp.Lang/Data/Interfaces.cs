using System.Text;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Data;

/// <summary>Any Zylisp collection: counted and enumerable (maps enumerate [key value] vectors).</summary>
public interface IZylispCollection : IReadOnlyCollection<object?>
{
}

/// <summary>
/// Lists and vectors: ordered collections that compare equal to each other element by element,
/// so <c>(= '(1 2) [1 2])</c> is true.
/// </summary>
public interface ISequential : IZylispCollection
{
}

/// <summary>A form that remembers where it was read. The span is never part of equality.</summary>
public interface IHasSpan
{
    SourceSpan? Span { get; }
}

/// <summary>Runtime objects the printer does not know (functions, vars) print themselves.</summary>
public interface IZylispPrintable
{
    void Print(StringBuilder sb, bool readably);
}
