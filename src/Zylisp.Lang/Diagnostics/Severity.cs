namespace Zylisp.Lang.Diagnostics;

public enum Severity
{
    Error,
    Warning,
    Note,
}
