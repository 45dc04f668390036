using System.Text.Json.Nodes;
using Timeline.Cli.Tests.Harness;
using Timeline.Cli.Tests.Postgres;

namespace Timeline.Cli.Tests.Watch;

/// <summary>
/// <c>timeline watch</c> as a process of its own, while this test process writes to the same store: it prints what the
/// other process records, as NDJSON or as lines, and stops with exit 0 on Ctrl+C. Run on each store by a one-line
/// subclass.
/// </summary>
public abstract class WatchContract
{
    /// <summary>The store text of a new, empty store for <paramref name="workspace"/>.</summary>
    private protected abstract Task<string> NewStoreAsync(CliWorkspace workspace);

    private static Dictionary<string, string> Environment(string store) => new() { ["TIMELINE_STORE"] = store, ["TIMELINE_USER"] = "watcher" };

    private static IReadOnlyList<JsonNode> Events(CliRun audit) =>
        [.. JsonNode.Parse(audit.Out)!["events"]!.AsArray().Select(e => e!)];

    [Fact]
    public async Task Watch_prints_each_event_another_process_records_as_its_audit_entry_on_one_line_and_Ctrl_C_ends_it_with_0()
    {
        using var workspace = new CliWorkspace();
        var store = await NewStoreAsync(workspace);
        workspace.Variables["TIMELINE_STORE"] = store;
        (await workspace.Run("import", Seeds.Article)).Succeeded();
        var head = Events((await workspace.Run("audit", "--format", "json")).Succeeded())[^1]["sequence"]!.GetValue<long>();

        using var watch = WatchingTimeline.Start(workspace.Folder, Environment(store), "--format", "json");
        var notice = await watch.WaitForErrorAsync("press Ctrl+C");
        (await workspace.Run("import", Seeds.LaterFile("2022-11-g20.json"))).Succeeded();
        var landed = Events((await workspace.Run("audit", "--format", "json", "--after", head.ToString(System.Globalization.CultureInfo.InvariantCulture))).Succeeded());
        await watch.WaitForLinesAsync(landed.Count);
        var exitCode = await watch.InterruptAsync();

        Assert.True(exitCode == 0, $"exit {exitCode}: {watch.Error}");
        Assert.Contains($"for events after #{head}", notice, StringComparison.Ordinal);
        Assert.NotEmpty(landed);
        Assert.Equal(landed.Count, watch.Lines.Count);
        for (var i = 0; i < landed.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(landed[i], JsonNode.Parse(watch.Lines[i])), $"{watch.Lines[i]}\nis not\n{landed[i].ToJsonString()}");
        }
    }

    [Fact]
    public async Task Watch_after_0_for_one_meeting_prints_its_events_so_far_then_the_next_as_lines()
    {
        using var workspace = new CliWorkspace();
        var store = await NewStoreAsync(workspace);
        workspace.Variables["TIMELINE_STORE"] = store;
        (await workspace.Run("import", Seeds.Article)).Succeeded();
        var g20 = Events((await workspace.Run("audit", "--format", "json", "--meeting", "g20-2022")).Succeeded());

        using var watch = WatchingTimeline.Start(workspace.Folder, Environment(store), "--after", "0", "--meeting", "g20-2022");
        var replayed = await watch.WaitForLinesAsync(g20.Count, line => line.StartsWith('#'));
        (await workspace.Run("import", Seeds.LaterFile("2022-11-apec.json"), Seeds.LaterFile("2022-11-g20.json"))).Succeeded();
        var decline = Events((await workspace.Run("audit", "--format", "json", "--meeting", "g20-2022", "--command", "DeclineAttendance")).Succeeded()).Single();
        var all = await watch.WaitForLinesAsync(g20.Count + 2, line => line.StartsWith('#'));
        Assert.Equal(0, await watch.InterruptAsync());

        Assert.Equal(g20.Select(e => $"#{e["sequence"]} · g20-2022"), replayed.Select(line => line[..line.IndexOf(" · ", line.IndexOf(" · ", StringComparison.Ordinal) + 3, StringComparison.Ordinal)]));
        Assert.Equal(g20.Count + 2, all.Count);
        Assert.Contains(
            $"#{decline["sequence"]} · g20-2022 · 10 Nov 2022 · Dmitry Peskov, Kremlin spokesman · Vladimir Putin: declined, represented by Sergey Lavrov · recorded by {CliWorkspace.User}",
            all);
        Assert.DoesNotContain(watch.Lines, line => line.Contains("apec-2022", StringComparison.Ordinal));
    }
}

/// <summary>Watching a SQLite file that another process writes.</summary>
public sealed class SqliteWatchTests : WatchContract
{
    private protected override Task<string> NewStoreAsync(CliWorkspace workspace) => Task.FromResult(workspace.Store);
}

/// <summary>Watching a PostgreSQL database that another process writes.</summary>
public sealed class PostgresWatchTests(CliPostgres postgres) : WatchContract, IClassFixture<CliPostgres>
{
    private protected override async Task<string> NewStoreAsync(CliWorkspace workspace) => (await postgres.NewStoreAsync()).Uri;
}
