using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.Unavailable;

/// <summary>
/// A SQLite store that another connection keeps locked for writing past the busy timeout is unavailable: the verb
/// exits 4 with one line naming the file, writes nothing, and works again once the lock is gone.
/// </summary>
public sealed class LockedStoreTests : IDisposable
{
    private readonly CliWorkspace _workspace = new() { SqliteBusyTimeout = TimeSpan.FromMilliseconds(300) };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _workspace.Dispose();
    }

    [Fact]
    public async Task An_import_into_a_store_locked_past_its_busy_timeout_exits_4_in_one_line_and_writes_nothing()
    {
        (await _workspace.OnStore("import", Seeds.Article)).Succeeded();
        var before = (await _workspace.OnStore("audit", "--format", "json")).Succeeded().Out;
        var later = Seeds.Later[0];

        CliRun locked;
        var clock = Stopwatch.StartNew();
        using (var other = new SqliteConnection($"Data Source={_workspace.StorePath};Pooling=False"))
        {
            other.Open();
            using var writeLock = other.BeginTransaction(deferred: false);
            // Microsoft.Data.Sqlite waits for a lock synchronously, so the CLI runs on a thread of its own.
            locked = await Task.Run(() => _workspace.OnStore("import", later), TestContext.Current.CancellationToken);
        }

        Assert.True(locked.ExitCode == 4, locked.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Empty(locked.Out);
        var line = Assert.Single(locked.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: the Timeline store '{_workspace.StorePath}' is unavailable: another writer has held it locked for more than 0.3 s; try again", line);
        Assert.Equal(before, (await _workspace.OnStore("audit", "--format", "json")).Succeeded().Out);
        (await _workspace.OnStore("import", later)).Succeeded();
    }
}
