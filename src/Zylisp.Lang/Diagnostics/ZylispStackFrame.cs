using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Diagnostics;

/// <summary>One frame of a Zylisp (not host) stack trace: the function and where it was executing.</summary>
public sealed record ZylispStackFrame(string FunctionName, SourceSpan? Span);
