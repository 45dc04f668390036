using System.Text.Json;
using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>The history and audit outputs carry the fields of docs/contract.md#history-output and docs/contract.md#audit-output, stamped from the injected clock and TIMELINE_USER.</summary>
public sealed class HistoryAndAuditFieldsTests(SeededStore store) : IClassFixture<SeededStore>
{
    private static readonly string[] HistoryEntryFields = ["sequence", "event", "reportedAt", "recordedAt", "recordedBy", "source", "summary", "retracted"];

    private static readonly string[] AuditEventFields = ["sequence", "meetingId", "event", "reportedAt", "recordedAt", "recordedBy", "source", "data"];

    [Fact]
    public async Task The_g20_history_lists_every_change_in_reported_order_with_the_contract_fields()
    {
        var history = (await store.Query("history", "g20-2022")).Succeeded().Json();

        Assert.Equal("g20-2022", history.Text("meetingId"));
        var entries = history.Items("entries");
        Assert.Equal(["SummitAnnounced", "AttendanceAnnounced", "AttendanceDeclined", "MeetingHeld"], entries.Select(e => e.Text("event")));
        Assert.Equal(["2022-09-08", "2022-09-08", "2022-11-10", "2022-11-16"], entries.Select(e => e.Text("reportedAt")));
        foreach (var entry in entries)
        {
            Assert.All(HistoryEntryFields, field => Assert.True(entry.TryGetProperty(field, out _), $"history entry without {field}: {entry}"));
            Assert.Equal(JsonValueKind.Number, entry.GetProperty("sequence").ValueKind);
            Assert.Equal(JsonValueKind.Object, entry.GetProperty("source").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(entry.Text("summary")));
            Assert.False(entry.GetProperty("retracted").GetBoolean());
        }
    }

    [Fact]
    public async Task History_entries_are_stamped_with_the_fake_clock_and_the_recording_user()
    {
        var entries = (await store.Query("history", "g20-2022")).Succeeded().Json().Items("entries");

        Assert.Equal(
            [CliWorkspace.StartRecordedAt, CliWorkspace.StartRecordedAt, SeededStore.LaterRecordedAtText, SeededStore.LaterRecordedAtText],
            entries.Select(e => e.Text("recordedAt")));
        Assert.Equal([CliWorkspace.User, CliWorkspace.User, SeededStore.LaterUser, SeededStore.LaterUser], entries.Select(e => e.Text("recordedBy")));
    }

    [Fact]
    public async Task History_entries_keep_their_source_and_quote()
    {
        var entries = (await store.Query("history", "g20-2022")).Succeeded().Json().Items("entries");

        var expected = entries[1].GetProperty("source");
        Assert.Equal("Yury Ushakov, Kremlin aide", expected.Text("speaker"));
        Assert.Equal("As for (a G20 summit in) Bali and an APEC (summit) in November, we expect the president to take part, but we will confirm this later", expected.Text("quote"));
        Assert.Equal("Dmitry Peskov, Kremlin spokesman", entries[2].GetProperty("source").Text("speaker"));
        Assert.Contains("Sergey Lavrov", entries[2].Text("summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_as_of_the_article_day_shows_only_what_was_reported_by_then()
    {
        var history = (await store.Query("history", "g20-2022", "--as-of", "2022-09-10")).Succeeded().Json();

        Assert.Equal(["SummitAnnounced", "AttendanceAnnounced"], history.Items("entries").Select(e => e.Text("event")));
    }

    [Fact]
    public async Task The_audit_lists_every_event_in_sequence_with_the_contract_fields()
    {
        var events = (await store.Query("audit")).Succeeded().Json().Items("events");

        Assert.Equal(Seeds.ArticleCommands + Seeds.LaterCommands, events.Count);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.GetProperty("sequence").GetInt64()));
        foreach (var e in events)
        {
            Assert.All(AuditEventFields, field => Assert.True(e.TryGetProperty(field, out _), $"audit event without {field}: {e}"));
            Assert.Contains(e.Text("meetingId"), Seeds.MeetingIds);
            Assert.Equal(JsonValueKind.Object, e.GetProperty("data").ValueKind);
        }
    }

    [Fact]
    public async Task Audit_events_are_stamped_with_the_fake_clock_and_the_recording_user()
    {
        var events = (await store.Query("audit")).Succeeded().Json().Items("events");

        Assert.All(events.Take(Seeds.ArticleCommands), e =>
        {
            Assert.Equal(CliWorkspace.StartRecordedAt, e.Text("recordedAt"));
            Assert.Equal(CliWorkspace.User, e.Text("recordedBy"));
        });
        Assert.All(events.Skip(Seeds.ArticleCommands), e =>
        {
            Assert.Equal(SeededStore.LaterRecordedAtText, e.Text("recordedAt"));
            Assert.Equal(SeededStore.LaterUser, e.Text("recordedBy"));
        });
    }

    [Fact]
    public async Task Audit_data_holds_the_event_as_stored()
    {
        var events = (await store.Query("audit", "--meeting", "g20-2022")).Succeeded().Json().Items("events");

        var declined = Assert.Single(events, e => e.Text("event") == "AttendanceDeclined");
        Assert.Equal("2022-11-10", declined.Text("reportedAt"));
        Assert.Equal("Vladimir Putin", declined.GetProperty("data").Text("participant"));
        Assert.Equal("Sergey Lavrov", declined.GetProperty("data").Text("representedBy"));
        Assert.Equal("Dmitry Peskov, Kremlin spokesman", declined.GetProperty("source").Text("speaker"));
    }
}
