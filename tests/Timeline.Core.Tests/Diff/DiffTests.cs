using Timeline.Core.Diff;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Projections;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Diff;

/// <summary>docs/contract.md#timeline-diff between two knowledge times: each changed field before and after, with the reports that changed it.</summary>
public sealed class DiffTests
{
    private static DiffDocument Between(IEnumerable<StoredEvent> log, string from, string? to, string? meeting = null, string? participant = null, string? recordedAsOf = null) =>
        GetDiffHandler.Build(log, new GetDiff(From: from, To: to, RecordedAsOf: recordedAsOf, Meeting: meeting, Participant: participant));

    [Fact]
    public void Between_10_Sep_and_12_Nov_Putin_went_from_expected_to_declined_at_the_G20_on_Peskovs_word()
    {
        var g20 = Between(SeedLog.InListedOrder(), "2022-09-10", "2022-11-12").Change("g20-2022");

        Assert.Equal(MeetingChangeKind.Changed, g20.Change);
        Assert.Equal("G20 summit", g20.Title);
        Assert.Equal(
            ["Attendance Vladimir Putin: Expected → Declined", "RepresentedBy Vladimir Putin: - → Sergey Lavrov"],
            g20.Lines());
        var report = Assert.Single(g20.Reports);
        Assert.Equal("AttendanceDeclined", report.Event);
        Assert.Equal("2022-11-10", report.ReportedAt);
        Assert.Equal(Peskov, report.Source);
        Assert.Equal("Vladimir Putin: declined, represented by Sergey Lavrov", report.Summary);
    }

    [Fact]
    public void The_SCO_summit_went_from_scheduled_to_held_with_the_confirmation_and_the_readout_as_its_reports()
    {
        var sco = Between(SeedLog.InListedOrder(), "2022-09-10", "2022-11-12").Change("sco-2022");

        Assert.Equal(
            ["Status: Scheduled → Held", "Attendance Vladimir Putin: Planned → Attended", "Attendance Xi Jinping: Planned → Attended", "Mode Xi Jinping: - → InPerson"],
            sco.Lines());
        Assert.Equal(["2022-09-13", "2022-09-16"], sco.Reports.Select(r => r.ReportedAt));
        Assert.Equal(["AttendanceConfirmed", "MeetingHeld"], sco.Reports.Select(r => r.Event));
    }

    [Fact]
    public void Meetings_that_did_not_change_are_left_out_and_the_rest_come_in_schedule_order()
    {
        var diff = Between(SeedLog.InListedOrder(), "2022-09-10", "2022-11-12");

        // The ASEAN confirmation of 12 Sep was retracted, so at no knowledge time does it count; CSTO and EAEU saw no news.
        Assert.Equal(["putin-xi-2022", "sco-2022", "g20-2022"], diff.MeetingIds());
        Assert.Equal("2022-09-10", diff.From);
        Assert.Equal("2022-11-12", diff.To);
        Assert.Null(diff.RecordedFrom);
    }

    [Fact]
    public void A_window_with_no_reports_changes_nothing_and_the_same_bound_twice_is_allowed()
    {
        Assert.Empty(Between(SeedLog.InListedOrder(), "2022-10-01", "2022-11-01").Changes);
        Assert.Empty(Between(SeedLog.InListedOrder(), "2022-11-12", "2022-11-12").Changes);
    }

    [Fact]
    public void Without_to_the_later_picture_is_everything_reported()
    {
        var g20 = Between(SeedLog.InListedOrder(), "2022-09-10", null).Change("g20-2022");

        Assert.Equal(MeetingField.Status, g20.Fields[0].Field);
        Assert.Equal(["2022-11-10", "2022-11-16"], g20.Reports.Select(r => r.ReportedAt));
    }

    [Fact]
    public void A_bare_day_includes_the_whole_day_and_an_instant_cuts_within_it()
    {
        // putin-xi-2022 was confirmed at 10:00 UTC on 13 Sep.
        Assert.DoesNotContain("putin-xi-2022", Between(SeedLog.InListedOrder(), "2022-09-13", "2022-09-14").MeetingIds());
        var talks = Between(SeedLog.InListedOrder(), "2022-09-13T09:00:00Z", "2022-09-13T11:00:00Z").Change("putin-xi-2022");
        Assert.Equal(["Attendance Vladimir Putin: Planned → Confirmed"], talks.Lines());
    }

    [Fact]
    public void A_meeting_first_reported_in_the_window_is_added_with_every_field_and_its_announcement()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08", source: Ushakov);
        log.Append("sco-2022", ScoAnnounced, "2022-09-12", source: Ushakov);
        log.Append("sco-2022", Planned(Putin, AttendanceMode.InPerson), "2022-09-12", source: Ushakov);

        var sco = Between(log.Events, "2022-09-10", "2022-09-20").Change("sco-2022");

        Assert.Equal(MeetingChangeKind.Added, sco.Change);
        Assert.Equal(
            ["Title: - → SCO Council of Heads of State", "Status: - → Scheduled", "Dates: - → 2022-09-15/2022-09-16", "Location: - → Samarkand, Uzbekistan",
             "Attendance Vladimir Putin: - → Planned", "Mode Vladimir Putin: - → InPerson"],
            sco.Lines());
        Assert.Equal(["SummitAnnounced", "AttendanceAnnounced"], sco.Reports.Select(r => r.Event));
    }

    [Fact]
    public void A_participant_filter_keeps_the_meetings_naming_them_and_only_their_fields_and_reports()
    {
        var log = new LogBuilder();
        log.Append("sco-2022", ScoAnnounced, "2022-09-08", source: Ushakov);
        log.Append("sco-2022", Planned(Putin), "2022-09-08", source: Ushakov);
        log.Append("sco-2022", Planned(Xi), "2022-09-08", source: Ushakov);
        log.Append("g20-2022", G20Announced, "2022-09-08", source: Ushakov);
        log.Append("g20-2022", Expected(Putin), "2022-09-08", source: Ushakov);
        log.Append("sco-2022", Confirmed(Xi, AttendanceMode.InPerson), "2022-09-13");
        log.Append("sco-2022", Confirmed(Putin), "2022-09-14");
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10", source: Peskov);

        var xi = Between(log.Events, "2022-09-10", "2022-11-12", participant: "xi jinping");

        var sco = Assert.Single(xi.Changes);
        Assert.Equal("sco-2022", sco.MeetingId);
        Assert.Equal(["Attendance Xi Jinping: Planned → Confirmed", "Mode Xi Jinping: - → InPerson"], sco.Lines());
        Assert.Equal(["2022-09-13"], sco.Reports.Select(r => r.ReportedAt));
    }

    [Fact]
    public void A_meeting_filter_keeps_that_meeting_only()
    {
        var diff = Between(SeedLog.InListedOrder(), "2022-09-10", "2022-11-12", meeting: "sco-2022");

        Assert.Equal(["sco-2022"], diff.MeetingIds());
    }

    [Fact]
    public void A_rescheduled_meeting_shows_its_old_and_new_dates()
    {
        var log = new LogBuilder();
        log.Append("asean-2022", AseanAnnounced, "2022-09-08", source: Ushakov);
        log.Append("asean-2022", new MeetingEvent.MeetingPostponed(null, "host's request"), "2022-10-01");
        log.Append("asean-2022", new MeetingEvent.MeetingRescheduled(Edtf("2022-11-10/2022-11-13")), "2022-10-20", source: new Source(Outlet: "Khmer Times"));

        var asean = Between(log.Events, "2022-09-10", "2022-11-12").Change("asean-2022");
        var postponed = Between(log.Events, "2022-09-10", "2022-10-10").Change("asean-2022");

        Assert.Equal(["Dates: 2022-11-11/2022-11-13 → 2022-11-10/2022-11-13"], asean.Lines());
        Assert.Equal(["MeetingPostponed", "MeetingRescheduled"], asean.Reports.Select(r => r.Event));
        Assert.Equal(["Status: Scheduled → Postponed", "Dates: 2022-11-11/2022-11-13 → -"], postponed.Lines());
    }

    [Fact]
    public void The_same_reports_imported_in_any_order_give_the_same_diff_but_for_sequences_and_recording_times()
    {
        var expected = Json(Between(SeedLog.InListedOrder(), "2022-09-10", "2022-11-12"));
        for (var seed = 0; seed < 20; seed++)
        {
            var shuffled = Between(SeedLog.ImportedInRandomOrder(new Random(seed)), "2022-09-10", "2022-11-12");
            Assert.Equal(Scrubbed(expected), Scrubbed(Json(shuffled)));
        }

        static string Scrubbed(string json) =>
            System.Text.RegularExpressions.Regex.Replace(json, "\"(sequence|recordedAt)\": [^,\\n]+", "\"$1\": _");
    }
}
