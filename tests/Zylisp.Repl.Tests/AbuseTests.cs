using System.Net.Sockets;
using System.Text;
using Zylisp.Repl.Bencode;
using Zylisp.Repl.Protocol;

namespace Zylisp.Repl.Tests;

/// <summary>Hostile or broken clients: each gets an error or a hang-up, and a fresh client still evaluates.</summary>
public sealed class AbuseTests : IAsyncLifetime
{
    private TestServer server = null!;

    public async Task InitializeAsync() => server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<(Socket Socket, Transport Replies)> RawAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", server.Server.Port);
        return (socket, new Transport(new NetworkStream(socket, ownsSocket: false)));
    }

    /// <summary>Sends the bytes and returns the first reply, or null when the server hung up without one.</summary>
    private async Task<Dictionary<string, object>?> SendRawAsync(byte[] bytes, bool closeAfter = false)
    {
        var (socket, replies) = await RawAsync();
        using (socket)
        {
            await socket.SendAsync(bytes);
            if (closeAfter)
            {
                socket.Shutdown(SocketShutdown.Send);
            }

            try
            {
                return await replies.ReceiveAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)) as Dictionary<string, object>;
            }
            catch (Exception e) when (e is IOException or SocketException or BencodeException)
            {
                return null;
            }
        }
    }

    private async Task StillServes() => Assert.Equal("3", await server.FreshEvalAsync("(+ 1 2)"));

    [Fact]
    public async Task A_truncated_message_then_hang_up()
    {
        // A half-closed connection may still read the error reply; either way the server has hung up.
        var reply = await SendRawAsync("d2:op4:ev"u8.ToArray(), closeAfter: true);
        Assert.True(reply is null || reply.Has("status", "malformed-message"));
        await StillServes();
    }

    [Fact]
    public async Task A_declared_length_of_one_gigabyte()
    {
        var reply = await SendRawAsync("d2:op4:eval4:code1073741824:(+ 1"u8.ToArray());
        Assert.NotNull(reply);
        Assert.Contains("malformed-message", reply.Strings("status"));
        await StillServes();
    }

    [Fact]
    public async Task Garbage_bytes()
    {
        var garbage = new byte[4096];
        new Random(10).NextBytes(garbage);
        garbage[0] = (byte)'x';
        var reply = await SendRawAsync(garbage);
        Assert.Contains("malformed-message", reply!.Strings("status"));
        await StillServes();
    }

    [Fact]
    public async Task A_message_that_is_not_a_dictionary_is_answered_and_the_connection_goes_on()
    {
        var (socket, replies) = await RawAsync();
        using (socket)
        {
            await socket.SendAsync("li1ei2ee"u8.ToArray());
            var error = (Dictionary<string, object>)(await replies.ReceiveAsync())!;
            Assert.Contains("not-a-dictionary", error.Strings("status"));
            await socket.SendAsync(BencodeWriter.Encode(Message.Create(("op", "describe"), ("id", "d"))));
            var describe = (Dictionary<string, object>)(await replies.ReceiveAsync())!;
            Assert.Equal("d", describe.Str("id"));
        }

        await StillServes();
    }

    [Fact]
    public async Task Nesting_100000_deep()
    {
        var reply = await SendRawAsync(Encoding.ASCII.GetBytes(new string('l', 100_000) + new string('e', 100_000)));
        Assert.Contains("malformed-message", reply!.Strings("status"));
        await StillServes();
    }

    [Fact]
    public async Task Unknown_ops_and_odd_fields()
    {
        var (socket, replies) = await RawAsync();
        using (socket)
        {
            foreach (var message in new[]
            {
                Message.Create(("op", "no-such-op"), ("id", "1")),
                Message.Create(("id", "2")),
                Message.Create(("op", 42L), ("id", "3")),
                Message.Create(("op", "eval"), ("code", new List<object> { "x" }), ("id", "4")),
                Message.Create(("op", "eval"), ("code", "1"), ("line", "many"), ("id", "5")),
            })
            {
                await socket.SendAsync(BencodeWriter.Encode(message));
                Dictionary<string, object> reply;
                do
                {
                    reply = (Dictionary<string, object>)(await replies.ReceiveAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)))!;
                }
                while (!reply.Has("status", "done"));
                Assert.Equal(message.Str("id"), reply.Str("id"));
            }
        }

        await StillServes();
    }

    [Fact]
    public async Task Many_clients_hanging_up_mid_eval()
    {
        for (var i = 0; i < 20; i++)
        {
            var (socket, _) = await RawAsync();
            await socket.SendAsync(BencodeWriter.Encode(Message.Create(("op", "eval"), ("code", "(println (range 1000))"), ("id", "x"))));
            socket.Dispose();
        }

        await StillServes();
    }
}
