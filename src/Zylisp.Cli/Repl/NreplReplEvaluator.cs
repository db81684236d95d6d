using System.Text;
using System.Text.RegularExpressions;
using Zylisp.Lang.Syntax;
using Zylisp.Repl.Client;
using Zylisp.Repl.Protocol;

namespace Zylisp.Cli.Repl;

/// <summary>
/// The terminal REPL's evaluator when it is a client of an nREPL server (ours or Clojure's): code
/// goes out as <c>eval</c> in one session, out and err are shown as they arrive, Ctrl+C sends
/// <c>interrupt</c>, Tab asks <c>completions</c>, <c>(doc name)</c> asks <c>info</c>, and
/// <c>(read-line)</c>'s <c>need-input</c> is answered from this terminal.
/// </summary>
internal sealed partial class NreplReplEvaluator(Task<Commands.NreplConnection> connecting, TextWriter output, TextWriter error, Func<string?> readInput) : IReplEvaluator
{
    private NreplClient client = null!;
    private string? session;

    /// <summary>Waits for the connection once; server notices (a restored session) go to standard error.</summary>
    private void Connect()
    {
        if (session is not null)
        {
            return;
        }

        var connection = connecting.GetAwaiter().GetResult();
        client = connection.Client;
        client.Unsolicited = message =>
        {
            if (message.Str("err") is { } text)
            {
                error.Write(text);
                error.Flush();
            }
        };
        session = connection.Session;
    }

    private HashSet<string>? _names;

    // Lines are numbered across the session, as in Clojure's REPL: each eval says where it starts.
    private readonly ReplTranscript _transcript = new();

    public IEnumerable<string> Names => KnownNames();

    public bool IsComplete(string source) => Reader.IsComplete(source);

    /// <summary>The namespace the server's last value reply named (nREPL's "ns").</summary>
    public string Namespace { get; private set; } = "user";

    public NameKind Classify(string name) => KnownNames().Contains(name) ? NameKind.Defined : NameKind.Unknown;

    public ReplOutcome Evaluate(string source, CancellationToken cancellation)
    {
        try
        {
            Connect();
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return new ReplOutcome(null, $"zylisp: no nREPL session: {e.Message}");
        }

        return EvaluateAsync(source, cancellation).GetAwaiter().GetResult();
    }

    private async Task<ReplOutcome> EvaluateAsync(string source, CancellationToken cancellation)
    {
        if (DocRequest().Match(source) is { Success: true } doc)
        {
            var info = await client.CallAsync(Message.Create(("op", "info"), ("session", session), ("sym", doc.Groups[1].Value)), CancellationToken.None).ConfigureAwait(false);
            var found = info.FirstOrDefault(r => r.ContainsKey("doc") || r.ContainsKey("arglists-str"));
            return found is null
                ? new ReplOutcome(null, null, $"No documentation for {doc.Groups[1].Value}.")
                : new ReplOutcome(null, null, $"{doc.Groups[1].Value}\n{found.Str("arglists-str")}\n  {found.Str("doc")}".Replace("\n\n", "\n", StringComparison.Ordinal));
        }

        _names = null;
        long firstLine = _transcript.Append(source);
        var errors = new StringBuilder();
        // One `value` reply per top-level form: several forms on one line print every value.
        var values = new List<string>();
        var interrupted = false;
        var id = Guid.NewGuid().ToString("N");
        using var onInterrupt = cancellation.Register(() =>
            _ = client.CallAsync(Message.Create(("op", "interrupt"), ("session", session), ("interrupt-id", id))));
        await foreach (var reply in client.SendAsync(Message.Create(("op", "eval"), ("id", id), ("session", session), ("code", source), ("line", firstLine)), CancellationToken.None).ConfigureAwait(false))
        {
            if (reply.Str("out") is { } text)
            {
                output.Write(text);
                output.Flush();
            }

            if (reply.Str("err") is { } err)
            {
                errors.Append(err);
            }

            if (reply.Str("value") is { } value)
            {
                Namespace = reply.Str("ns") ?? Namespace;
                values.Add(value);
            }

            interrupted |= reply.Has("status", "interrupted");
            if (reply.Has("status", "need-input"))
            {
                await client.CallAsync(Message.Create(("op", "stdin"), ("session", session), ("stdin", readInput() is { } line ? line + "\n" : ""))).ConfigureAwait(false);
            }
        }

        if (interrupted)
        {
            errors.Append("Interrupted.\n");
        }

        return new ReplOutcome(interrupted || values.Count == 0 ? null : string.Join('\n', values), errors.Length > 0 ? errors.ToString() : null);
    }

    private HashSet<string> KnownNames()
    {
        if (_names is null)
        {
            if (session is null && !connecting.IsCompletedSuccessfully)
            {
                return []; // still starting: nothing to complete yet, and no waiting on a keystroke
            }

            Connect();
            var replies = client.CallAsync(Message.Create(("op", "completions"), ("session", session), ("prefix", ""))).GetAwaiter().GetResult();
            _names = new HashSet<string>(
                replies.SelectMany(r => r.TryGetValue("completions", out var list) && list is List<object> items ? items : [])
                    .OfType<Dictionary<string, object>>()
                    .Select(c => c.Str("candidate"))
                    .OfType<string>(),
                StringComparer.Ordinal);
        }

        return _names;
    }

    [GeneratedRegex(@"^\s*\(doc\s+([^\s()]+)\s*\)\s*$")]
    private static partial Regex DocRequest();
}
