namespace Zylisp.Lang.Runtime;

/// <summary>Which values are false in conditionals; fixed per compilation unit.</summary>
public enum Truthiness
{
    Clojure,
    Slisp,
}
