using System.Text;
using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// An error as a Zylisp value: what <c>catch</c> binds for runtime errors and for <c>ex-info</c>.
/// It is map-like: <c>(get e :message)</c>, <c>(:type e)</c>, <c>(ex-message e)</c>, <c>(ex-data e)</c>.
/// </summary>
public sealed class ErrorValue : IZylispPrintable
{
    private static readonly Keyword MessageKey = Keyword.Of("message");
    private static readonly Keyword TypeKey = Keyword.Of("type");
    private static readonly Keyword FileKey = Keyword.Of("file");
    private static readonly Keyword LineKey = Keyword.Of("line");
    private static readonly Keyword ColumnKey = Keyword.Of("column");
    private static readonly Keyword DataKey = Keyword.Of("data");

    public ErrorValue(string message, Keyword type, PersistentMap? data = null, SourceSpan? span = null, string? diagnosticId = null)
    {
        Message = message;
        Type = type;
        Data = data ?? PersistentMap.Empty;
        Span = span;
        DiagnosticId = diagnosticId;
    }

    public string Message { get; private set; }

    /// <summary>A keyword naming the kind of error, e.g. <c>:arity-error</c>; <c>:ex-info</c> for user errors.</summary>
    public Keyword Type { get; }

    /// <summary>The user's data map for <c>ex-info</c>; details for runtime errors.</summary>
    public PersistentMap Data { get; }

    /// <summary>Where the error was raised, when known.</summary>
    public SourceSpan? Span { get; internal set; }

    /// <summary>The catalogue id (ZL5xxx) of a runtime error, or null for user errors.</summary>
    public string? DiagnosticId { get; }

    /// <summary>The exception that carried this error to the last catch, so throwing it again keeps its trace.</summary>
    internal ZylispException? CaughtFrom { get; set; }

    /// <summary>The catalogue message arguments of a runtime error, so a diagnostic can be rebuilt.</summary>
    internal IReadOnlyList<object?> Args { get; set; } = [];

    /// <summary>Names another function as the one that failed (see CallSite.Trace): the message follows the arguments.</summary>
    internal void BlameFunction(string function)
    {
        if (DiagnosticId is { } id && Args is [string, ..])
        {
            var args = Args.ToArray();
            args[0] = function;
            Args = args;
            Message = Diagnostics.DiagnosticCatalog.FormatMessage(id, args);
        }
    }

    /// <summary>The fields as a map: :message, :type, :data and, when known, :file :line :column.</summary>
    public PersistentMap ToMap()
    {
        var m = PersistentMap.Empty.Assoc(MessageKey, Message).Assoc(TypeKey, Type).Assoc(DataKey, Data);
        if (Span is { } s && s.Line > 0)
        {
            m = m.Assoc(FileKey, s.File).Assoc(LineKey, (long)s.Line).Assoc(ColumnKey, (long)s.Column);
        }

        return m;
    }

    public object? Get(object? key, object? notFound = null) => ToMap().Get(key, notFound);

    public void Print(StringBuilder sb, bool readably)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.Append("#error ").Append(Printer.PrStr(PersistentMap.Empty.Assoc(TypeKey, Type).Assoc(MessageKey, Message)));
    }

    public override string ToString() => Message;
}
