using Zylisp.Cli.Hosting;
using Zylisp.Lang;
using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Syntax;

namespace Zylisp.Cli.Repl;

/// <summary>
/// The REPL's bridge to the engine: evaluates an entry, keeps <c>*1 *2 *3</c> (the last three values)
/// and <c>*e</c> (the last error) up to date, answers <c>(doc name)</c> from the engine's
/// documentation, and formats errors with Lang's formatter.
/// Lines are numbered across the session (<see cref="ReplTranscript"/>), and the engine's
/// <c>&lt;repl&gt;</c> source is the whole transcript.
/// </summary>
internal sealed class EngineReplEvaluator(Engine engine, DiagnosticReporter reporter) : IReplEvaluator
{
    public string Namespace => engine.CurrentNamespace;

    public const string SourceName = "<repl>";

    private readonly ReplTranscript _transcript = new();

    private object? _value1;
    private object? _value2;
    private HashSet<string>? _names;

    public IEnumerable<string> Names => KnownNames();

    public bool IsComplete(string source) => Reader.IsComplete(source);

    public NameKind Classify(string name) => KnownNames().Contains(name) ? NameKind.Defined : NameKind.Unknown;

    public ReplOutcome Evaluate(string source, CancellationToken cancellation)
    {
        // Blank lines put the entry where it sits in the transcript (as EvalRequest.Line does).
        var linesBefore = new string('\n', _transcript.Append(source) - 1);
        if (DocRequest(source) is { } name)
        {
            return new ReplOutcome(null, null, engine.Doc(name) ?? $"No documentation for {name}.");
        }

        // Several forms on one line each print their value, as in Clojure's REPL: each is
        // evaluated on its own, in order, and an error stops the rest.
        var printed = new List<string>();
        foreach (var entry in TopLevelEntries(source))
        {
            var result = engine.Eval(linesBefore + entry, SourceName, cancellation);
            _names = null; // the entry may have defined something new
            engine.Sources.Add(SourceName, _transcript.ToString()); // excerpts show every line as typed

            var report = reporter.FormatErrors(result.Diagnostics, engine.Sources);
            if (!result.Success)
            {
                engine.SetGlobal("*e", result.Error);
                return new ReplOutcome(printed.Count == 0 ? null : string.Join('\n', printed), report);
            }

            engine.SetGlobal("*3", _value2);
            engine.SetGlobal("*2", _value1);
            engine.SetGlobal("*1", result.Value);
            (_value2, _value1) = (_value1, result.Value);
            printed.Add(Printer.PrStr(result.Value, engine.Options.Limits));
        }

        return new ReplOutcome(string.Join('\n', printed), null);
    }

    /// <summary>
    /// The entry split into its top-level forms, each as the whole text with everything outside
    /// the form blanked (newlines kept), so that error locations stay those of the typed line.
    /// An entry with one form, or with read errors, is evaluated whole.
    /// </summary>
    internal static IReadOnlyList<string> TopLevelEntries(string source)
    {
        var read = Reader.ReadAll(source, SourceName);
        if (read.HasErrors || read.FormSpans.Count < 2)
        {
            return [source];
        }

        var entries = new List<string>(read.FormSpans.Count);
        foreach (var span in read.FormSpans)
        {
            var chars = source.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if ((i < span.StartOffset || i >= span.EndOffset) && chars[i] != '\n')
                {
                    chars[i] = ' ';
                }
            }

            entries.Add(new string(chars));
        }

        return entries;
    }

    /// <summary>
    /// <c>(doc name)</c> is a REPL command, as in Clojure's REPL: the name is not evaluated. A program
    /// that defines its own <c>doc</c> gets its own.
    /// </summary>
    private string? DocRequest(string source)
    {
        if (!source.TrimStart().StartsWith("(doc", StringComparison.Ordinal) || KnownNames().Contains("doc"))
        {
            return null;
        }

        var read = Reader.ReadAll(source, SourceName);
        return !read.HasErrors && read.Forms is [PersistentList { Count: 2 } list]
            && list.First is Symbol { Name: "doc", Namespace: null }
            && list.Rest.First is Symbol target
            ? (target.Namespace is null ? target.Name : $"{target.Namespace}/{target.Name}")
            : null;
    }

    private HashSet<string> KnownNames() => _names ??= new HashSet<string>(engine.GlobalNames, StringComparer.Ordinal);
}
