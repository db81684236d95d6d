namespace Zylisp.Lang.Syntax;

/// <summary>
/// Text → forms. The reader never throws on bad input: every problem becomes a diagnostic with
/// a span, the reader recovers (closing unclosed forms at the end, skipping stray text) and keeps
/// going, so one pass reports every error in a file.
/// </summary>
public static class Reader
{
    /// <summary>Reads every form in <paramref name="text"/>; <paramref name="file"/> names it in spans.</summary>
    public static ReadResult ReadAll(string text, string file, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        return new ReaderSession(text, file, options ?? ReaderOptions.Default).Run();
    }

    /// <summary>
    /// For multi-line REPL input: false while an opener, string or reader macro is still waiting
    /// for its end; true otherwise, including when the input has other errors such as a stray
    /// closer (those are reported when the input is evaluated).
    /// </summary>
    public static bool IsComplete(string text, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = ReadAll(text, "<repl>", options);
        return !read.EndedInsideForm || read.Diagnostics.Any(IsRegexDispatch);
    }

    // #"..." (a Clojure regex) is not Zylisp syntax: the reader reports '#"' and then sees the
    // pattern's closing quote as the start of a string, which would leave a REPL waiting for
    // more input forever. The entry is complete: evaluating it reports the located error.
    private static bool IsRegexDispatch(Diagnostics.Diagnostic d) =>
        d.Id == Diagnostics.DiagnosticIds.UnknownDispatch && d.Args is [string shown] && shown.StartsWith('"');
}
