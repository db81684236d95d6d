namespace Zylisp.Lang.Runtime;

/// <summary>The kinds of collection a literal or a lowered collection expression builds.</summary>
public enum CollectionKind
{
    Vector,
    Map,
    Set,
}
