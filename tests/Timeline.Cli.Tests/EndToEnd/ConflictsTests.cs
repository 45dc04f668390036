using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary><c>timeline conflicts</c> (docs/contract.md#timeline-conflicts) on a small log of three sources about the G20.</summary>
public sealed class ConflictsTests : IAsyncLifetime
{
    private const string Reports = """
        [
          { "command": "AnnounceSummit", "meetingId": "g20-2022", "reportedAt": "2022-09-08", "title": "G20 summit", "organization": "G20",
            "location": { "city": "Bali", "country": "Indonesia" }, "dates": "2022-11-15/2022-11-16",
            "source": { "speaker": "Yury Ushakov, Kremlin aide", "outlet": "TASS" } },
          { "command": "AnnounceAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Vladimir Putin",
            "level": "planned", "mode": "in-person",
            "source": { "speaker": "Dmitry Peskov, Kremlin spokesman", "outlet": "TASS", "quote": "the president will be in Bali in person" } },
          { "command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-03", "participant": "Vladimir Putin", "mode": "virtual",
            "source": { "outlet": "Reuters", "quote": "Putin will join by video link" } },
          { "command": "DeclineAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-10", "participant": "Vladimir Putin",
            "representedBy": "Sergey Lavrov", "source": { "speaker": "Dmitry Peskov", "outlet": "Kremlin.ru" } }
        ]
        """;

    private readonly CliWorkspace _workspace = new();

    public async ValueTask InitializeAsync() =>
        (await _workspace.OnStore("import", _workspace.Write("g20.json", Reports))).Succeeded();

    public ValueTask DisposeAsync()
    {
        _workspace.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Peskov_and_Reuters_disagree_on_the_mode_and_on_attending_but_Peskovs_own_decline_is_a_change()
    {
        var conflicts = (await _workspace.OnStore("conflicts", "--format", "json")).Succeeded().Json();

        Assert.Equal(7, conflicts.GetProperty("within").GetInt32());
        var all = conflicts.Items("conflicts");
        Assert.Equal(2, all.Count);
        var mode = all[0];
        Assert.Equal(("g20-2022", "mode", "Vladimir Putin", 2), (mode.Text("meetingId"), mode.Text("fact"), mode.Text("participant"), mode.GetProperty("daysApart").GetInt32()));
        Assert.Equal(("in-person", "Dmitry Peskov, Kremlin spokesman"), (mode.GetProperty("first").Text("claim"), mode.GetProperty("first").GetProperty("source").Text("speaker")));
        Assert.Equal(("virtual", "Reuters"), (mode.GetProperty("second").Text("claim"), mode.GetProperty("second").GetProperty("source").Text("outlet")));
        Assert.Equal("Putin will join by video link", mode.GetProperty("second").GetProperty("source").Text("quote"));
        // Reuters' confirmation against Peskov's decline a week later; Peskov's own "planned" of 1 Nov no longer stands.
        var attendance = all[1];
        Assert.Equal(("attendance", 7), (attendance.Text("fact"), attendance.GetProperty("daysApart").GetInt32()));
        Assert.Equal(("confirmed", "declined"), (attendance.GetProperty("first").Text("claim"), attendance.GetProperty("second").Text("claim")));
        Assert.Equal("Dmitry Peskov", attendance.GetProperty("second").GetProperty("source").Text("speaker"));

        var withinSixDays = (await _workspace.OnStore("conflicts", "--within", "6", "--format", "json")).Succeeded().Json();
        Assert.Equal(["mode"], withinSixDays.Items("conflicts").Select(c => c.Text("fact")));
        var asOf5Nov = (await _workspace.OnStore("conflicts", "--as-of", "2022-11-05", "--format", "json")).Succeeded().Json();
        Assert.Equal(["mode"], asOf5Nov.Items("conflicts").Select(c => c.Text("fact")));
    }

    [Fact]
    public async Task The_table_shows_both_sides_with_their_sources_and_quotes()
    {
        var run = (await _workspace.OnStore("conflicts", "--as-of", "2022-11-05", "--within", "3")).Succeeded();

        Assert.Contains("Sources that disagree within 3 days as known on 5 Nov 2022", run.Out, StringComparison.Ordinal);
        Assert.Contains("mode of Vladimir Putin", run.Out, StringComparison.Ordinal);
        Assert.Contains("in-person", run.Out, StringComparison.Ordinal);
        Assert.Contains("“Putin will join by video link”", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 disagreement to review.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_narrower_window_lets_the_two_reports_pass_as_a_change_of_plan()
    {
        var run = (await _workspace.OnStore("conflicts", "--as-of", "2022-11-05", "--within", "1")).Succeeded();

        Assert.Contains("No two sources disagree within 1 day.", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--within", "-1" }, "--within: '-1' is not a number of days from 0 to 3650")]
    [InlineData(new[] { "--within", "a week" }, "--within")]
    [InlineData(new[] { "--as-of", "yesterday" }, "--as-of: 'yesterday' is neither a day")]
    [InlineData(new[] { "--meeting", "g7-2022" }, "meeting 'g7-2022' is not in this store")]
    public async Task Bad_options_are_bad_input_naming_the_option(string[] args, string message)
    {
        var run = await _workspace.OnStore(["conflicts", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }
}
