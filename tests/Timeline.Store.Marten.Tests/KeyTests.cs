using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Timeline.Core.Storage;

namespace Timeline.Store.Marten.Tests;

/// <summary>API keys on PostgreSQL: one table per schema that every server on the database shares, guarded by the database itself.</summary>
public sealed class KeyTests(MartenStoreFixture database) : IClassFixture<MartenStoreFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2023, 1, 10, 9, 0, 0, TimeSpan.Zero));

    private ApiKey NewKey(string name, KeyRole role = KeyRole.Editor) =>
        new(name, role, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()), _clock.GetUtcNow(), "ops");

    [Fact]
    public async Task Two_servers_on_one_database_share_their_keys_and_their_revocations()
    {
        var schema = database.NewSchema();
        await using var first = await database.CreateStoreAsync(_clock, new() { Schema = schema });
        await using var second = await database.CreateStoreAsync(_clock, new() { Schema = schema });
        var key = NewKey("desk");

        await first.AddKeyAsync(key, Cancel);

        Assert.Equal(key, await second.FindActiveKeyAsync(key.Hash, Cancel));
        Assert.True(await second.RevokeKeyAsync("desk", _clock.GetUtcNow().AddHours(1), Cancel));
        Assert.Null(await first.FindActiveKeyAsync(key.Hash, Cancel));
        Assert.False(await first.RevokeKeyAsync("desk", _clock.GetUtcNow().AddHours(2), Cancel));
        Assert.Equal(key with { RevokedAt = _clock.GetUtcNow().AddHours(1) }, Assert.Single(await first.ListKeysAsync(Cancel)));
    }

    [Fact]
    public async Task Of_two_servers_racing_to_issue_a_name_one_wins_and_the_other_gets_a_write_conflict()
    {
        var schema = database.NewSchema();
        await using var first = await database.CreateStoreAsync(_clock, new() { Schema = schema });
        await using var second = await database.CreateStoreAsync(_clock, new() { Schema = schema });
        await first.MigrateAsync(Cancel);

        for (var round = 0; round < 10; round++)
        {
            var name = $"desk-{round}";
            using var start = new SemaphoreSlim(0);
            var racers = new[] { first, second }.Select(store => Task.Run(async () =>
            {
                await start.WaitAsync(Cancel);
                try
                {
                    await store.AddKeyAsync(NewKey(name), Cancel);
                    return (Won: true, Message: string.Empty);
                }
                catch (WriteConflict conflict)
                {
                    return (Won: false, conflict.Message);
                }
            })).ToList();
            start.Release(2);
            var outcomes = await Task.WhenAll(racers);

            Assert.Single(outcomes, o => o.Won);
            Assert.Contains($"'{name}'", Assert.Single(outcomes, o => !o.Won).Message, StringComparison.Ordinal);
        }
        Assert.Equal(10, (await second.ListKeysAsync(Cancel)).Count);
    }

    [Fact]
    public async Task The_database_itself_refuses_an_unknown_role_a_second_active_name_and_a_repeated_hash()
    {
        var schema = database.NewSchema();
        await using var store = await database.CreateStoreAsync(_clock, new() { Schema = schema });
        var key = NewKey("desk");
        await store.AddKeyAsync(key, Cancel);
        var connection = await database.RequireAsync();
        string Insert(string name, string role, string hash, string revokedAt = "NULL") =>
            $"INSERT INTO {schema}.timeline_api_keys (name, role, hash, created_at, created_by, revoked_at) VALUES ('{name}', '{role}', '{hash}', now(), 'psql', {revokedAt})";

        var role = await Assert.ThrowsAsync<PostgresException>(() => PostgresSql.ScalarAsync<object>(connection, Insert("owner-desk", "owner", new string('b', 64))));
        var name = await Assert.ThrowsAsync<PostgresException>(() => PostgresSql.ScalarAsync<object>(connection, Insert("desk", "admin", new string('c', 64))));
        var hash = await Assert.ThrowsAsync<PostgresException>(() => PostgresSql.ScalarAsync<object>(connection, Insert("other", "admin", key.Hash, "now()")));
        await PostgresSql.ScalarAsync<object>(connection, Insert("desk", "admin", new string('d', 64), "now()"));

        Assert.Equal(PostgresErrorCodes.CheckViolation, role.SqlState);
        Assert.Equal((PostgresErrorCodes.UniqueViolation, "timeline_api_keys_active_name"), (name.SqlState, name.ConstraintName));
        Assert.Equal((PostgresErrorCodes.UniqueViolation, "timeline_api_keys_hash"), (hash.SqlState, hash.ConstraintName));
        Assert.Equal(["desk", "desk"], (await store.ListKeysAsync(Cancel)).Select(k => k.Name));
    }

    [Fact]
    public async Task A_key_is_one_row_with_its_role_by_name_and_its_times_as_timestamptz()
    {
        var schema = database.NewSchema();
        await using var store = await database.CreateStoreAsync(_clock, new() { Schema = schema });
        var key = NewKey("desk", KeyRole.Admin);

        await store.AddKeyAsync(key, Cancel);
        await store.RevokeKeyAsync("desk", _clock.GetUtcNow().AddDays(1), Cancel);

        var connection = await database.RequireAsync();
        var row = $"FROM {schema}.timeline_api_keys WHERE hash = '{key.Hash}'";
        Assert.Equal("admin", await PostgresSql.ScalarAsync<string>(connection, $"SELECT role {row}"));
        Assert.Equal("ops", await PostgresSql.ScalarAsync<string>(connection, $"SELECT created_by {row}"));
        Assert.True(await PostgresSql.ScalarAsync<bool>(connection, $"SELECT created_at = '2023-01-10T09:00:00Z'::timestamptz {row}"));
        Assert.True(await PostgresSql.ScalarAsync<bool>(connection, $"SELECT revoked_at = '2023-01-11T09:00:00Z'::timestamptz {row}"));
        Assert.Equal(1, await PostgresSql.ScalarAsync<long>(connection, $"SELECT count(*) FROM {schema}.timeline_api_keys"));
    }
}
