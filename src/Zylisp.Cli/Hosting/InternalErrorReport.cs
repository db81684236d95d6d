namespace Zylisp.Cli.Hosting;

/// <summary>
/// The last line of defence: an exception that escaped every other handler is a Zylisp bug, so it
/// is reported as one — briefly, with the .NET stack only under <c>--verbose</c> — and never as a
/// raw unhandled-exception dump.
/// </summary>
internal static class InternalErrorReport
{
    public static void Write(TextWriter error, Exception exception, bool verbose)
    {
        error.WriteLine($"zylisp: internal error: {exception.GetType().Name}: {exception.Message}");
        if (verbose)
        {
            error.WriteLine(exception.ToString());
        }
        else
        {
            error.WriteLine("zylisp: this is a bug in Zylisp; run again with --verbose for the .NET stack trace.");
        }

        error.Flush();
    }
}
