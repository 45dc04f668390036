using System.Security.Cryptography;
using System.Text;
using Timeline.Core.Storage;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Contract;

/// <summary>
/// The <see cref="IKeyStore"/> half of the contract: API keys live in the selected store, beside the events, so
/// every backend keeps them and runs these tests through its one-line subclass.
/// </summary>
public abstract partial class EventStoreContract
{
    /// <summary>The key part of <see cref="Store"/>.</summary>
    protected IKeyStore Keys => Store;

    /// <summary>
    /// A key made at <see cref="ClockStart"/> (which has a part finer than a microsecond) by <c>ops</c>, with a new
    /// random hash unless one is given.
    /// </summary>
    protected static ApiKey NewKey(string name, KeyRole role = KeyRole.Reader, string? hash = null) =>
        new(name, role, hash ?? NewKeyHash(), ClockStart, "ops");

    /// <summary>Lowercase hex SHA-256 of a random key text, as the key ring stores it.</summary>
    protected static string NewKeyHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"tl_{Guid.NewGuid():N}")));

    [Fact]
    public async Task A_key_is_found_by_its_hash_with_every_field_kept_and_its_time_cut_to_the_microsecond()
    {
        var key = NewKey("desk", KeyRole.Editor);

        await Keys.AddKeyAsync(key, Cancel);

        var found = await Keys.FindActiveKeyAsync(key.Hash, Cancel);
        Assert.Equal(key with { CreatedAt = ClockStartInMicroseconds }, found);
        Assert.Equal(ClockStartInMicroseconds.UtcTicks, found!.CreatedAt.UtcTicks);
        Assert.True(found.IsActive);
        Assert.Null(await Keys.FindActiveKeyAsync(NewKeyHash(), Cancel));
    }

    [Fact]
    public async Task Times_keep_their_instant_to_the_microsecond_and_come_back_in_UTC_whatever_offset_they_were_given()
    {
        // 12:14:00.1234567 at Moscow's +03:00, and a revocation a day later at -05:00.
        var created = new DateTimeOffset(2022, 9, 8, 12, 14, 0, TimeSpan.FromHours(3)).AddTicks(1_234_567);
        var revoked = new DateTimeOffset(2022, 9, 8, 23, 59, 59, TimeSpan.FromHours(-5)).AddTicks(9_999_999);
        await Keys.AddKeyAsync(NewKey("moscow") with { CreatedAt = created }, Cancel);
        await Keys.AddKeyAsync(NewKey("washington") with { CreatedAt = created, RevokedAt = revoked }, Cancel);

        var listed = await Keys.ListKeysAsync(Cancel);

        Assert.All(listed, key => Assert.Equal(new DateTimeOffset(2022, 9, 8, 9, 14, 0, TimeSpan.Zero).AddTicks(1_234_560), key.CreatedAt));
        Assert.All(listed, key => Assert.Equal(TimeSpan.Zero, key.CreatedAt.Offset));
        Assert.Null(listed[0].RevokedAt);
        Assert.Equal(new DateTimeOffset(2022, 9, 9, 4, 59, 59, TimeSpan.Zero).AddTicks(9_999_990), listed[1].RevokedAt);
        Assert.Equal(TimeSpan.Zero, listed[1].RevokedAt!.Value.Offset);
    }

    [Fact]
    public async Task Every_role_round_trips()
    {
        foreach (var role in Enum.GetValues<KeyRole>())
        {
            await Keys.AddKeyAsync(NewKey($"{role}-desk", role), Cancel);
        }

        var listed = await Keys.ListKeysAsync(Cancel);

        Assert.Equal(Enum.GetValues<KeyRole>(), listed.Select(k => k.Role));
        foreach (var key in listed)
        {
            Assert.Equal(key.Role, (await Keys.FindActiveKeyAsync(key.Hash, Cancel))?.Role);
        }
    }

    [Fact]
    public async Task An_empty_store_has_no_keys()
    {
        Assert.Empty(await Keys.ListKeysAsync(Cancel));
        Assert.Null(await Keys.FindActiveKeyAsync(NewKeyHash(), Cancel));
        Assert.False(await Keys.RevokeKeyAsync("desk", ClockStart, Cancel));
    }

    [Fact]
    public async Task Keys_are_listed_oldest_first_revoked_ones_included()
    {
        // Made at the same instant, and named out of alphabetical order: the order is the order of issue.
        await Keys.AddKeyAsync(NewKey("b-first"), Cancel);
        await Keys.AddKeyAsync(NewKey("a-second"), Cancel);
        await Keys.AddKeyAsync(NewKey("c-third"), Cancel);
        var revokedAt = ClockStart.AddDays(1);

        Assert.True(await Keys.RevokeKeyAsync("a-second", revokedAt, Cancel));

        var listed = await Keys.ListKeysAsync(Cancel);
        Assert.Equal(["b-first", "a-second", "c-third"], listed.Select(k => k.Name));
        Assert.Equal([true, false, true], listed.Select(k => k.IsActive));
        Assert.Equal(ClockStartInMicroseconds.AddDays(1), listed[1].RevokedAt);
    }

    [Fact]
    public async Task A_revoked_key_is_no_longer_found_and_cannot_be_revoked_again()
    {
        var key = NewKey("leaver");
        var other = NewKey("stayer");
        await Keys.AddKeyAsync(key, Cancel);
        await Keys.AddKeyAsync(other, Cancel);

        Assert.True(await Keys.RevokeKeyAsync("leaver", ClockStart.AddHours(1), Cancel));
        Assert.False(await Keys.RevokeKeyAsync("leaver", ClockStart.AddHours(2), Cancel));
        Assert.False(await Keys.RevokeKeyAsync("never-was", ClockStart.AddHours(2), Cancel));

        Assert.Null(await Keys.FindActiveKeyAsync(key.Hash, Cancel));
        Assert.Equal(other with { CreatedAt = ClockStartInMicroseconds }, await Keys.FindActiveKeyAsync(other.Hash, Cancel));
        // The second revocation changed nothing: the first time stands.
        Assert.Equal(ClockStartInMicroseconds.AddHours(1), (await Keys.ListKeysAsync(Cancel))[0].RevokedAt);
    }

    [Fact]
    public async Task An_active_name_is_unique_and_a_clash_is_a_write_conflict_that_stores_nothing()
    {
        var first = NewKey("desk");
        await Keys.AddKeyAsync(first, Cancel);
        var second = NewKey("desk", KeyRole.Admin);

        var conflict = await Assert.ThrowsAsync<WriteConflict>(() => Keys.AddKeyAsync(second, Cancel));

        Assert.Contains("desk", conflict.Message, StringComparison.Ordinal);
        Assert.Equal([first.Hash], (await Keys.ListKeysAsync(Cancel)).Select(k => k.Hash));
        Assert.Null(await Keys.FindActiveKeyAsync(second.Hash, Cancel));
    }

    [Fact]
    public async Task A_revoked_name_can_be_issued_again_and_both_keys_are_listed()
    {
        var first = NewKey("desk");
        await Keys.AddKeyAsync(first, Cancel);
        Assert.True(await Keys.RevokeKeyAsync("desk", ClockStart.AddHours(1), Cancel));

        var second = NewKey("desk", KeyRole.Admin);
        await Keys.AddKeyAsync(second, Cancel);

        Assert.Equal(KeyRole.Admin, (await Keys.FindActiveKeyAsync(second.Hash, Cancel))?.Role);
        Assert.Null(await Keys.FindActiveKeyAsync(first.Hash, Cancel));
        Assert.Equal([first.Hash, second.Hash], (await Keys.ListKeysAsync(Cancel)).Select(k => k.Hash));
        // Revoking the name again revokes the active one only.
        Assert.True(await Keys.RevokeKeyAsync("desk", ClockStart.AddHours(2), Cancel));
        Assert.Equal(
            [ClockStartInMicroseconds.AddHours(1), ClockStartInMicroseconds.AddHours(2)],
            (await Keys.ListKeysAsync(Cancel)).Select(k => k.RevokedAt));
    }

    [Fact]
    public async Task A_key_added_already_revoked_does_not_hold_its_name()
    {
        await Keys.AddKeyAsync(NewKey("desk") with { RevokedAt = ClockStart }, Cancel);

        await Keys.AddKeyAsync(NewKey("desk"), Cancel);

        Assert.Equal([false, true], (await Keys.ListKeysAsync(Cancel)).Select(k => k.IsActive));
    }

    [Fact]
    public async Task A_hash_is_stored_once_even_for_a_revoked_key()
    {
        var hash = NewKeyHash();
        await Keys.AddKeyAsync(NewKey("one", hash: hash), Cancel);

        await Assert.ThrowsAsync<WriteConflict>(() => Keys.AddKeyAsync(NewKey("two", hash: hash), Cancel));

        Assert.True(await Keys.RevokeKeyAsync("one", ClockStart.AddHours(1), Cancel));
        await Assert.ThrowsAsync<WriteConflict>(() => Keys.AddKeyAsync(NewKey("three", hash: hash), Cancel));
        Assert.Equal(["one"], (await Keys.ListKeysAsync(Cancel)).Select(k => k.Name));
    }

    [Fact]
    public async Task Names_are_matched_exactly()
    {
        await Keys.AddKeyAsync(NewKey("Desk"), Cancel);

        Assert.False(await Keys.RevokeKeyAsync("desk", ClockStart, Cancel));
        Assert.False(await Keys.RevokeKeyAsync("Desk ", ClockStart, Cancel));
        await Keys.AddKeyAsync(NewKey("desk"), Cancel);
        await Keys.AddKeyAsync(NewKey("Дьяк"), Cancel);
        Assert.Equal(["Desk", "desk", "Дьяк"], (await Keys.ListKeysAsync(Cancel)).Select(k => k.Name));
    }

    [Fact]
    public async Task Of_tasks_racing_to_issue_the_same_name_exactly_one_wins_and_the_others_get_a_write_conflict()
    {
        var attempts = Enumerable.Range(0, Writers).Select(i => NewKey("desk", KeyRole.Editor) with { CreatedBy = $"ops-{i}" }).ToList();

        var won = await RaceAsync(Writers, i => Keys.AddKeyAsync(attempts[i], Cancel));

        var winner = attempts[Array.IndexOf(won, true)];
        Assert.Single(won, w => w);
        Assert.Equal([winner.Hash], (await Keys.ListKeysAsync(Cancel)).Select(k => k.Hash));
        Assert.Equal(winner.CreatedBy, (await Keys.FindActiveKeyAsync(winner.Hash, Cancel))?.CreatedBy);
    }

    [Fact]
    public async Task Of_tasks_racing_to_revoke_the_same_key_exactly_one_revokes_it()
    {
        await Keys.AddKeyAsync(NewKey("desk"), Cancel);
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync(Cancel);
            return await Keys.RevokeKeyAsync("desk", ClockStart.AddMinutes(i + 1), Cancel);
        })).ToList();

        start.Release(Writers);
        var revoked = await Task.WhenAll(racers);

        var winner = Array.IndexOf(revoked, true);
        Assert.Single(revoked, r => r);
        Assert.Equal(ClockStartInMicroseconds.AddMinutes(winner + 1), Assert.Single(await Keys.ListKeysAsync(Cancel)).RevokedAt);
    }

    [Fact]
    public async Task Keys_and_events_live_side_by_side_without_touching_each_other()
    {
        var key = NewKey("desk");
        await Keys.AddKeyAsync(key, Cancel);

        Assert.Empty(await ReadAllAsync(EventQuery.All));
        await AppendAsync(Append(G20, 0, Pending(G20Announced)));
        Assert.True(await Keys.RevokeKeyAsync("desk", ClockStart.AddHours(1), Cancel));
        await Keys.AddKeyAsync(NewKey("desk"), Cancel);

        Assert.Single(await ReadAllAsync(EventQuery.All));
        Assert.Equal(1, await Maintenance.CountAsync(Cancel));
        Assert.Equal(2, (await Keys.ListKeysAsync(Cancel)).Count);
    }
}
