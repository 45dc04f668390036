using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Contract;

/// <summary>
/// What every <see cref="IStore"/> backend must do (events, maintenance and keys), written once. A backend's test
/// project runs it with a one-line subclass that says how to make a store:
/// <code>
/// public sealed class SqliteStoreContract(SqliteStoreFixture fixture) : EventStoreContract, IClassFixture&lt;SqliteStoreFixture&gt;
/// { protected override IStore CreateStore(FakeTimeProvider clock) => fixture.CreateStore(clock); }
/// </code>
/// </summary>
/// <remarks>
/// Each test gets a new instance, and so a new, empty store from <see cref="CreateStore"/>, whose recordedAt comes
/// from <see cref="Clock"/>. Every store made is disposed after the test.
/// </remarks>
public abstract partial class EventStoreContract : IAsyncDisposable
{
    /// <summary>When the store clock starts: 8 Sept 2022 10:30 UTC, plus 123456.7 µs, so truncation shows.</summary>
    protected static readonly DateTimeOffset ClockStart = new DateTimeOffset(2022, 9, 8, 10, 30, 0, TimeSpan.Zero).AddTicks(1_234_567);

    /// <summary><see cref="ClockStart"/> cut to whole microseconds: what the store must stamp.</summary>
    protected static readonly DateTimeOffset ClockStartInMicroseconds = new DateTimeOffset(2022, 9, 8, 10, 30, 0, TimeSpan.Zero).AddTicks(1_234_560);

    protected const string Analyst = "analyst@newsroom";

    private readonly List<IStore> _stores = [];
    private readonly Lazy<IStore> _store;
    private int _commands;

    protected EventStoreContract() => _store = new(() => NewStore(Clock), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The clock of <see cref="Store"/>.</summary>
    protected FakeTimeProvider Clock { get; } = new(ClockStart);

    /// <summary>The store under test: new and empty for each test, made on first use (racing writers share it).</summary>
    protected IStore Store => _store.Value;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store of the backend under test that stamps recordedAt from <paramref name="clock"/>.</summary>
    protected abstract IStore CreateStore(FakeTimeProvider clock);

    /// <summary>The maintenance part of <see cref="Store"/>.</summary>
    protected IStoreMaintenance Maintenance => Store;

    /// <summary>Another store, disposed with this test.</summary>
    protected IStore NewStore(FakeTimeProvider clock)
    {
        var store = CreateStore(clock);
        lock (_stores)
        {
            _stores.Add(store);
        }
        return store;
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>A new command id, unique within the test.</summary>
    protected string NewCommandId() => $"cmd-{Interlocked.Increment(ref _commands)}";

    /// <summary>An event to append, reported on the day of the article by Ushakov unless said otherwise.</summary>
    protected PendingEvent Pending(MeetingEvent @event, string reportedAt = "2022-09-08", Source? source = null, string? commandId = null) =>
        new(Guid.NewGuid(), @event, ReportedAt.Parse(reportedAt), source ?? Seed.Ushakov, commandId ?? NewCommandId());

    protected static StreamAppend Append(MeetingId stream, long expectedVersion, params PendingEvent[] events) =>
        new(stream, expectedVersion, events);

    /// <summary>Appends as <see cref="Analyst"/>.</summary>
    protected Task<IReadOnlyList<StoredEvent>> AppendAsync(params StreamAppend[] appends) =>
        Store.AppendAsync(appends, Analyst, Cancel);

    protected Task<List<StoredEvent>> ReadAllAsync(EventQuery query) =>
        Store.ReadAllAsync(query, Cancel).ToListAsync(Cancel).AsTask();

    protected async Task<IReadOnlyList<long>> SequencesOfAsync(EventQuery query) =>
        (await ReadAllAsync(query)).Select(e => e.Sequence).ToList();

    /// <summary>The store must hold exactly nothing: no events and, for the given ids, no commands.</summary>
    protected async Task AssertNothingStoredAsync(params string[] commandIds)
    {
        Assert.Empty(await ReadAllAsync(EventQuery.All));
        Assert.Empty(await Store.FindCommandsAsync(commandIds, Cancel));
    }
}
