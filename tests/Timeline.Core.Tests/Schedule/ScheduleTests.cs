using System.Text.Json;
using Timeline.Core.Schedule;
using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Projections;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Schedule;

public sealed class ScheduleTests
{
    /// <summary>The seed reports, plus talks reported without any dates yet.</summary>
    private static IReadOnlyList<StoredEvent> Log()
    {
        var log = new LogBuilder();
        foreach (var report in SeedLog.Files.SelectMany(f => f))
        {
            log.Append(report);
        }
        log.Append(
            "putin-erdogan-2022",
            new MeetingEvent.MeetingAnnounced("Putin-Erdogan talks", MeetingKind.Bilateral, [new(Putin), new(Name("Recep Tayyip Erdogan"))], null, null, null),
            "2022-09-08");
        return log.Events;
    }

    private static ScheduleDocument Build(string? asOf = null, string? participant = null, string? from = null, string? to = null) =>
        GetScheduleHandler.Build(Log(), new GetSchedule(asOf, null, participant, from, to), Projections.Today);

    [Fact]
    public void A_summit_shows_its_status_dates_place_organization_and_hosts()
    {
        var g20 = Build().Meeting("g20-2022");

        Assert.Equal("G20 summit", g20.Title);
        Assert.Equal(MeetingKind.Summit, g20.Kind);
        Assert.Equal("G20", g20.Organization);
        Assert.Equal(MeetingStatus.Held, g20.Status);
        Assert.Equal("2022-11-15/2022-11-16", g20.Dates);
        Assert.Equal(Bali, g20.Location);
        Assert.Equal(["Indonesia"], g20.Hosts);
        Assert.Null(g20.SidelinesOf);
        Assert.Equal(new DateOnly(2022, 11, 15), g20.Earliest);
        Assert.Equal(new DateOnly(2022, 11, 16), g20.Latest);
    }

    [Fact]
    public void A_meeting_on_the_sidelines_names_its_parent_and_takes_the_dates_it_was_held_on()
    {
        var talks = Build().Meeting("putin-xi-2022");
        var talksAsAnnounced = Build("2022-09-10").Meeting("putin-xi-2022");

        Assert.Equal(MeetingKind.Bilateral, talks.Kind);
        Assert.Equal("sco-2022", talks.SidelinesOf);
        Assert.Null(talks.Organization);
        Assert.Equal("2022-09-15", talks.Dates);
        Assert.Equal("2022-09-15/2022-09-16", talksAsAnnounced.Dates);
    }

    [Fact]
    public void A_participant_shows_attendance_mode_representative_and_when_each_was_said()
    {
        var g20 = Build().Meeting("g20-2022");

        var putin = g20.Participant(Putin);
        Assert.Equal(AttendanceLevel.Declined, putin.Attendance);
        Assert.Equal("Sergey Lavrov", putin.RepresentedBy);
        Assert.Equal("2022-09-08", putin.AnnouncedAt);
        Assert.Null(putin.ConfirmedAt);
        Assert.Equal("2022-11-10", putin.Since);

        var xi = g20.Participant(Xi);
        Assert.Equal(AttendanceLevel.Expected, xi.Attendance);
        Assert.Equal(AttendanceMode.InPerson, xi.Mode);
        Assert.Equal("2022-09-09T07:30:00Z", xi.AnnouncedAt);

        var lavrov = g20.Participant(Lavrov);
        Assert.Equal(AttendanceLevel.Attended, lavrov.Attendance);
        Assert.Equal(AttendanceMode.InPerson, lavrov.Mode);
        Assert.Null(lavrov.AnnouncedAt);
        Assert.Equal("2022-11-16", lavrov.Since);

        Assert.Equal(["Vladimir Putin", "Xi Jinping", "Sergey Lavrov"], g20.Participants.Select(p => p.Name));
    }

    [Fact]
    public void A_confirmed_participant_shows_when_the_attendance_was_announced_and_when_confirmed()
    {
        var putin = Build("2022-09-14").Participant("sco-2022", Putin);

        Assert.Equal(AttendanceLevel.Confirmed, putin.Attendance);
        Assert.Equal(AttendanceMode.InPerson, putin.Mode);
        Assert.Equal("2022-09-08", putin.AnnouncedAt);
        Assert.Equal("2022-09-13", putin.ConfirmedAt);
        Assert.Equal("2022-09-13", putin.Since);
    }

    [Fact]
    public void Dates_and_report_times_are_shown_exactly_as_given()
    {
        var log = new LogBuilder();
        log.Append("csto-2022", CstoAnnounced with { Dates = Edtf("2022-11~") }, "2022-09-08");
        log.Append("eaeu-2022", EaeuAnnounced with { Dates = Edtf("2022?") }, "2022-09-08");
        log.Append("asean-2022", AseanAnnounced with { Dates = Edtf("2022-11-11%/2022-11-13") }, "2022-09-08");
        log.Append("sco-2022", ScoAnnounced with { Dates = Edtf("2022-09/2022-09-16") }, "2022-09-08");
        log.Append("sco-2022", Confirmed(Putin), "2022-09-13T13:00:00+03:00");

        var schedule = ScheduleOf(log.Events);
        var json = Json(schedule);

        Assert.Equal("2022-11~", schedule.Meeting("csto-2022").Dates);
        Assert.Equal("2022?", schedule.Meeting("eaeu-2022").Dates);
        Assert.Equal("2022-11-11%/2022-11-13", schedule.Meeting("asean-2022").Dates);
        Assert.Equal("2022-09/2022-09-16", schedule.Meeting("sco-2022").Dates);
        Assert.Equal("2022-09-13T13:00:00+03:00", schedule.Participant("sco-2022", Putin).ConfirmedAt);
        Assert.Contains("\"confirmedAt\": \"2022-09-13T13:00:00+03:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dates\": \"2022-11-11%/2022-11-13\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schedule_json_has_the_contract_fields()
    {
        using var json = JsonDocument.Parse(Json(Build("2022-11-12")));
        var root = json.RootElement;

        Assert.Equal("2022-11-12", root.GetProperty("asOf").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("recordedAsOf").ValueKind);
        var g20 = root.GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "g20-2022");
        Assert.Equal("G20 summit", g20.GetProperty("title").GetString());
        Assert.Equal("summit", g20.GetProperty("kind").GetString());
        Assert.Equal("G20", g20.GetProperty("organization").GetString());
        Assert.Equal("scheduled", g20.GetProperty("status").GetString());
        Assert.Equal("2022-11-15/2022-11-16", g20.GetProperty("dates").GetString());
        Assert.Equal("Bali", g20.GetProperty("location").GetProperty("city").GetString());
        Assert.Equal("Indonesia", g20.GetProperty("location").GetProperty("country").GetString());
        Assert.Equal(JsonValueKind.Null, g20.GetProperty("sidelinesOf").ValueKind);
        var putin = g20.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Vladimir Putin");
        Assert.Equal("declined", putin.GetProperty("attendance").GetString());
        Assert.Equal(JsonValueKind.Null, putin.GetProperty("mode").ValueKind);
        Assert.Equal("Sergey Lavrov", putin.GetProperty("representedBy").GetString());
        Assert.Equal("2022-09-08", putin.GetProperty("announcedAt").GetString());
        Assert.Equal(JsonValueKind.Null, putin.GetProperty("confirmedAt").ValueKind);
        var xi = g20.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Xi Jinping");
        Assert.Equal("in-person", xi.GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData("Vladimir Putin")]
    [InlineData("vladimir putin")]
    [InlineData("VLADIMIR PUTIN")]
    [InlineData("  Vladimir   Putin ")]
    public void The_participant_filter_matches_names_case_insensitively(string participant)
    {
        var schedule = Build("2022-09-10", participant);

        Assert.Equal(
            ["putin-xi-2022", "sco-2022", "csto-2022", "asean-2022", "g20-2022", "eaeu-2022", "putin-erdogan-2022"],
            schedule.Meetings.Select(m => m.Id));
    }

    [Fact]
    public void The_participant_filter_keeps_only_meetings_the_person_is_named_in_as_of_the_bound()
    {
        Assert.Equal(["g20-2022"], Build(participant: "sergey lavrov").Meetings.Select(m => m.Id));
        // Named as Putin's representative on 10 November, he became a participant when the summit was held.
        Assert.Empty(Build("2022-11-15", participant: "sergey lavrov").Meetings);
        Assert.Equal(["g20-2022"], Build("2022-11-16", participant: "sergey lavrov").Meetings.Select(m => m.Id));
    }

    [Fact]
    public void The_participant_filter_keeps_every_participant_of_a_matching_meeting()
    {
        var g20 = Assert.Single(Build(participant: "sergey lavrov").Meetings);

        Assert.Equal(3, g20.Participants.Count);
    }

    [Theory]
    [InlineData("2022-11", "2022-11", "csto-2022 asean-2022 g20-2022")]
    [InlineData("2022-11-16", "2022-11-16", "csto-2022 g20-2022")]
    [InlineData("2022-09-16", null, "sco-2022 csto-2022 asean-2022 g20-2022 eaeu-2022")]
    [InlineData(null, "2022-09-15", "putin-xi-2022 sco-2022")]
    [InlineData("2022-12", null, "eaeu-2022")]
    [InlineData("2023", null, "")]
    [InlineData("2022-10~", "2022-10~", "")]
    [InlineData("2022-09-01/2022-09-14", null, "putin-xi-2022 sco-2022 csto-2022 asean-2022 g20-2022 eaeu-2022")]
    public void From_and_to_keep_meetings_whose_dates_overlap_the_range_and_leave_out_undated_ones(string? from, string? to, string expected)
    {
        var schedule = Build(from: from, to: to);

        Assert.Equal(expected, string.Join(' ', schedule.Meetings.Select(m => m.Id)));
    }

    [Fact]
    public void Without_a_range_undated_meetings_are_listed_last()
    {
        Assert.Equal("putin-erdogan-2022", Build().Meetings[^1].Id);
    }

    [Fact]
    public void Meetings_are_ordered_by_earliest_date_then_latest_then_id()
    {
        // On 10 Sept the talks were still dated like the SCO summit (a tie broken by id); once held they were dated
        // 15 Sept only, ending before the summit did.
        Assert.Equal(
            ["putin-xi-2022", "sco-2022", "csto-2022", "asean-2022", "g20-2022", "eaeu-2022", "putin-erdogan-2022"],
            Build("2022-09-10").Meetings.Select(m => m.Id));
        Assert.Equal(
            ["putin-xi-2022", "sco-2022", "csto-2022", "asean-2022", "g20-2022", "eaeu-2022", "putin-erdogan-2022"],
            Build().Meetings.Select(m => m.Id));

        var log = new LogBuilder();
        log.Append("b-2022", CstoAnnounced with { Dates = Edtf("2022-11-01") }, "2022-09-08");
        log.Append("a-2022", CstoAnnounced with { Dates = Edtf("2022-11") }, "2022-09-08");
        log.Append("c-2022", CstoAnnounced with { Dates = Edtf("2022-11-01") }, "2022-09-08");
        Assert.Equal(["b-2022", "c-2022", "a-2022"], ScheduleOf(log.Events).Meetings.Select(m => m.Id));
    }

    [Fact]
    public void A_postponed_meeting_without_new_dates_drops_out_of_a_ranged_schedule()
    {
        var log = new LogBuilder();
        log.Append("csto-2022", CstoAnnounced, "2022-09-08");
        log.Append("csto-2022", new MeetingEvent.MeetingPostponed(null, "Armenia asked for a delay"), "2022-10-01");

        var csto = ScheduleOf(log.Events).Meeting("csto-2022");

        Assert.Equal(MeetingStatus.Postponed, csto.Status);
        Assert.Equal("Armenia asked for a delay", csto.StatusReason);
        Assert.Null(csto.Dates);
        Assert.Empty(GetScheduleHandler.Build(log.Events, new GetSchedule(From: "2022-11", To: "2022-11"), Projections.Today).Meetings);
        Assert.Single(GetScheduleHandler.Build(log.Events, new GetSchedule(AsOf: "2022-09-30", From: "2022-11", To: "2022-11"), Projections.Today).Meetings);
    }

    [Fact]
    public void The_version_is_the_stream_version_of_the_last_event_known()
    {
        var schedule = Build();

        // The backdated article about Xi was appended last, as the fifth event of the stream.
        Assert.Equal(5, schedule.Meeting("g20-2022").Version);
        Assert.Equal(2, Build("2022-09-08").Meeting("g20-2022").Version);
    }
}
