namespace Zylisp.Rely;

/// <summary>
/// The right to answer one call later (see <c>GenServer.TakeReply</c>). Only the first answer counts;
/// if the server exits first, the caller gets <see cref="ServerExitedException"/> instead.
/// </summary>
public sealed class PendingReply
{
    private readonly TaskCompletionSource<object?> reply;

    internal PendingReply(TaskCompletionSource<object?> reply) => this.reply = reply;

    /// <summary>Answers the caller; false if it was already answered.</summary>
    public bool Send(object? value) => reply.TrySetResult(value);

    /// <summary>Makes the caller's <c>Call</c> throw <paramref name="error"/>; false if already answered.</summary>
    public bool Fail(Exception error) => reply.TrySetException(error);
}
