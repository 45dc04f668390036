using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>Every command has an idempotency key, so importing the same reports again changes nothing.</summary>
public sealed class ReimportTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private async Task<string> Audit() => (await _workspace.OnStore("audit", "--format", "json")).Succeeded().Out;

    [Fact]
    public async Task Importing_the_article_again_applies_nothing_and_reports_every_command_as_a_duplicate()
    {
        (await _workspace.OnStore("import", Seeds.Article)).Succeeded();
        var before = await Audit();
        _workspace.Clock.Advance(TimeSpan.FromHours(1));

        var again = (await _workspace.OnStore("import", Seeds.Article, "--format", "json")).Succeeded().Json();

        Assert.Equal(Seeds.ArticleCommands, again.GetProperty("commands").GetInt32());
        Assert.Equal(0, again.GetProperty("applied").GetInt32());
        Assert.Equal(Seeds.ArticleCommands, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, again.GetProperty("eventsAppended").GetInt32());
        Assert.All(again.Items("outcomes"), o => Assert.Equal("duplicate", o.Text("result")));
        Assert.Equal(before, await Audit());
    }

    [Fact]
    public async Task Importing_everything_again_in_one_go_changes_nothing()
    {
        (await _workspace.OnStore(["import", Seeds.Article, .. Seeds.Later])).Succeeded();
        var before = await Audit();

        var again = (await _workspace.OnStore(["import", .. Seeds.Later, Seeds.Article, "--format", "json"])).Succeeded().Json();

        Assert.Equal(Seeds.ArticleCommands + Seeds.LaterCommands, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, again.GetProperty("eventsAppended").GetInt32());
        Assert.Equal(before, await Audit());
    }

    [Fact]
    public async Task The_same_reports_written_differently_are_still_duplicates()
    {
        (await _workspace.OnStore(["import", Seeds.Article, Seeds.LaterFile("2022-11-g20.json")])).Succeeded();
        var before = await Audit();
        var rewritten = _workspace.Write("g20-again.json", """
            [{"source":{"speaker":"Dmitry Peskov, Kremlin spokesman"},"representedBy":"Sergey Lavrov","participant":"Vladimir Putin","reportedAt":"2022-11-10","meetingId":"g20-2022","command":"DeclineAttendance"},
             {"source":{"speaker":"Russian Foreign Ministry"},"attendees":[{"mode":"in-person","participant":"Sergey Lavrov"}],"reportedAt":"2022-11-16","meetingId":"g20-2022","command":"RecordMeetingHeld"}]
            """);

        var again = (await _workspace.OnStore("import", rewritten, "--format", "json")).Succeeded().Json();

        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(before, await Audit());
    }

    [Fact]
    public async Task A_command_given_twice_in_one_file_is_applied_once()
    {
        (await _workspace.OnStore("import", Seeds.Article)).Succeeded();
        const string Confirm = """{ "command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedAt": "2022-09-13", "participant": "Vladimir Putin" }""";
        var twice = _workspace.Write("twice.json", $"[{Confirm},\n{Confirm}]");

        var report = (await _workspace.OnStore("import", twice, "--format", "json")).Succeeded().Json();

        Assert.Equal(1, report.GetProperty("applied").GetInt32());
        Assert.Equal(1, report.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, report.GetProperty("eventsAppended").GetInt32());
    }
}
