using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Runtime;

/// <summary>Turns host exceptions that escape primitives into Zylisp errors, so catch sees a value.</summary>
internal static class HostErrors
{
    public static ZylispException ToZylisp(Exception e, SourceSpan? span)
    {
        if (e is ZylispException z)
        {
            return z;
        }

        var (id, type, args) = e switch
        {
            InsufficientExecutionStackException => (DiagnosticIds.StackOverflow, "stack-overflow", new object?[] { "<host>", "the host stack" }),
            ArgumentOutOfRangeException or IndexOutOfRangeException => (DiagnosticIds.BadArgument, "index-out-of-bounds", ["<core>", e.Message]),
            ArgumentException or InvalidCastException or FormatException or OverflowException => (DiagnosticIds.BadArgument, "argument-error", ["<core>", e.Message]),
            IOException or UnauthorizedAccessException => (DiagnosticIds.IoError, "io-error", ["<io>", e.Message]),
            _ => (DiagnosticIds.HostError, "host-error", [e.GetType().Name + ": " + e.Message]),
        };
        var error = new ErrorValue(DiagnosticCatalog.FormatMessage(id, args), Keyword.Of(type), null, span, id) { Args = args };
        return new ZylispException(error);
    }
}
