using Timeline.Cli.Tests.Harness;
using static Timeline.Cli.Tests.Harness.Json;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>
/// A confirmation of Putin at the G20 entered by mistake, then retracted an hour later: it drops out of every
/// projection from the retraction on, history marks it, and the store as recorded before still shows it.
/// </summary>
public sealed class RetractionTests : IAsyncLifetime
{
    private const string MistakeId = "g20-putin-confirm-mistake";

    private static readonly DateTimeOffset MistakeRecordedAt = CliWorkspace.Start.AddHours(1);
    private static readonly DateTimeOffset RetractionRecordedAt = CliWorkspace.Start.AddHours(2);

    private readonly CliWorkspace _workspace = new();

    public async ValueTask InitializeAsync()
    {
        (await _workspace.OnStore("import", Seeds.Article)).Succeeded();
        _workspace.Clock.SetUtcNow(MistakeRecordedAt);
        (await _workspace.OnStore("import", _workspace.Write("mistake.json", $$"""
            [{ "command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-09-20", "participant": "Vladimir Putin",
               "commandId": "{{MistakeId}}", "source": { "speaker": "Yury Ushakov, Kremlin aide" } }]
            """))).Succeeded();
    }

    public ValueTask DisposeAsync()
    {
        _workspace.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task Retract(string retracts)
    {
        _workspace.Clock.SetUtcNow(RetractionRecordedAt);
        (await _workspace.OnStore("import", _workspace.Write("retraction.json", $$"""
            [{ "command": "RetractReport", "meetingId": "g20-2022", "reportedAt": "2022-09-21", "retracts": "{{retracts}}",
               "reason": "entered against the wrong summit" }]
            """))).Succeeded();
    }

    private async Task<string?> PutinAtTheG20(params string[] bounds)
    {
        var schedule = (await _workspace.OnStore(["schedule", .. bounds, "--format", "json"])).Succeeded().Json();
        return Participant(Meeting(schedule, "g20-2022"), "Vladimir Putin").Text("attendance");
    }

    [Fact]
    public async Task Before_the_retraction_the_mistake_shows_as_a_confirmation()
    {
        Assert.Equal("confirmed", await PutinAtTheG20());
    }

    [Fact]
    public async Task After_the_retraction_the_schedule_no_longer_shows_it()
    {
        await Retract(MistakeId);

        Assert.Equal("expected", await PutinAtTheG20());
        Assert.Equal("expected", await PutinAtTheG20("--as-of", "2022-09-30"));
        var ledger = (await _workspace.OnStore("attendance", "--participant", "Vladimir Putin", "--format", "json")).Succeeded().Json();
        Assert.Null(Row(ledger, "g20-2022", "Vladimir Putin").Text("confirmedAt"));
    }

    [Fact]
    public async Task History_still_shows_the_mistake_marked_retracted_next_to_the_retraction()
    {
        await Retract(MistakeId);

        var entries = (await _workspace.OnStore("history", "g20-2022", "--format", "json")).Succeeded().Json().Items("entries");

        var mistake = Assert.Single(entries, e => e.Text("event") == "AttendanceConfirmed");
        Assert.True(mistake.GetProperty("retracted").GetBoolean());
        var retraction = Assert.Single(entries, e => e.Text("event") == "ReportRetracted");
        Assert.False(retraction.GetProperty("retracted").GetBoolean());
        Assert.Contains(MistakeId, retraction.Text("summary"), StringComparison.Ordinal);
        Assert.Equal("2026-11-29T14:00:00.000000Z", retraction.Text("recordedAt"));
        Assert.All(entries.Where(e => e.Text("event") != "AttendanceConfirmed"), e => Assert.False(e.GetProperty("retracted").GetBoolean()));
    }

    [Fact]
    public async Task As_recorded_before_the_retraction_the_mistake_is_still_seen()
    {
        await Retract(MistakeId);

        Assert.Equal("confirmed", await PutinAtTheG20("--recorded-as-of", "2026-11-29T13:30:00Z"));
        Assert.Equal("confirmed", await PutinAtTheG20("--recorded-as-of", "2026-11-29T13:59:59Z"));
        Assert.Equal("expected", await PutinAtTheG20("--recorded-as-of", "2026-11-29T14:00:00Z"));
        var history = (await _workspace.OnStore("history", "g20-2022", "--recorded-as-of", "2026-11-29T13:30:00Z", "--format", "json")).Succeeded().Json();
        Assert.All(history.Items("entries"), e => Assert.False(e.GetProperty("retracted").GetBoolean()));
    }

    [Fact]
    public async Task As_recorded_before_the_mistake_putin_was_only_expected()
    {
        await Retract(MistakeId);

        Assert.Equal("expected", await PutinAtTheG20("--recorded-as-of", "2026-11-29T12:30:00Z"));
    }

    [Fact]
    public async Task A_report_can_be_retracted_by_its_event_id()
    {
        var entries = (await _workspace.OnStore("history", "g20-2022", "--format", "json")).Succeeded().Json().Items("entries");
        var eventId = Assert.Single(entries, e => e.Text("event") == "AttendanceConfirmed").Text("eventId")!;

        await Retract(eventId);

        Assert.Equal("expected", await PutinAtTheG20());
    }
}
