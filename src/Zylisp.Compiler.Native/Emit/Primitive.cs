namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// A host primitive as the native backend implements it: a runtime routine under the Zylisp calling
/// convention (so it can also be a value), and optionally an inline fast path for a call site,
/// which returns false when it does not apply (then the routine is called).
/// </summary>
internal sealed record Primitive(string Name, string Routine, Func<FunctionCompiler.InlineSite, bool>? Inline = null);
