using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Feed;

/// <summary>The store as the core's handlers see it: every call goes to the store, and a successful append is told to <see cref="LogAppends"/>.</summary>
internal sealed class NotifyingEventStore(IEventStore store, LogAppends news) : IEventStore
{
    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken) =>
        store.ReadStreamAsync(stream, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadAllAsync(EventQuery query, CancellationToken cancellationToken) =>
        store.ReadAllAsync(query, cancellationToken);

    public Task<StoredEvent?> ReadLastAsync(CancellationToken cancellationToken) => store.ReadLastAsync(cancellationToken);

    public Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken) =>
        store.FindCommandsAsync(commandIds, cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, string recordedBy, CancellationToken cancellationToken)
    {
        var stored = await store.AppendAsync(appends, recordedBy, cancellationToken);
        if (stored.Count > 0)
        {
            news.Appended();
        }
        return stored;
    }
}
