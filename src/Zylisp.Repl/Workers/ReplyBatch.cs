namespace Zylisp.Repl.Workers;

/// <summary>
/// An eval's replies on their way to the server. Replies are sent as they come (output streams,
/// each value goes out when its form has run), except those held back to travel with the next
/// send: the last form's value goes out with the final report, in one write, since nothing can
/// come between them. One write instead of two is one system call and one wake-up of the server
/// fewer in every eval's round trip.
/// </summary>
internal sealed class ReplyBatch(Action<IReadOnlyList<IReadOnlyDictionary<string, object>>> sendAll)
{
    private readonly List<IReadOnlyDictionary<string, object>> held = [];

    public void Hold(Dictionary<string, object> reply)
    {
        lock (held)
        {
            held.Add(reply);
        }
    }

    /// <summary>Sends <paramref name="replies"/> after whatever was held, in one write.</summary>
    public void Send(params Dictionary<string, object>[] replies)
    {
        List<IReadOnlyDictionary<string, object>> batch;
        lock (held)
        {
            batch = [.. held, .. replies];
            held.Clear();
        }

        if (batch.Count > 0)
        {
            sendAll(batch);
        }
    }
}
