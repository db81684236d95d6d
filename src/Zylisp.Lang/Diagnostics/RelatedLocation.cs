using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Diagnostics;

/// <summary>A secondary location shown with a diagnostic, e.g. "opened here" for an unclosed list.</summary>
public sealed record RelatedLocation(SourceSpan Span, string Label);
