namespace Zylisp.Lang.Runtime;

/// <summary>A type annotation from deffunc; <see cref="Kind"/> is Any for names only the Go backend knows.</summary>
public sealed record TypeAnnotation(string Name, TypeKind Kind);

public enum TypeKind
{
    Any,
    Integer,
    Float,
    String,
    Bool,
}
