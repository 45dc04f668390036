using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.Postgres;

/// <summary>
/// Every verb works on PostgreSQL, named as a <c>postgres://</c> URI or as an Npgsql connection string, through
/// <c>--store</c> or through <c>TIMELINE_STORE</c>, and never prints the password.
/// </summary>
public sealed class StoreSelectionTests(CliPostgres postgres) : IClassFixture<CliPostgres>
{
    public static TheoryData<string, string> Ways => new()
    {
        { "uri", "--store" },
        { "uri", "TIMELINE_STORE" },
        { "connection-string", "--store" },
        { "connection-string", "TIMELINE_STORE" },
    };

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task Every_verb_works_on_PostgreSQL(string form, string via)
    {
        var main = await postgres.NewStoreAsync();
        var copy = await postgres.NewStoreAsync();
        using var workspace = new CliWorkspace();
        var runs = new List<CliRun>();
        async Task<CliRun> On(PostgresStore store, params string[] args)
        {
            CliRun run;
            if (via == "--store")
            {
                run = await workspace.Run(["--store", store.As(form), .. args]);
            }
            else
            {
                workspace.Variables["TIMELINE_STORE"] = store.As(form);
                run = await workspace.Run(args);
            }
            runs.Add(run);
            return run.Succeeded();
        }

        Assert.StartsWith("created the Timeline schema 'timeline'", (await On(main, "migrate")).Out, StringComparison.Ordinal);
        var import = (await On(main, ["import", Seeds.Article, .. Seeds.Later, "--format", "json"])).Json();
        Assert.Equal(Seeds.ArticleCommands + Seeds.LaterCommands, import.GetProperty("applied").GetInt32());

        var schedule = (await On(main, "schedule", "--as-of", "2022-09-10", "--format", "json")).Json();
        Assert.Equal(12, schedule.Items("meetings").Count);
        Assert.Contains("G20 summit", (await On(main, "schedule", "--participant", "Vladimir Putin")).Out, StringComparison.Ordinal);
        var history = (await On(main, "history", "g20-2022", "--format", "json")).Json();
        Assert.Equal("g20-2022", history.Text("meetingId"));
        Assert.NotEmpty(history.Items("entries"));
        var ledger = (await On(main, "attendance", "--participant", "Vladimir Putin", "--format", "json")).Json();
        Assert.Equal("declined", Json.Row(ledger, "g20-2022", "Vladimir Putin").Text("outcome"));
        Assert.NotEmpty((await On(main, "audit", "--speaker", "ushakov", "--format", "json")).Json().Items("events"));

        var export = (await On(main, "export")).Out;
        Assert.Equal(Seeds.ArticleCommands + Seeds.LaterCommands, export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        (await On(main, "export", "--out", "backup.ndjson")).Succeeded();
        Assert.Equal(export, await File.ReadAllTextAsync(workspace.PathOf("backup.ndjson"), TestContext.Current.CancellationToken));
        Assert.Contains($"Restored {Seeds.ArticleCommands + Seeds.LaterCommands} events", (await On(copy, "restore", "backup.ndjson")).Out, StringComparison.Ordinal);
        Assert.Equal(export, (await On(copy, "export")).Out);
        Assert.Contains("is current", (await On(copy, "migrate")).Out, StringComparison.Ordinal);

        // API keys live in the store: made, listed and revoked on PostgreSQL like everything else.
        var key = (await On(main, "keys", "create", "--name", "analyst", "--role", "reader")).Out.Trim();
        Assert.StartsWith("tl_", key, StringComparison.Ordinal);
        var keys = (await On(main, "keys", "list")).Out;
        Assert.Contains("analyst", keys, StringComparison.Ordinal);
        Assert.DoesNotContain(key, keys, StringComparison.Ordinal);
        (await On(main, "keys", "revoke", "analyst")).Succeeded();

        Assert.All(runs, run =>
        {
            Assert.DoesNotContain(main.Password, run.Out + run.Error, StringComparison.Ordinal);
            Assert.Empty(run.StackTraceLines);
        });
    }

    [Theory]
    [InlineData("uri")]
    [InlineData("connection-string")]
    public async Task Demo_fills_an_empty_PostgreSQL_store_named_with_store_and_refuses_one_that_holds_events(string form)
    {
        var store = await postgres.NewStoreAsync();
        using var workspace = new CliWorkspace();

        var demo = (await workspace.Run("--store", store.As(form), "demo", "--format", "json")).Succeeded();
        var again = await workspace.Run("--store", store.As(form), "demo");

        Assert.Equal($"postgres://127.0.0.1:{store.Port}/{store.Database}", demo.Json().Text("store"));
        Assert.Equal("held", Json.Meeting(demo.Json().GetProperty("schedule"), "g20-2022").Text("status"));
        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("already holds", again.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(store.Password, demo.Out + demo.Error + again.Out + again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_wins_over_TIMELINE_STORE()
    {
        var named = await postgres.NewStoreAsync();
        var fromEnvironment = await postgres.NewStoreAsync();
        using var workspace = new CliWorkspace();
        workspace.Variables["TIMELINE_STORE"] = fromEnvironment.Uri;

        (await workspace.Run("--store", named.ConnectionString, "import", Seeds.Article)).Succeeded();

        Assert.Equal(Seeds.ArticleCommands, (await workspace.Run("--store", named.Uri, "audit", "--format", "json")).Succeeded().Json().Items("events").Count);
        Assert.Empty((await workspace.Run("audit", "--format", "json")).Succeeded().Json().Items("events"));
    }
}
