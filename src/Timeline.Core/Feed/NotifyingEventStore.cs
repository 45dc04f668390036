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

    public async Task<IEventTransaction> BeginTransactionAsync(string recordedBy, CancellationToken cancellationToken) =>
        new NotifyingTransaction(await store.BeginTransactionAsync(recordedBy, cancellationToken), news);

    /// <summary>A write transaction whose commit, once it appended anything, is told to <see cref="LogAppends"/>: its events are visible only then.</summary>
    private sealed class NotifyingTransaction(IEventTransaction transaction, LogAppends news) : IEventTransaction
    {
        private bool _appended;

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken) =>
            transaction.ReadStreamAsync(stream, cancellationToken);

        public Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken) =>
            transaction.FindCommandsAsync(commandIds, cancellationToken);

        public async Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
        {
            var stored = await transaction.AppendAsync(appends, cancellationToken);
            _appended |= stored.Count > 0;
            return stored;
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await transaction.CommitAsync(cancellationToken);
            if (_appended)
            {
                news.Appended();
            }
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
