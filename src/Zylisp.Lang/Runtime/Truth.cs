using Zylisp.Lang.Data;

namespace Zylisp.Lang.Runtime;

/// <summary>The two truthiness rules; which one applies is decided per compilation unit at analysis time.</summary>
public static class Truth
{
    /// <summary>Clojure rule: only nil and false are falsy.</summary>
    public static bool Clojure(object? value) => value is not null && (value is not bool b || b);

    /// <summary>SLisp rule: nil, false, 0, 0.0, "" and empty collections are falsy.</summary>
    public static bool Slisp(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0.0,
        string s => s.Length != 0,
        LazySeq lazy => lazy.Seq() is not null,
        Cons => true,
        IZylispCollection c => c.Count != 0,
        _ => true,
    };

    public static bool Of(object? value, Truthiness rule) =>
        rule == Truthiness.Slisp ? Slisp(value) : Clojure(value);
}
