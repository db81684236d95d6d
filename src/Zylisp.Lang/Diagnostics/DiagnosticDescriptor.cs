namespace Zylisp.Lang.Diagnostics;

/// <summary>
/// The fixed facts about one diagnostic id: its severity, phase, message template
/// (composite format, <c>{0}</c> = first argument) and the friendly help shown unless terse.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Id,
    Severity Severity,
    Phase Phase,
    string MessageFormat,
    string? Help);
