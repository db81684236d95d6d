using Zylisp.Lang.Analysis;
using Zylisp.Lang.Expansion;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Lang.Prelude;

/// <summary>
/// The prelude, loaded one definition at a time when a form first needs it
/// (docs/design/cli-startup.md, docs/design/middle-end.md). At start the text is only scanned for
/// its top-level definitions (each starts with "(" in column 0 and names its global second, e.g.
/// "(defn some? ..."). Loading is an explicit pipeline step: the expander requires a macro's
/// name before it looks it up, and the pipeline requires every name an expanded form mentions
/// before it analyzes it, so name resolution itself never reads or runs code, and
/// `(println "hello")` reads, expands and analyzes none of the prelude.
/// </summary>
internal sealed class LazyPrelude : IPendingDefinitions, IDefinitionLoader
{
    private readonly string text;
    private readonly Dictionary<string, TextRange> pending = new(StringComparer.Ordinal);
    private readonly GlobalEnvironment globals;
    private readonly Pipeline pipeline;
    private bool registered;

    public LazyPrelude(string text, GlobalEnvironment globals, Pipeline pipeline)
    {
        this.text = text;
        this.globals = globals;
        this.pipeline = pipeline;
        Scan();
    }

    /// <summary>The pipeline that loads prelude definitions (its own, so a nested load never touches a user form's expansion budget).</summary>
    public Pipeline Pipeline => pipeline;

    public int Count => pending.Count;

    public IEnumerable<string> PendingNames => pending.Keys;

    public void Require(string name)
    {
        if (pending.Count > 0)
        {
            TryLoad(name);
        }
    }

    public void RequireAll() => LoadAll();

    /// <summary>Loads the definition of <paramref name="name"/> if it is still pending; false if it is not a pending prelude name.</summary>
    public bool TryLoad(string name)
    {
        if (!pending.Remove(name, out var range))
        {
            return false;
        }

        if (!registered)
        {
            // Registered once, for carets in diagnostics that point into the prelude.
            pipeline.Sources.Add(PreludeSource.FileName, text);
            registered = true;
        }

        var read = Reader.ReadAll(Isolate(range.Start, range.End), PreludeSource.FileName);
        var failure = read.Diagnostics.FirstOrDefault(d => d.IsError);
        if (failure is null)
        {
            try
            {
                var unit = pipeline.NewUnit(PreludeSource.FileName);
                var ctx = pipeline.NewContext(CancellationToken.None);
                foreach (var form in read.Forms)
                {
                    pipeline.EvalTopLevel(form, unit, ctx);
                }
            }
            catch (Exception e) when (e is ExpansionException or AnalysisException or ZylispException)
            {
                throw new InvalidOperationException("the Zylisp prelude definition of `" + name + "` failed to load: " + e.Message, e);
            }
        }
        else
        {
            throw new InvalidOperationException("the Zylisp prelude failed to read: " + failure);
        }

        if (globals.Find(name) is { } v)
        {
            v.IsCore = true;
        }

        return true;
    }

    /// <summary>Loads every definition still pending (before user code redefines a core name, so nothing later sees it).</summary>
    public void LoadAll()
    {
        while (pending.Count > 0)
        {
            string first;
            using (var names = pending.Keys.GetEnumerator())
            {
                names.MoveNext();
                first = names.Current;
            }

            TryLoad(first);
        }
    }

    /// <summary>
    /// The prelude text with everything outside [start, end) blanked (newlines kept), so the
    /// reader reports the definition's real lines, columns and offsets.
    /// </summary>
    private string Isolate(int start, int end)
    {
        // A char array, not string.Create with a tuple state, whose instantiation is JIT-compiled.
        var chars = new char[text.Length];
        for (int i = 0; i < chars.Length; i++)
        {
            char c = text[i];
            chars[i] = (i >= start && i < end) || c == '\n' ? c : ' ';
        }

        return new string(chars);
    }

    private void Scan()
    {
        int chunkStart = -1;
        string? chunkName = null;
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            if (text[lineStart] == '(')
            {
                Close(chunkName, chunkStart, lineStart);
                chunkStart = lineStart;
                chunkName = NameAt(lineStart);
            }

            int newline = text.IndexOf('\n', lineStart);
            lineStart = newline < 0 ? text.Length : newline + 1;
        }

        Close(chunkName, chunkStart, text.Length);
    }

    private void Close(string? name, int start, int end)
    {
        if (name is null)
        {
            return;
        }

        if (!pending.TryAdd(name, new TextRange(start, end)))
        {
            // Laziness needs one definition per name; the prelude is ours, so this is a bug in it.
            throw new InvalidOperationException("the Zylisp prelude defines `" + name + "` twice");
        }
    }

    /// <summary>The second token of the top-level form at <paramref name="open"/>: "(defn name ...".</summary>
    private string NameAt(int open)
    {
        int i = open + 1;
        while (i < text.Length && !IsDelimiter(text[i]))
        {
            i++;
        }

        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        int nameStart = i;
        while (i < text.Length && !IsDelimiter(text[i]))
        {
            i++;
        }

        return i > nameStart ? text[nameStart..i] : throw new InvalidOperationException("a top-level prelude form at offset " + open + " does not name a definition");
    }

    private static bool IsDelimiter(char c) => c is ' ' or '\t' or '\n' or '\r' or '(' or ')' or '[' or ']';

    /// <summary>A reference type on purpose: Dictionary over a value-tuple value is not precompiled (ReadyToRun) and costs start-up JIT.</summary>
    private sealed record TextRange(int Start, int End);
}
