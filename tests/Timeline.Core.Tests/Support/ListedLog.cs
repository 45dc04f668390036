using Timeline.Core.Storage;
using Timeline.Domain.Meetings;
using Timeline.Store.Contract;

namespace Timeline.Core.Tests.Support;

/// <summary>
/// A read-only store over a list of stored events, answering reads as <see cref="EventQueryMeaning"/> defines them, and
/// counting the events it hands out: for handlers whose answer must not depend on how much of the log they read.
/// </summary>
internal sealed class ListedLog(IReadOnlyList<StoredEvent> log) : IEventStore
{
    /// <summary>How many events the reads returned so far.</summary>
    public int EventsRead { get; private set; }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredEvent> events = [.. log.Where(e => e.Stream == stream).OrderBy(e => e.StreamVersion)];
        EventsRead += events.Count;
        return Task.FromResult(events);
    }

    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(EventQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var e in log.Where(e => EventQueryMeaning.Matches(e, query)).OrderBy(e => e.Sequence).Take(query.Limit ?? int.MaxValue))
        {
            cancellationToken.ThrowIfCancellationRequested();
            EventsRead++;
            yield return e;
        }
        await Task.CompletedTask;
    }

    public Task<StoredEvent?> ReadLastAsync(CancellationToken cancellationToken) => Task.FromResult(log.MaxBy(e => e.Sequence));

    public Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(log.Select(e => e.CommandId).Where(commandIds.Contains).ToHashSet(StringComparer.Ordinal));

    public Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, string recordedBy, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a listed log is read-only");

    public Task<IEventTransaction> BeginTransactionAsync(string recordedBy, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a listed log is read-only");
}
