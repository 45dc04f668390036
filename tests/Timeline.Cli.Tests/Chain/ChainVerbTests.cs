using Microsoft.Data.Sqlite;
using Npgsql;
using Timeline.Cli.Tests.Harness;
using Timeline.Cli.Tests.Postgres;

namespace Timeline.Cli.Tests.Chain;

/// <summary>
/// <c>digest</c>, <c>verify</c> and a restore of a doctored export, as a user runs them, on both stores: an event
/// changed by SQL makes <c>verify</c> exit 5 naming it, and a broken export is refused with exit 2 and nothing written.
/// </summary>
public sealed class ChainVerbTests(CliPostgres postgres) : IClassFixture<CliPostgres>
{
    private const long Altered = 5;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(CliWorkspace Workspace, string Store, Func<string, Task> Sql)> SeededAsync(string kind)
    {
        var workspace = new CliWorkspace();
        Func<string, Task> sql;
        string store;
        if (kind == "postgres")
        {
            var database = await postgres.NewStoreAsync();
            store = database.Uri;
            sql = async text =>
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(Cancel);
                await using var command = new NpgsqlCommand(text.Replace("{events}", "timeline.mt_events", StringComparison.Ordinal)
                    .Replace("{sequence}", "seq_id", StringComparison.Ordinal), connection);
                Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
            };
        }
        else
        {
            store = workspace.Store;
            sql = async text =>
            {
                await using var connection = new SqliteConnection($"Data Source={workspace.StorePath};Pooling=False");
                await connection.OpenAsync(Cancel);
                await using var command = new SqliteCommand(text.Replace("{events}", "events", StringComparison.Ordinal)
                    .Replace("{sequence}", "sequence", StringComparison.Ordinal), connection);
                Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
            };
        }
        (await workspace.Run(["--store", store, "import", Seeds.Article, .. Seeds.Later])).Succeeded();
        return (workspace, store, sql);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Verify_passes_on_an_untouched_store_and_exits_5_naming_the_event_an_SQL_update_changed(string kind)
    {
        var (workspace, store, sql) = await SeededAsync(kind);
        using var _ = workspace;
        var digest = (await workspace.Run("--store", store, "digest")).Succeeded().Out.Trim();
        var digestJson = (await workspace.Run("--store", store, "--format", "json", "digest")).Succeeded().Json();
        var ok = (await workspace.Run("--store", store, "verify", "--digest", digest)).Succeeded();

        await sql("UPDATE {events} SET user_name = 'someone else' WHERE {sequence} = 5".Replace("user_name", kind == "postgres" ? "user_name" : "recorded_by", StringComparison.Ordinal));
        var altered = await workspace.Run("--store", store, "verify");
        var alteredJson = await workspace.Run("--store", store, "--format", "json", "verify");

        Assert.Equal($"{digestJson.GetProperty("hash").GetString()}@{digestJson.GetProperty("sequence").GetInt64()}", digest);
        Assert.Equal(digest, digestJson.GetProperty("digest").GetString());
        Assert.StartsWith("ok: ", ok.Out, StringComparison.Ordinal);
        Assert.True(altered.ExitCode == Altered, altered.ToString());
        Assert.StartsWith("altered: the event at sequence 5: its hash is ", altered.Out, StringComparison.Ordinal);
        Assert.True(alteredJson.ExitCode == Altered, alteredJson.ToString());
        var verdict = alteredJson.Json();
        Assert.False(verdict.GetProperty("ok").GetBoolean());
        Assert.Equal(4, verdict.GetProperty("checked").GetInt64());
        Assert.Equal(5, verdict.GetProperty("firstBad").GetProperty("sequence").GetInt64());
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_restore_of_an_export_whose_line_was_edited_is_refused_naming_its_sequence_and_writes_nothing(string kind)
    {
        var (workspace, store, _) = await SeededAsync(kind);
        using var __ = workspace;
        var lines = (await workspace.Run("--store", store, "export")).Succeeded().Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches("\"hash\":\"[0-9a-f]{64}\"", line));
        lines[6] = lines[6].Replace("\"recordedBy\":\"analyst\"", "\"recordedBy\":\"someone else\"", StringComparison.Ordinal);
        workspace.Write("edited.ndjson", string.Join('\n', lines) + "\n");
        var target = kind == "postgres" ? (await postgres.NewStoreAsync()).Uri : "sqlite:target.db";

        var restore = await workspace.Run("--store", target, "restore", "edited.ndjson");

        Assert.True(restore.ExitCode == 2, restore.ToString());
        Assert.Empty(restore.StackTraceLines);
        Assert.Contains("the event at sequence 7 has hash ", restore.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", restore.Error, StringComparison.Ordinal);
        if (kind == "sqlite")
        {
            Assert.False(workspace.StoreFilesExist(workspace.PathOf("target.db")), "a refused restore left a SQLite file behind");
        }
        else
        {
            Assert.Empty((await workspace.Run("--store", target, "export")).Succeeded().Out);
        }
    }

    [Fact]
    public async Task A_digest_that_is_not_HASH_at_SEQ_is_bad_input_naming_the_option()
    {
        var (workspace, store, _) = await SeededAsync("sqlite");
        using var _ = workspace;

        var run = await workspace.Run("--store", store, "verify", "--digest", "abc@12");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--digest", run.Error, StringComparison.Ordinal);
        Assert.Contains("'abc' is not a hash", run.Error, StringComparison.Ordinal);
    }
}
