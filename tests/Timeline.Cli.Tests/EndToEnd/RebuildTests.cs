using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>
/// <c>timeline rebuild</c> recomputes the as-of index from the log: it says what it read and wrote, and every answer is
/// the same afterwards, even when the index was dropped by hand first.
/// </summary>
public sealed class RebuildTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private async Task<string[]> AnswersAsync() =>
    [
        (await _workspace.OnStore("schedule", "--as-of", "2022-09-10", "--format", "json")).Succeeded().Out,
        (await _workspace.OnStore("schedule", "--format", "json")).Succeeded().Out,
        (await _workspace.OnStore("schedule", "--from", "2022-11", "--participant", "vladimir putin", "--format", "json")).Succeeded().Out,
        (await _workspace.OnStore("attendance", "--participant", "Vladimir Putin", "--format", "json")).Succeeded().Out,
    ];

    [Fact]
    public async Task Rebuild_counts_what_it_read_and_wrote_and_changes_no_answer()
    {
        (await _workspace.OnStore(["import", Seeds.Article, .. Seeds.Later])).Succeeded();
        var before = await AnswersAsync();

        var rebuilt = (await _workspace.OnStore("rebuild", "--format", "json")).Succeeded().Json();

        Assert.Equal(Seeds.ArticleCommands + Seeds.LaterCommands, rebuilt.GetProperty("events").GetInt64());
        Assert.Equal(12, rebuilt.GetProperty("meetings").GetInt64());
        Assert.True(rebuilt.GetProperty("states").GetInt64() >= 12);
        Assert.True(rebuilt.GetProperty("reportDays").GetInt64() >= 1);
        Assert.Equal(1, rebuilt.GetProperty("formatVersion").GetInt32());
        Assert.Equal(before, await AnswersAsync());
    }

    [Fact]
    public async Task Rebuild_restores_an_index_dropped_by_hand_and_prints_a_table()
    {
        (await _workspace.OnStore("import", Seeds.Article)).Succeeded();
        var before = await AnswersAsync();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_workspace.StorePath};Pooling=False"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DELETE FROM meeting_state_bounds; DELETE FROM meeting_states; DELETE FROM report_days;";
            drop.ExecuteNonQuery();
        }
        Assert.NotEqual(before, await AnswersAsync());

        var table = (await _workspace.OnStore("rebuild")).Succeeded().Out;

        Assert.Contains("events read", table, StringComparison.Ordinal);
        Assert.Contains("meeting states", table, StringComparison.Ordinal);
        Assert.Contains("The as-of index is rebuilt (format 1).", table, StringComparison.Ordinal);
        Assert.Equal(before, await AnswersAsync());
    }
}
