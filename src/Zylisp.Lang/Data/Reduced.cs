namespace Zylisp.Lang.Data;

/// <summary>
/// <c>(reduced x)</c>: a value that tells <c>reduce</c> to stop and return <c>x</c>, as in Clojure.
/// Equality is identity; <c>deref</c> (<c>@</c>) reads the value.
/// </summary>
public sealed class Reduced(object? value)
{
    public object? Value { get; } = value;
}
