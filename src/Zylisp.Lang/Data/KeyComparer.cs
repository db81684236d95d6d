namespace Zylisp.Lang.Data;

/// <summary>
/// The immutable hash collections reject null keys, so nil is stored as <see cref="NilKey"/>;
/// this comparer gives those boxed keys <see cref="ValueEquality"/> semantics.
/// </summary>
internal sealed class KeyComparer : IEqualityComparer<object>
{
    public static readonly KeyComparer Instance = new();

    public static readonly object NilKey = new();

    public static object Wrap(object? key) => key ?? NilKey;

    public new bool Equals(object? x, object? y) =>
        ReferenceEquals(x, y) || (!ReferenceEquals(x, NilKey) && !ReferenceEquals(y, NilKey) && ValueEquality.Instance.Equals(x, y));

    public int GetHashCode(object obj) => ReferenceEquals(obj, NilKey) ? 0 : ValueEquality.Instance.GetHashCode(obj);
}
