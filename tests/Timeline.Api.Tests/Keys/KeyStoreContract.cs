using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Api.Tests.Keys;

/// <summary>
/// What every <see cref="IKeyStore"/> backend must do, written once; a backend runs it through a one-line subclass
/// (see <see cref="SqliteKeyStoreContract"/>). It depends on Core and xunit only, so it can move beside the event
/// store contract in <c>tests/Timeline.Store.Contract</c> unchanged when the PostgreSQL store implements keys.
/// </summary>
public abstract class KeyStoreContract : IAsyncDisposable
{
    protected static readonly DateTimeOffset Created = new DateTimeOffset(2023, 1, 10, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private readonly List<object> _stores = [];

    protected FakeTimeProvider Clock { get; } = new(Created);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store of the backend under test; it is both the event store and the key store.</summary>
    protected abstract IEventStore CreateStore(FakeTimeProvider clock);

    /// <summary>Another instance on the same backing store as <paramref name="store"/> (the same file or database).</summary>
    protected abstract IEventStore Reopen(IEventStore store, FakeTimeProvider clock);

    private IKeyStore NewStore()
    {
        var store = CreateStore(Clock);
        _stores.Add(store);
        return (IKeyStore)store;
    }

    private static ApiKey Key(string name, KeyRole role = KeyRole.Reader, string? hash = null) =>
        new(name, role, hash ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name + Guid.NewGuid()))), Created, "ops");

    [Fact]
    public async Task A_key_is_found_by_its_hash_with_every_field_kept()
    {
        var keys = NewStore();
        var key = Key("desk", KeyRole.Editor);

        await keys.AddKeyAsync(key, Cancel);

        var found = await keys.FindActiveKeyAsync(key.Hash, Cancel);
        Assert.NotNull(found);
        Assert.Equal(key with { CreatedAt = Microseconds(key.CreatedAt) }, found);
        Assert.Null(await keys.FindActiveKeyAsync(new string('0', 64), Cancel));
    }

    [Fact]
    public async Task Every_role_round_trips()
    {
        var keys = NewStore();
        foreach (var role in Enum.GetValues<KeyRole>())
        {
            await keys.AddKeyAsync(Key(role.ToString(), role), Cancel);
        }

        var listed = await keys.ListKeysAsync(Cancel);

        Assert.Equal(Enum.GetValues<KeyRole>(), listed.Select(k => k.Role));
    }

    [Fact]
    public async Task Keys_are_listed_oldest_first_revoked_ones_included()
    {
        var keys = NewStore();
        await keys.AddKeyAsync(Key("b-first"), Cancel);
        await keys.AddKeyAsync(Key("a-second"), Cancel);
        await keys.AddKeyAsync(Key("c-third"), Cancel);
        var revokedAt = Created.AddDays(1);

        Assert.True(await keys.RevokeKeyAsync("a-second", revokedAt, Cancel));

        var listed = await keys.ListKeysAsync(Cancel);
        Assert.Equal(["b-first", "a-second", "c-third"], listed.Select(k => k.Name));
        Assert.Equal([true, false, true], listed.Select(k => k.IsActive));
        Assert.Equal(Microseconds(revokedAt), listed[1].RevokedAt);
    }

    [Fact]
    public async Task A_revoked_key_is_no_longer_found_and_cannot_be_revoked_again()
    {
        var keys = NewStore();
        var key = Key("leaver");
        await keys.AddKeyAsync(key, Cancel);

        Assert.True(await keys.RevokeKeyAsync("leaver", Created.AddHours(1), Cancel));
        Assert.False(await keys.RevokeKeyAsync("leaver", Created.AddHours(2), Cancel));
        Assert.False(await keys.RevokeKeyAsync("never-was", Created.AddHours(2), Cancel));
        Assert.Null(await keys.FindActiveKeyAsync(key.Hash, Cancel));
    }

    [Fact]
    public async Task An_active_name_is_unique_and_a_revoked_name_can_be_issued_again()
    {
        var keys = NewStore();
        await keys.AddKeyAsync(Key("desk"), Cancel);

        await Assert.ThrowsAsync<WriteConflict>(() => keys.AddKeyAsync(Key("desk", KeyRole.Admin), Cancel));
        Assert.Single(await keys.ListKeysAsync(Cancel));

        await keys.RevokeKeyAsync("desk", Created.AddHours(1), Cancel);
        var second = Key("desk", KeyRole.Admin);
        await keys.AddKeyAsync(second, Cancel);
        Assert.Equal(KeyRole.Admin, (await keys.FindActiveKeyAsync(second.Hash, Cancel))?.Role);
    }

    [Fact]
    public async Task A_hash_is_stored_once()
    {
        var keys = NewStore();
        await keys.AddKeyAsync(Key("one", hash: new string('a', 64)), Cancel);

        await Assert.ThrowsAsync<WriteConflict>(() => keys.AddKeyAsync(Key("two", hash: new string('a', 64)), Cancel));
    }

    [Fact]
    public async Task Names_are_matched_exactly()
    {
        var keys = NewStore();
        await keys.AddKeyAsync(Key("Desk"), Cancel);

        Assert.False(await keys.RevokeKeyAsync("desk", Created, Cancel));
        await keys.AddKeyAsync(Key("desk"), Cancel);
        Assert.Equal(2, (await keys.ListKeysAsync(Cancel)).Count);
    }

    [Fact]
    public async Task Keys_live_in_the_store_and_leave_the_event_log_alone()
    {
        var store = CreateStore(Clock);
        _stores.Add(store);
        var key = Key("desk");
        await ((IKeyStore)store).AddKeyAsync(key, Cancel);

        var again = Reopen(store, Clock);
        _stores.Add(again);

        Assert.Equal(key.Name, (await ((IKeyStore)again).FindActiveKeyAsync(key.Hash, Cancel))?.Name);
        Assert.Empty(await ReadAllAsync(again));
        var meeting = MeetingId.Parse("g20-2022");
        var announced = new MeetingEvent.MeetingAnnounced("G20 summit", MeetingKind.Summit, [], null, null, null);
        await again.AppendAsync([new StreamAppend(meeting, 0, [new PendingEvent(Guid.NewGuid(), announced, ReportedAt.Parse("2022-09-08"), Source.None, "c1")])], "ops", Cancel);
        Assert.Single(await ReadAllAsync(again));
    }

    private static async Task<List<StoredEvent>> ReadAllAsync(IEventStore store)
    {
        var events = new List<StoredEvent>();
        await foreach (var e in store.ReadAllAsync(EventQuery.All, Cancel))
        {
            events.Add(e);
        }
        return events;
    }

    private static DateTimeOffset Microseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        GC.SuppressFinalize(this);
    }
}
