using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary><c>import --dry-run</c> decides every command against the store, reports each outcome, and writes nothing.</summary>
public sealed class DryRunTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private async Task<string> Audit() => (await _workspace.OnStore("audit", "--format", "json")).Succeeded().Out;

    [Fact]
    public async Task A_dry_run_on_a_store_that_does_not_exist_yet_reports_every_command_applied_and_leaves_no_file()
    {
        var run = (await _workspace.OnStore("import", "--dry-run", Seeds.Article, "--format", "json")).Succeeded();

        var report = run.Json();
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(Seeds.ArticleCommands, report.GetProperty("applied").GetInt32());
        Assert.Equal(0, report.GetProperty("rejected").GetInt32());
        Assert.All(report.Items("outcomes"), o => Assert.Equal("applied", o.Text("result")));
        Assert.Equal(Seeds.Article, report.Items("outcomes")[0].GetProperty("origin").Text("file"));
        Assert.False(_workspace.StoreFilesExist());
    }

    [Fact]
    public async Task A_dry_run_predicts_the_real_import_and_writes_nothing()
    {
        (await _workspace.OnStore("import", Seeds.Article)).Succeeded();
        var before = await Audit();

        var tried = (await _workspace.OnStore(["import", "--dry-run", Seeds.Article, .. Seeds.Later, "--format", "json"])).Succeeded().Json();

        Assert.Equal(before, await Audit());
        Assert.Equal(Seeds.ArticleCommands, tried.GetProperty("duplicates").GetInt32());
        var real = (await _workspace.OnStore(["import", Seeds.Article, .. Seeds.Later, "--format", "json"])).Succeeded().Json();
        Assert.Equal(real.GetProperty("applied").GetInt32(), tried.GetProperty("applied").GetInt32());
        Assert.Equal(real.GetProperty("unchanged").GetInt32(), tried.GetProperty("unchanged").GetInt32());
        Assert.Equal(real.GetProperty("eventsAppended").GetInt32(), tried.GetProperty("eventsToAppend").GetInt32());
        Assert.Equal(
            real.Items("outcomes").Select(o => (o.Text("commandId"), o.Text("result"))),
            tried.Items("outcomes").Select(o => (o.Text("commandId"), o.Text("result"))));
    }

    [Fact]
    public async Task A_dry_run_with_a_rejected_command_exits_3_names_its_rule_and_decides_the_commands_after_it()
    {
        (await _workspace.OnStore("import", Seeds.Article)).Succeeded();
        var before = await Audit();
        var file = _workspace.Write("mixed.json", """
            [
              {"command": "InviteParticipant", "meetingId": "no-such-meeting", "reportedAt": "2022-09-09", "participant": "Joe Biden"},
              {"command": "InviteParticipant", "meetingId": "sco-2022", "reportedAt": "2022-09-09", "participant": "Joe Biden"}
            ]
            """);

        var json = await _workspace.OnStore("import", "--dry-run", file, "--format", "json");
        var table = await _workspace.OnStore("import", "--dry-run", file);

        Assert.Equal(3, json.ExitCode);
        var report = json.Json();
        Assert.Equal(1, report.GetProperty("rejected").GetInt32());
        var outcomes = report.Items("outcomes");
        Assert.Equal(("rejected", "meeting-not-announced"), (outcomes[0].Text("result"), outcomes[0].Text("rule")));
        Assert.Contains("no-such-meeting", outcomes[0].Text("reason"), StringComparison.Ordinal);
        Assert.Equal(("applied", null), (outcomes[1].Text("result"), outcomes[1].Text("rule")));
        Assert.Equal(3, table.ExitCode);
        Assert.Contains($"{file}[0] (line 2): InviteParticipant no-such-meeting: would be rejected (meeting-not-announced)", table.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", table.Out, StringComparison.Ordinal);
        Assert.Equal(before, await Audit());
    }

    [Fact]
    public async Task A_dry_run_of_a_malformed_file_exits_2_as_a_real_import_does()
    {
        var file = _workspace.Write("bad.json", """[{"command": "InviteParticipant", "meetingId": "sco-2022", "reportedAt": "2022-09-09"}]""");

        var run = await _workspace.OnStore("import", "--dry-run", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("participant", run.Error, StringComparison.Ordinal);
        Assert.False(_workspace.StoreFilesExist());
    }
}
