using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Feed;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Core.Tests.Feed;

/// <summary>
/// An import's write transaction through <see cref="NotifyingEventStore"/>: followers are woken once its events are
/// visible (after the commit), not per batch, and not at all when it wrote nothing or was never committed.
/// </summary>
public sealed class NotifyingTransactionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Followers_are_woken_by_the_commit_of_a_transaction_that_appended_not_by_its_batches()
    {
        var news = new LogAppends();
        var store = new NotifyingEventStore(new TransactionsOnly(), news);
        var woken = news.Next;

        await using (var transaction = await store.BeginTransactionAsync("analyst", Cancel))
        {
            await transaction.AppendAsync([Announced(G20)], Cancel);
            await transaction.AppendAsync([Announced(Apec)], Cancel);
            Assert.False(woken.IsCompleted);

            await transaction.CommitAsync(Cancel);
        }

        Assert.True(woken.IsCompleted);
    }

    [Fact]
    public async Task A_transaction_disposed_uncommitted_or_committed_empty_wakes_no_follower()
    {
        var news = new LogAppends();
        var store = new NotifyingEventStore(new TransactionsOnly(), news);
        var woken = news.Next;

        await using (var transaction = await store.BeginTransactionAsync("analyst", Cancel))
        {
            await transaction.AppendAsync([Announced(G20)], Cancel);
        }
        await using (var empty = await store.BeginTransactionAsync("analyst", Cancel))
        {
            await empty.CommitAsync(Cancel);
        }

        Assert.False(woken.IsCompleted);
    }

    private static StreamAppend Announced(MeetingId stream) =>
        new(stream, 0, [new PendingEvent(Guid.NewGuid(), G20Announced, ReportedAt.Parse("2022-09-08"), Ushakov, $"cmd-{Guid.NewGuid():N}")]);

    /// <summary>A store that only opens write transactions; they stamp what they are given.</summary>
    private sealed class TransactionsOnly : IEventStore
    {
        public Task<IEventTransaction> BeginTransactionAsync(string recordedBy, CancellationToken cancellationToken) =>
            Task.FromResult<IEventTransaction>(new Stamping(recordedBy));

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<StoredEvent> ReadAllAsync(EventQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredEvent?> ReadLastAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, string recordedBy, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class Stamping(string recordedBy) : IEventTransaction
    {
        private long _sequence;

        public Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
        {
            var sequences = appends.SelectMany(a => a.Events).Select(_ => ++_sequence).ToList();
            return Task.FromResult(StreamAppend.Stamp(appends, sequences, RecordedAt.FromClock(new FakeTimeProvider()), recordedBy));
        }

        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
