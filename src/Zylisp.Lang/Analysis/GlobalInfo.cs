namespace Zylisp.Lang.Analysis;

/// <summary>What an engine knows about a defined global without running a program: for lint and editors.</summary>
/// <param name="Name">The global's name.</param>
/// <param name="IsMacro">True for a macro (its arguments are code, not values).</param>
/// <param name="Arity">The argument counts a function takes; null for values and functions of unknown arity.</param>
public sealed record GlobalInfo(string Name, bool IsMacro, Arity? Arity);
