using Timeline.Cli.Tests.Harness;
using Timeline.Cli.Tests.Postgres;

namespace Timeline.Cli.Tests.Moving;

/// <summary>
/// <c>export | restore -</c> moves a timeline between SQLite and PostgreSQL in either direction, and afterwards every
/// answer is byte for byte the same, recorded-as-of answers and audit sequences, recordedAt and recordedBy included.
/// </summary>
public sealed class MovingBetweenStoresTests(CliPostgres postgres) : IClassFixture<CliPostgres>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SQLite_to_PostgreSQL_through_standard_input()
    {
        using var workspace = new CliWorkspace();
        await StoreStory.TellAsync(workspace, workspace.Store);
        var target = (await postgres.NewStoreAsync()).Uri;
        workspace.Clock.Advance(TimeSpan.FromDays(30));

        var export = (await workspace.Run("--store", workspace.Store, "export")).Succeeded();
        var restore = (await workspace.RunWithInput(export.Out, "--store", target, "restore", "-")).Succeeded();

        Assert.Contains($"Exported {StoreStory.Events} events", export.Error, StringComparison.Ordinal);
        Assert.Contains($"Restored {StoreStory.Events} events", restore.Out, StringComparison.Ordinal);
        await AssertSameAnswersAsync(workspace, workspace.Store, target);
    }

    [Fact]
    public async Task PostgreSQL_to_SQLite_through_standard_input()
    {
        using var workspace = new CliWorkspace();
        var source = (await postgres.NewStoreAsync()).ConnectionString;
        await StoreStory.TellAsync(workspace, source);
        var target = $"sqlite:{workspace.PathOf("moved.db")}";
        workspace.Clock.Advance(TimeSpan.FromDays(30));

        var export = (await workspace.Run("--store", source, "export")).Succeeded();
        (await workspace.RunWithInput(export.Out, "--store", target, "restore", "-")).Succeeded();

        await AssertSameAnswersAsync(workspace, source, target);
    }

    [Fact]
    public async Task Through_an_export_file_both_ways()
    {
        using var workspace = new CliWorkspace();
        await StoreStory.TellAsync(workspace, workspace.Store);
        var postgresCopy = (await postgres.NewStoreAsync()).Uri;
        var sqliteCopy = $"sqlite:{workspace.PathOf("back.db")}";

        var exported = (await workspace.Run("--store", workspace.Store, "export", "--out", "timeline.ndjson")).Succeeded();
        (await workspace.Run("--store", postgresCopy, "restore", "timeline.ndjson")).Succeeded();
        (await workspace.Run("--store", postgresCopy, "export", "--out", "from-postgres.ndjson")).Succeeded();
        (await workspace.Run("--store", sqliteCopy, "restore", workspace.PathOf("from-postgres.ndjson"))).Succeeded();

        Assert.Equal($"Exported {StoreStory.Events} events from sqlite:{workspace.StorePath} to timeline.ndjson.", exported.Out.Trim());
        Assert.Equal(
            await File.ReadAllTextAsync(workspace.PathOf("timeline.ndjson"), Cancel),
            await File.ReadAllTextAsync(workspace.PathOf("from-postgres.ndjson"), Cancel));
        Assert.False(File.Exists(workspace.PathOf("timeline.ndjson.partial")));
        await AssertSameAnswersAsync(workspace, workspace.Store, postgresCopy);
        await AssertSameAnswersAsync(workspace, workspace.Store, sqliteCopy);
    }

    [Fact]
    public async Task Real_processes_piped_together_move_SQLite_to_PostgreSQL_and_back()
    {
        using var workspace = new CliWorkspace();
        await StoreStory.TellAsync(workspace, "sqlite:a.db");
        var postgresStore = (await postgres.NewStoreAsync()).Uri;

        // As an operator types it; pipefail makes either side's failure the pipeline's.
        var there = await RunningTimeline.Bash(
            "$TIMELINE --store sqlite:a.db export | $TIMELINE --store \"$1\" restore -", workspace.Folder, new Dictionary<string, string>(), postgresStore).FinishAsync();
        var back = await RunningTimeline.Bash(
            "$TIMELINE --store \"$1\" export | $TIMELINE --store sqlite:b.db restore -", workspace.Folder, new Dictionary<string, string>(), postgresStore).FinishAsync();

        Assert.True(there.ExitCode == 0, there.ToString());
        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Contains($"Restored {StoreStory.Events} events into postgres://", there.Out, StringComparison.Ordinal);
        Assert.Contains($"Restored {StoreStory.Events} events into sqlite:{workspace.PathOf("b.db")}", back.Out, StringComparison.Ordinal);
        await AssertSameAnswersAsync(workspace, "sqlite:a.db", postgresStore);
        await AssertSameAnswersAsync(workspace, "sqlite:a.db", "sqlite:b.db");
    }

    [Fact]
    public async Task The_moved_store_goes_on_where_the_source_stopped()
    {
        using var workspace = new CliWorkspace();
        await StoreStory.TellAsync(workspace, workspace.Store);
        var target = (await postgres.NewStoreAsync()).Uri;
        (await workspace.RunWithInput((await workspace.Run("--store", workspace.Store, "export")).Succeeded().Out, "--store", target, "restore", "-")).Succeeded();
        var next = workspace.Write("next.json", """
            [{ "command": "AnnounceMeeting", "meetingId": "g20-2023", "reportedAt": "2023-08-30", "title": "G20 summit", "kind": "summit",
               "participants": ["Sergey Lavrov"], "location": { "city": "New Delhi", "country": "India" }, "dates": "2023-09-09/2023-09-10" }]
            """);

        var reimport = (await workspace.Run("--store", target, "import", Seeds.Article, "--format", "json")).Succeeded().Json();
        var fromSource = (await workspace.Run("--store", workspace.Store, "import", next, "--format", "json")).Succeeded();
        var fromTarget = (await workspace.Run("--store", target, "import", next, "--format", "json")).Succeeded();

        Assert.Equal(Seeds.ArticleCommands, reimport.GetProperty("duplicates").GetInt32());
        Assert.Equal(fromSource.Out, fromTarget.Out);
        Assert.Equal([StoreStory.Events + 1], fromTarget.Json().GetProperty("outcomes")[0].GetProperty("sequences").EnumerateArray().Select(s => s.GetInt32()));
    }

    /// <summary>The exports are identical, and so is every answer of <see cref="StoreStory.Questions"/>.</summary>
    internal static async Task AssertSameAnswersAsync(CliWorkspace workspace, string expected, string actual)
    {
        Assert.Equal(
            (await workspace.Run("--store", expected, "export")).Succeeded().Out,
            (await workspace.Run("--store", actual, "export")).Succeeded().Out);
        foreach (var question in StoreStory.Questions)
        {
            var want = await StoreStory.AnswerAsync(workspace, expected, question);
            var got = await StoreStory.AnswerAsync(workspace, actual, question);
            Assert.True(want == got, $"'{string.Join(' ', question)}' differs after the move:\n{want}\n---\n{got}");
        }
    }
}
