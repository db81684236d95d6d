using Zylisp.Repl.Client;
using Zylisp.Repl.Protocol;
using Zylisp.Repl.Server;

namespace Zylisp.Repl.Tests;

/// <summary>The ops, fields and statuses, against a server whose workers run in-process (fast); the worker-process tests are in WorkerFaultTests.</summary>
public sealed class ServerTests : IAsyncLifetime
{
    private TestServer server = null!;
    private NreplClient client = null!;
    private string session = "";

    public async Task InitializeAsync()
    {
        server = await TestServer.StartAsync();
        client = await server.ConnectAsync();
        session = await client.CloneAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private Task<List<Dictionary<string, object>>> Call(params (string, object?)[] fields) => client.CallAsync(Message.Create(fields));

    [Fact]
    public async Task Describe_lists_every_op_and_the_versions()
    {
        var reply = Assert.Single(await Call(("op", "describe")));
        var ops = Assert.IsType<Dictionary<string, object>>(reply["ops"]);
        foreach (var op in new[] { "clone", "close", "ls-sessions", "eval", "interrupt", "load-file", "completions", "complete", "lookup", "info", "eldoc", "stdin" })
        {
            Assert.Contains(op, ops.Keys);
        }

        Assert.True(((Dictionary<string, object>)reply["versions"]).ContainsKey("nrepl"));
        Assert.True(reply.Has("status", "done"));
    }

    [Fact]
    public async Task Eval_sends_one_value_per_form_then_out_then_done()
    {
        var replies = await Call(("op", "eval"), ("session", session), ("code", "(def x 41) (println \"hi\") (+ x 1)"));
        var response = EvalResponse.From(replies);
        Assert.Equal(["41", "nil", "42"], response.Values);
        Assert.Equal("hi\n", response.Out);
        Assert.All(replies.Where(r => r.ContainsKey("value")), r => Assert.Equal("user", r.Str("ns")));
        Assert.True(replies[^1].Has("status", "done"));
        Assert.All(replies, r => Assert.Equal(session, r.Str("session")));
    }

    [Fact]
    public async Task An_error_is_eval_error_with_ex_and_the_diagnostic_on_err()
    {
        var response = await client.EvalAsync(session, "(/ 1 0)");
        Assert.True(response.IsError);
        Assert.Equal(":arithmetic-error", response.Ex);
        Assert.Contains("ZL5004", response.Err, StringComparison.Ordinal);
        Assert.Equal("done", response.Statuses[^1]);
        var read = await client.EvalAsync(session, "(+ 1");
        Assert.Equal("read-error", read.Ex);
    }

    [Fact]
    public async Task File_line_and_column_place_the_error()
    {
        var replies = await Call(("op", "eval"), ("session", session), ("code", "(+ 1 nope)"), ("file", "src/a.zl"), ("line", 7L), ("column", 3L));
        Assert.Contains("src/a.zl:7:8", EvalResponse.From(replies).Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_have_their_own_definitions_and_a_clone_copies_them()
    {
        await client.EvalAsync(session, "(def only-here 1) (defn twice [n] (* 2 n))");
        var other = await client.CloneAsync();
        Assert.True((await client.EvalAsync(other, "only-here")).IsError);
        var copy = await client.CloneAsync(session);
        Assert.Equal("10", (await client.EvalAsync(copy, "(twice 5)")).Value);
        await client.EvalAsync(copy, "(def only-here 2)");
        Assert.Equal("1", (await client.EvalAsync(session, "only-here")).Value);
    }

    [Fact]
    public async Task Each_session_has_its_own_star_1_2_3_and_star_e()
    {
        var other = await client.CloneAsync();
        await client.EvalAsync(session, "1");
        await client.EvalAsync(session, "2");
        await client.EvalAsync(session, "3");
        await client.EvalAsync(other, "(/ 1 0)");
        Assert.Equal("[3 2 1]", (await client.EvalAsync(session, "[*1 *2 *3]")).Value);
        Assert.Equal("nil", (await client.EvalAsync(session, "*e")).Value);
        Assert.Equal(":arithmetic-error", (await client.EvalAsync(other, "(:type *e)")).Value);
    }

    [Fact]
    public async Task Clone_close_and_ls_sessions()
    {
        var extra = await client.CloneAsync();
        var listed = (await Call(("op", "ls-sessions")))[0].Strings("sessions");
        Assert.Contains(extra, listed);
        Assert.Contains(session, listed);
        Assert.Contains("session-closed", (await Call(("op", "close"), ("session", extra)))[0].Strings("status"));
        Assert.DoesNotContain(extra, (await Call(("op", "ls-sessions")))[0].Strings("sessions"));
        Assert.Contains("unknown-session", (await Call(("op", "eval"), ("session", extra), ("code", "1")))[0].Strings("status"));
    }

    [Fact]
    public async Task Unknown_ops_and_sessions_are_reported()
    {
        var reply = Assert.Single(await Call(("op", "frobnicate")));
        Assert.Equal(["error", "unknown-op", "done"], reply.Strings("status"));
        Assert.Contains("unknown-session", Assert.Single(await Call(("op", "eval"), ("session", "no-such"), ("code", "1"))).Strings("status"));
    }

    [Fact]
    public async Task Interrupt_stops_a_loop_and_idle_sessions_say_so()
    {
        Assert.Contains("session-idle", (await Call(("op", "interrupt"), ("session", session)))[0].Strings("status"));
        var evaluation = client.CallAsync(Message.Create(("op", "eval"), ("id", "loop-1"), ("session", session), ("code", "(loop [i 0] (recur (inc i)))")));
        await Task.Delay(200);
        var interrupt = await Call(("op", "interrupt"), ("session", session), ("interrupt-id", "loop-1"));
        Assert.True(interrupt[^1].Has("status", "done"));
        var replies = await evaluation.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(replies, r => r.Has("status", "interrupted"));
        Assert.True(replies[^1].Has("status", "done"));
        Assert.Equal("3", (await client.EvalAsync(session, "(+ 1 2)")).Value);
    }

    [Fact]
    public async Task Read_line_asks_for_input_with_need_input()
    {
        var replies = new List<Dictionary<string, object>>();
        await foreach (var reply in client.SendAsync(Message.Create(("op", "eval"), ("session", session), ("code", "(str \"got \" (read-line))"))))
        {
            replies.Add(reply);
            if (reply.Has("status", "need-input"))
            {
                await Call(("op", "stdin"), ("session", session), ("stdin", "hello\n"));
            }
        }

        Assert.Contains(replies, r => r.Has("status", "need-input"));
        Assert.Equal("\"got hello\"", EvalResponse.From(replies).Value);
    }

    [Fact]
    public async Task Load_file_evaluates_the_contents_under_the_files_name()
    {
        var replies = await Call(("op", "load-file"), ("session", session), ("file", "(defn sq [x] (* x x))\n(sq 9)\n(undefined-fn)"), ("file-path", "/p/sq.zl"), ("file-name", "sq.zl"));
        var response = EvalResponse.From(replies);
        Assert.Contains("81", response.Values);
        Assert.Contains("/p/sq.zl:3", response.Err, StringComparison.Ordinal);
        Assert.Equal("16", (await client.EvalAsync(session, "(sq 4)")).Value);
    }

    [Fact]
    public async Task Completions_and_complete_list_matching_names_with_types()
    {
        await client.EvalAsync(session, "(defn my-helper [a b] a)");
        foreach (var op in new[] { "completions", "complete" })
        {
            var reply = (await Call(("op", op), ("session", session), ("prefix", "my-h")))[0];
            var candidate = Assert.IsType<Dictionary<string, object>>(Assert.Single((List<object>)reply["completions"]));
            Assert.Equal("my-helper", candidate.Str("candidate"));
            Assert.Equal("function", candidate.Str("type"));
        }
    }

    [Fact]
    public async Task Lookup_info_and_eldoc_in_the_shapes_cider_asks_for()
    {
        var lookup = (await Call(("op", "lookup"), ("session", session), ("sym", "map")))[0];
        var info = Assert.IsType<Dictionary<string, object>>(lookup["info"]);
        Assert.Equal("map", info.Str("name"));
        Assert.StartsWith("([f coll]", info.Str("arglists-str"), StringComparison.Ordinal);
        var flat = (await Call(("op", "info"), ("session", session), ("sym", "reduce")))[0];
        Assert.False(string.IsNullOrEmpty(flat.Str("doc")));
        var eldoc = (await Call(("op", "eldoc"), ("session", session), ("sym", "reduce")))[0];
        Assert.Equal(["f", "coll"], ((List<object>)((List<object>)eldoc["eldoc"])[0]).Cast<string>());
        Assert.Contains("no-info", (await Call(("op", "info"), ("session", session), ("sym", "no-such-name")))[0].Strings("status"));
    }

    [Theory]
    [InlineData("interp")]
    [InlineData("il")]
    [InlineData("tiered")]
    [InlineData("native")]
    public async Task The_engine_field_picks_the_engine_the_worker_runs(string engine)
    {
        var clone = Assert.Single(await Call(("op", "clone"), ("engine", engine)));
        // The reply's engine is what the worker's execution engine calls itself, not an echo of the request.
        Assert.Equal(engine, clone.Str("engine"));
        var id = clone.Str("new-session")!;

        // Hot enough for the tiered engine to compile the function (10,000 calls), and a recursion
        // deep enough that every engine must keep its call-depth limit.
        var result = await client.EvalAsync(id, "(defn sq [x] (* x x)) (reduce + (map sq (range 20000)))");
        Assert.Equal("2666466670000", result.Value);
        // Native code is limited by the machine stack, not by a call count (native-backend.md).
        var depth = engine == "native" ? 100_000_000 : 100_000;
        var deep = await client.EvalAsync(id, $"(defn down [n] (if (zero? n) 0 (inc (down (dec n))))) (down {depth})");
        Assert.Contains("eval-error", deep.Statuses);
    }

    [Fact]
    public async Task A_session_without_an_engine_gets_the_servers_default_and_unknown_engines_are_refused()
    {
        Assert.Equal("tiered", Assert.Single(await Call(("op", "clone")))!.Str("engine"));
        var refused = Assert.Single(await Call(("op", "clone"), ("engine", "cobol")));
        Assert.Contains("unsupported-engine", refused.Strings("status"));
        Assert.Contains("unknown engine 'cobol'", refused.Str("err"), StringComparison.Ordinal);
        var aux = (Dictionary<string, object>)Assert.Single(await Call(("op", "describe")))["aux"];
        Assert.Equal(["interp", "il", "tiered", "native"], ((List<object>)aux["engines"]).Cast<string>());
    }

    [Fact]
    public async Task Eval_without_a_session_uses_the_connections_own_session()
    {
        Assert.Equal("7", EvalResponse.From(await Call(("op", "eval"), ("code", "(def seven 7) seven"))).Value);
        Assert.Equal("7", EvalResponse.From(await Call(("op", "eval"), ("code", "seven"))).Value);
    }

    [Fact]
    public async Task The_port_file_is_written_and_removed_and_the_started_line_is_exact()
    {
        var directory = Directory.CreateTempSubdirectory("nrepl-port-").FullName;
        var other = await TestServer.StartAsync(portFileDirectory: directory);
        var file = Path.Combine(directory, NreplServer.PortFileName);
        Assert.Equal(other.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(file));
        Assert.Equal($"nREPL server started on port {other.Server.Port} on host 127.0.0.1 - nrepl://127.0.0.1:{other.Server.Port}", other.Server.StartedLine);
        await other.DisposeAsync();
        Assert.False(File.Exists(file));
        Directory.Delete(directory);
    }
}
