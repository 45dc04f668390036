using System.Text.Json;
using Timeline.Core.History;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Projections;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.History;

/// <summary>Every change to the G20 Bali plan, with its source and quote (docs/contract.md#timeline-history).</summary>
public sealed class HistoryTests
{
    private static readonly MeetingId G20 = MeetingId.Parse("g20-2022");

    private static HistoryDocument Build(IReadOnlyList<StoredEvent> log, string meetingId = "g20-2022", string? asOf = null) =>
        GetHistoryHandler.Build(MeetingId.Parse(meetingId), log, new GetHistory(meetingId, asOf));

    [Fact]
    public void History_lists_every_change_to_one_meeting_in_reportedAt_order()
    {
        var history = Build(SeedLog.InListedOrder());

        Assert.Equal("g20-2022", history.MeetingId);
        Assert.Equal(
            ["SummitAnnounced", "AttendanceAnnounced", "AttendanceAnnounced", "AttendanceDeclined", "MeetingHeld"],
            history.Entries.Select(e => e.Event));
        Assert.Equal(["2022-09-08", "2022-09-08", "2022-09-09T07:30:00Z", "2022-11-10", "2022-11-16"], history.Entries.Select(e => e.ReportedAt));
        Assert.Equal(["briefing-g20", "briefing-g20-putin", "archive-g20-xi", "peskov-g20", "readout-g20"], history.Entries.Select(e => e.CommandId));
    }

    [Fact]
    public void Each_entry_keeps_its_source_envelope_and_a_plain_summary()
    {
        var log = SeedLog.InListedOrder();
        var decline = Assert.Single(log, e => e.CommandId == "peskov-g20");

        var entry = Assert.Single(Build(log).Entries, e => e.CommandId == "peskov-g20");

        Assert.Equal(decline.Sequence, entry.Sequence);
        Assert.Equal(decline.StreamVersion, entry.StreamVersion);
        Assert.Equal(TimelineFold.EventKey(decline.EventId), entry.EventId);
        Assert.Equal(Peskov, entry.Source);
        Assert.Equal("analyst", entry.RecordedBy);
        Assert.Equal(decline.RecordedAt.ToString(), entry.RecordedAt);
        Assert.Equal("Vladimir Putin: declined, represented by Sergey Lavrov", entry.Summary);
        Assert.False(entry.Retracted);
        Assert.Equal("Sergey Lavrov", entry.Data.GetProperty("representedBy").GetString());
    }

    [Fact]
    public void RecordedAt_is_written_in_UTC_with_microseconds()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08", recordedAt: new DateTimeOffset(2022, 12, 1, 12, 30, 15, TimeSpan.FromHours(3)).AddTicks(1234560));

        Assert.Equal("2022-12-01T09:30:15.123456Z", Assert.Single(Build(log.Events).Entries).RecordedAt);
    }

    [Fact]
    public void History_as_of_a_day_shows_only_the_changes_reported_by_then()
    {
        var history = Build(SeedLog.InListedOrder(), asOf: "2022-09-09");

        Assert.Equal(["briefing-g20", "briefing-g20-putin", "archive-g20-xi"], history.Entries.Select(e => e.CommandId));
        Assert.Equal("2022-09-09", history.AsOf);
    }

    [Fact]
    public void History_shows_one_meeting_only_even_when_given_the_whole_log()
    {
        var history = Build(SeedLog.InListedOrder(), "sco-2022");

        Assert.Equal(
            ["briefing-sco", "briefing-sco-putin", "briefing-sco-xi", "samarkand-sco-putin", "readout-sco"],
            history.Entries.Select(e => e.CommandId));
        Assert.Equal(5, history.Version);
    }

    [Fact]
    public void Entries_reported_at_the_same_time_are_in_append_order()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08", "announce");
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10T15:00:00+03:00", "declined");
        log.Append("g20-2022", Confirmed(Putin), "2022-11-10T12:00:00Z", "confirmed");

        Assert.Equal(["announce", "declined", "confirmed"], Build(log.Events).Entries.Select(e => e.CommandId));
    }

    [Fact]
    public void History_of_a_meeting_that_is_not_in_the_store_is_not_found()
    {
        var notFound = Assert.Throws<MeetingNotFound>(() => Build(SeedLog.InListedOrder(), "g7-2022"));

        Assert.Equal("g7-2022", notFound.MeetingId);
        Assert.Equal("meeting 'g7-2022' is not in this store", notFound.Message);
    }

    [Fact]
    public void History_as_of_before_anything_was_reported_is_not_found_and_says_as_of_when()
    {
        var notFound = Assert.Throws<MeetingNotFound>(() => Build(SeedLog.InListedOrder(), asOf: "2022-09-07"));

        Assert.Equal("meeting 'g20-2022' was not known as of 2022-09-07", notFound.Message);
    }

    [Fact]
    public void The_history_json_has_the_contract_fields()
    {
        using var json = JsonDocument.Parse(Json(Build(SeedLog.InListedOrder())));

        Assert.Equal("g20-2022", json.RootElement.GetProperty("meetingId").GetString());
        var first = json.RootElement.GetProperty("entries")[0];
        Assert.Equal(1, first.GetProperty("sequence").GetInt64());
        Assert.Equal("SummitAnnounced", first.GetProperty("event").GetString());
        Assert.Equal("2022-09-08", first.GetProperty("reportedAt").GetString());
        Assert.Equal("2022-12-01T09:00:00.000000Z", first.GetProperty("recordedAt").GetString());
        Assert.Equal("analyst", first.GetProperty("recordedBy").GetString());
        Assert.Equal("Yury Ushakov, Kremlin aide", first.GetProperty("source").GetProperty("speaker").GetString());
        Assert.Equal("TASS", first.GetProperty("source").GetProperty("outlet").GetString());
        Assert.StartsWith("summit announced: G20 summit (G20), Bali, Indonesia", first.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(first.GetProperty("retracted").GetBoolean());
    }
}
