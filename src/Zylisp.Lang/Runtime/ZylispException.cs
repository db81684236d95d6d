using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// The host exception that carries a thrown Zylisp value (any value; runtime errors throw an
/// <see cref="ErrorValue"/>) up the host stack to the nearest <c>try</c>. As it unwinds, each
/// call site it passes adds a <see cref="ZylispStackFrame"/>, which becomes the Zylisp stack trace.
/// </summary>
public sealed class ZylispException : Exception
{
    /// <summary>Traces keep the innermost frames; deep recursion would otherwise make them huge.</summary>
    public const int MaxTraceEntries = 40;

    private readonly List<ZylispStackFrame> trace = [];

    public ZylispException(object? value)
        : base(Describe(value)) => Value = value;

    public ZylispException()
        : this((object?)null)
    {
    }

    public ZylispException(string message)
        : this((object?)message)
    {
    }

    public ZylispException(string message, Exception innerException)
        : base(message, innerException) => Value = message;

    /// <summary>The thrown Zylisp value.</summary>
    public object? Value { get; }

    public IReadOnlyList<ZylispStackFrame> Trace => trace;

    /// <summary>How many frames were left out of <see cref="Trace"/>: repeats of recent frames, and any beyond the limit.</summary>
    public int OmittedFrames { get; private set; }

    /// <summary>
    /// Adds a frame; returns false so it can be used in an exception filter. A frame that repeats
    /// one of the last few (recursion) is only counted, so deep recursion keeps the outer frames.
    /// </summary>
    public bool AddFrame(string function, SourceSpan? span)
    {
        // A call whose argument failed encloses that argument's call site in the same function:
        // both are one activation, so `at -main (2:8)` is not followed by `at -main (2:3)`.
        if (trace.Count > 0 && trace[^1].FunctionName == function && Encloses(span, trace[^1].Span))
        {
            return false;
        }

        for (int i = trace.Count - 1; i >= 0 && i >= trace.Count - 4; i--)
        {
            if (trace[i].Span == span && trace[i].FunctionName == function)
            {
                OmittedFrames++;
                return false;
            }
        }

        if (trace.Count < MaxTraceEntries)
        {
            trace.Add(new ZylispStackFrame(function, span));
        }
        else
        {
            OmittedFrames++;
        }

        return false;
    }

    private static bool Encloses(SourceSpan? outer, SourceSpan? inner) =>
        outer is not null && inner is not null && outer.File == inner.File && outer != inner
        && outer.StartOffset <= inner.StartOffset && inner.EndOffset <= outer.EndOffset;

    /// <summary>
    /// Starts this trace with an earlier one's: an error value caught and thrown again (by a
    /// handler, or by a typed catch that did not match) still shows where it was first raised.
    /// </summary>
    internal void ContinueFrom(ZylispException earlier)
    {
        foreach (var frame in earlier.trace)
        {
            if (trace.Count < MaxTraceEntries)
            {
                trace.Add(frame);
            }
            else
            {
                OmittedFrames++;
            }
        }

        OmittedFrames += earlier.OmittedFrames;
    }

    /// <summary>The span where the value was thrown: the error's own span, or the innermost frame's.</summary>
    public SourceSpan? Origin => (Value as ErrorValue)?.Span ?? (trace.Count > 0 ? trace[0].Span : null);

    private static string Describe(object? value) => value switch
    {
        ErrorValue e => e.Message,
        string s => s,
        _ => "uncaught value: " + Printer.PrStr(value),
    };
}
