namespace Timeline.Core.Feed;

/// <summary>
/// News that this process appended to the log, so that a <see cref="ChangeFeed"/> in the same process (the API's
/// <c>/api/changes</c> after a <c>POST /api/commands</c>) reads at once instead of at its next poll. Appends made by
/// other processes are found by polling. One per store, registered with it.
/// </summary>
public sealed class LogAppends
{
    private TaskCompletionSource _next = New();

    /// <summary>Completes at the next append; take it before reading, so that no append goes unnoticed.</summary>
    internal Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Wakes every follower waiting on <see cref="Next"/>.</summary>
    internal void Appended() => Interlocked.Exchange(ref _next, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
