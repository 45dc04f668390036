using Timeline.Core.Storage;
using static Timeline.Store.Contract.Seed;

namespace Timeline.Store.Sqlite.Tests;

/// <summary>API keys as only the SQLite file shows them: in the file, for every store that opens it.</summary>
public sealed partial class SqliteFileTests
{
    private ApiKey NewKey(string name) =>
        new(name, KeyRole.Editor, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()), _clock.GetUtcNow(), "ops");

    [Fact]
    public async Task Keys_live_in_the_file_beside_the_events_and_a_store_opening_it_again_finds_them()
    {
        var path = files.NewPath();
        var first = Open(path);
        var key = NewKey("desk");
        await first.AddKeyAsync(key, Cancel);
        first.Dispose();

        var reopened = Open(path);

        Assert.Equal(key.Name, (await reopened.FindActiveKeyAsync(key.Hash, Cancel))?.Name);
        Assert.Equal(0, await reopened.CountAsync(Cancel));
        Assert.Equal([1L], Query(path, "SELECT count(*) FROM api_keys").Select(r => r[0]));
        // The key table sits outside the numbered migrations.
        Assert.Equal(Versions, Query(path, "SELECT version FROM schema_version ORDER BY version").Select(r => r[0]));
    }

    [Fact]
    public async Task Of_two_stores_on_one_file_racing_to_issue_a_name_one_wins_and_the_other_gets_a_write_conflict()
    {
        var path = files.NewPath();
        var stores = new[] { Open(path), Open(path) };
        await stores[0].AppendAsync([new StreamAppend(G20, 0, [Pending(G20Announced)])], "analyst", Cancel);

        for (var round = 0; round < 5; round++)
        {
            var name = $"desk-{round}";
            using var start = new SemaphoreSlim(0);
            var racers = stores.Select(store => Task.Run(async () =>
            {
                await start.WaitAsync(Cancel);
                try
                {
                    await store.AddKeyAsync(NewKey(name), Cancel);
                    return true;
                }
                catch (WriteConflict)
                {
                    return false;
                }
            })).ToList();
            start.Release(2);

            Assert.Single(await Task.WhenAll(racers), won => won);
            Assert.Single(await stores[1].ListKeysAsync(Cancel), k => k.Name == name);
        }
    }
}
