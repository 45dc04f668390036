using System.Text.Json;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Projections;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Attendance;

/// <summary>When was Putin's G20 attendance first announced? Was it ever confirmed, and if so how many days later? (docs/contract.md#attendance-output)</summary>
public sealed class AttendanceTests
{
    [Fact]
    public void Putin_at_the_G20_was_expected_from_8_September_and_declined_on_10_November_sending_Lavrov()
    {
        var row = AttendanceOf(SeedLog.InListedOrder()).Row("g20-2022", Putin);

        Assert.Equal("G20 summit", row.MeetingTitle);
        Assert.Equal("2022-11-15/2022-11-16", row.Dates);
        Assert.Equal("2022-09-08", row.AnnouncedAt);
        Assert.Equal(AttendanceLevel.Expected, row.AnnouncedLevel);
        Assert.Null(row.ConfirmedAt);
        Assert.Equal("2022-11-10", row.DeclinedAt);
        Assert.Equal("declined", row.Outcome);
        Assert.Equal("Sergey Lavrov", row.RepresentedBy);
        Assert.Null(row.DaysToConfirm);
    }

    [Fact]
    public void Putin_at_the_SCO_was_planned_on_8_September_and_confirmed_five_days_later()
    {
        var row = AttendanceOf(SeedLog.InListedOrder()).Row("sco-2022", Putin);

        Assert.Equal("2022-09-08", row.AnnouncedAt);
        Assert.Equal(AttendanceLevel.Planned, row.AnnouncedLevel);
        Assert.Equal("2022-09-13", row.ConfirmedAt);
        Assert.Equal(5, row.DaysToConfirm);
        Assert.Null(row.DeclinedAt);
        Assert.Equal("attended", row.Outcome);
        Assert.Equal(AttendanceLevel.Attended, row.Attendance);
    }

    [Fact]
    public void Days_to_confirm_count_calendar_days_in_UTC()
    {
        var log = new LogBuilder();
        log.Append("sco-2022", ScoAnnounced, "2022-09-08");
        log.Append("sco-2022", Planned(Putin), "2022-09-08T23:30:00Z");
        // 00:30 in Moscow on the 13th is still the 12th in UTC.
        log.Append("sco-2022", Confirmed(Putin), "2022-09-13T00:30:00+03:00");

        var row = AttendanceOf(log.Events).Row("sco-2022", Putin);

        Assert.Equal(4, row.DaysToConfirm);
        Assert.Equal("2022-09-13T00:30:00+03:00", row.ConfirmedAt);
    }

    [Fact]
    public void Every_attendance_is_pending_until_it_is_attended_declined_or_cancelled()
    {
        var attendance = AttendanceOf(SeedLog.InListedOrder(), "2022-09-10");

        Assert.NotEmpty(attendance.Rows);
        Assert.All(attendance.Rows, r => Assert.Equal("pending", r.Outcome));
        Assert.Equal("2022-09-10", attendance.AsOf);
    }

    [Fact]
    public void The_participants_of_a_cancelled_meeting_are_cancelled_unless_they_had_declined()
    {
        var log = new LogBuilder();
        log.Append("asean-2022", AseanAnnounced, "2022-09-08");
        log.Append("asean-2022", Possible(Putin), "2022-09-08");
        log.Append("asean-2022", Declined(Xi), "2022-10-01");
        log.Append("asean-2022", new MeetingEvent.MeetingCancelled("flooding"), "2022-10-20");

        var attendance = AttendanceOf(log.Events);

        Assert.Equal("cancelled", attendance.Row("asean-2022", Putin).Outcome);
        Assert.Equal("declined", attendance.Row("asean-2022", Xi).Outcome);
    }

    [Fact]
    public void A_representative_who_went_in_Putin_s_place_attended_without_an_announcement_of_his_own()
    {
        var attendance = AttendanceOf(SeedLog.InListedOrder());

        Assert.Equal("attended", attendance.Row("g20-2022", Lavrov).Outcome);
        Assert.Null(attendance.Row("g20-2022", Lavrov).AnnouncedAt);
        Assert.Null(attendance.Row("g20-2022", Lavrov).AnnouncedLevel);
    }

    [Fact]
    public void The_first_statement_of_intent_is_the_announcement_even_when_stronger_ones_follow()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-04-28");
        log.Append("g20-2022", new MeetingEvent.ParticipantInvited(Putin, "Joko Widodo"), "2022-04-28");
        log.Append("g20-2022", Possible(Putin), "2022-08-18");
        log.Append("g20-2022", Expected(Putin), "2022-09-08");
        log.Append("g20-2022", Confirmed(Putin), "2022-11-01");

        var row = AttendanceOf(log.Events).Row("g20-2022", Putin);

        Assert.Equal("2022-08-18", row.AnnouncedAt);
        Assert.Equal(AttendanceLevel.Possible, row.AnnouncedLevel);
        Assert.Equal("2022-11-01", row.ConfirmedAt);
        Assert.Equal(75, row.DaysToConfirm);
    }

    [Fact]
    public void An_invitation_alone_is_not_an_announcement()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-04-28");
        log.Append("g20-2022", new MeetingEvent.ParticipantInvited(Putin, "Joko Widodo"), "2022-04-28");

        var row = AttendanceOf(log.Events).Row("g20-2022", Putin);

        Assert.Null(row.AnnouncedAt);
        Assert.Null(row.AnnouncedLevel);
        Assert.Equal(AttendanceLevel.Invited, row.Attendance);
        Assert.Equal("pending", row.Outcome);
    }

    [Fact]
    public void A_confirmation_with_nothing_said_before_is_also_the_announcement()
    {
        var log = new LogBuilder();
        log.Append("sco-2022", ScoAnnounced, "2022-09-08");
        log.Append("sco-2022", Confirmed(Xi), "2022-09-13");

        var row = AttendanceOf(log.Events).Row("sco-2022", Xi);

        Assert.Equal("2022-09-13", row.AnnouncedAt);
        Assert.Equal(AttendanceLevel.Confirmed, row.AnnouncedLevel);
        Assert.Equal("2022-09-13", row.ConfirmedAt);
        Assert.Equal(0, row.DaysToConfirm);
    }

    [Fact]
    public void A_participant_named_in_the_announcement_is_announced_with_it()
    {
        var row = AttendanceOf(SeedLog.InListedOrder(), "2022-09-10").Row("putin-xi-2022", Xi);

        Assert.Equal("2022-09-08", row.AnnouncedAt);
        Assert.Equal(AttendanceLevel.Planned, row.AnnouncedLevel);
    }

    [Fact]
    public void Plans_can_change_the_first_confirmation_and_the_latest_decline_are_kept()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08");
        log.Append("g20-2022", Confirmed(Putin), "2022-10-01");
        log.Append("g20-2022", Declined(Putin), "2022-10-15");
        log.Append("g20-2022", Confirmed(Putin), "2022-10-20");
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10");

        var row = AttendanceOf(log.Events).Row("g20-2022", Putin);

        Assert.Equal("2022-10-01", row.ConfirmedAt);
        Assert.Equal("2022-11-10", row.DeclinedAt);
        Assert.Equal("declined", row.Outcome);
        Assert.Equal("Sergey Lavrov", row.RepresentedBy);
    }

    [Fact]
    public void A_second_decline_naming_a_representative_is_a_new_statement()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08");
        log.Append("g20-2022", Declined(Putin), "2022-11-01");
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10");

        var row = AttendanceOf(log.Events).Row("g20-2022", Putin);

        Assert.Equal("2022-11-10", row.DeclinedAt);
        Assert.Equal("Sergey Lavrov", row.RepresentedBy);
        Assert.Equal("2022-11-10", ScheduleOf(log.Events).Participant("g20-2022", Putin).Since);
    }

    [Theory]
    [InlineData("Vladimir Putin")]
    [InlineData("vladimir putin")]
    public void The_participant_filter_keeps_that_person_s_rows_only_matching_case_insensitively(string participant)
    {
        var attendance = AttendanceOf(SeedLog.InListedOrder(), participant: participant);

        Assert.Equal(["putin-xi-2022", "sco-2022", "csto-2022", "asean-2022", "g20-2022", "eaeu-2022"], attendance.Rows.Select(r => r.MeetingId));
        Assert.All(attendance.Rows, r => Assert.Equal("Vladimir Putin", r.Participant));
    }

    [Fact]
    public void The_attendance_json_has_the_contract_fields()
    {
        using var json = JsonDocument.Parse(Json(AttendanceOf(SeedLog.InListedOrder(), participant: "Vladimir Putin")));

        var sco = json.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("meetingId").GetString() == "sco-2022");
        Assert.Equal("Vladimir Putin", sco.GetProperty("participant").GetString());
        Assert.Equal("2022-09-08", sco.GetProperty("announcedAt").GetString());
        Assert.Equal("planned", sco.GetProperty("announcedLevel").GetString());
        Assert.Equal("2022-09-13", sco.GetProperty("confirmedAt").GetString());
        Assert.Equal(JsonValueKind.Null, sco.GetProperty("declinedAt").ValueKind);
        Assert.Equal("attended", sco.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, sco.GetProperty("representedBy").ValueKind);
        Assert.Equal(5, sco.GetProperty("daysToConfirm").GetInt32());
    }
}
