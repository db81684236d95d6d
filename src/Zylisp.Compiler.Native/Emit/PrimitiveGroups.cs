namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Names of the primitive groups the runtime links on demand. A class of its own, so that they are
/// initialized on first use, whatever the order of RuntimeLibrary's static initializers across its
/// partial files (RuntimeLibrary.Names builds a whole library while those run).
/// </summary>
internal static class PrimitiveGroups
{
    /// <summary>Primitives that make floats from non-floats: a program that reaches one links the float printer.</summary>
    public static readonly string[] FloatSources = ["double", "sqrt", "floor", "ceil"];

    /// <summary>The transcendental functions RuntimeLibrary.EmitMath defines (they also make floats).</summary>
    public static readonly string[] MathFunctions = ["exp", "log", "log10", "pow", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "hypot"];

    /// <summary>The primitives RuntimeLibrary.EmitNumberFunctions defines: linked only when a program uses one.</summary>
    public static readonly string[] NumberFunctions = ["number?", "integer?", "float?", "double", "long", "int", "abs", "max", "min", "sqrt", "floor", "ceil", "round"];

    /// <summary>
    /// The routines RuntimeLibrary.EmitSymbols defines, linked only when a program uses one: the
    /// symbol primitives, and retype, which describe also uses for a record's type name.
    /// </summary>
    public static readonly string[] SymbolFunctions = ["symbol?", "symbol", "%string->keyword", "retype"];

    /// <summary>The Unicode tables (RuntimeRegex.EmitUnicodeCategories, tens of KB): linked only when the regex library's \p reaches them.</summary>
    public static readonly string[] UnicodeTables = ["%unicode-categories"];
}
