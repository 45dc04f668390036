using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Projections;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Knowledge;

/// <summary>docs/contract.md#as-of-and-recorded-as-of: as of D takes the log restricted to reportedAt &lt;= D, folded in (reportedAt, sequence) order.</summary>
public sealed class AsOfTests
{
    [Fact]
    public void As_of_a_bare_day_includes_a_report_made_in_the_last_second_of_that_day()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08");
        log.Append("g20-2022", Expected(Putin), "2022-09-08");
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10T23:59:59Z");

        Assert.Equal(AttendanceLevel.Declined, ScheduleOf(log.Events, "2022-11-10").Participant("g20-2022", Putin).Attendance);
        Assert.Equal(AttendanceLevel.Expected, ScheduleOf(log.Events, "2022-11-09").Participant("g20-2022", Putin).Attendance);
    }

    [Fact]
    public void As_of_a_bare_day_excludes_a_report_made_at_midnight_after_it()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08");
        log.Append("g20-2022", Expected(Putin), "2022-09-08");
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-11T00:00:00Z");

        Assert.Equal(AttendanceLevel.Expected, ScheduleOf(log.Events, "2022-11-10").Participant("g20-2022", Putin).Attendance);
        Assert.Equal(AttendanceLevel.Declined, ScheduleOf(log.Events, "2022-11-11").Participant("g20-2022", Putin).Attendance);
    }

    [Theory]
    [InlineData("2022-11-10T12:00:00Z", AttendanceLevel.Declined)]
    [InlineData("2022-11-10T15:00:00+03:00", AttendanceLevel.Declined)]
    [InlineData("2022-11-10T12:00:00.0000001Z", AttendanceLevel.Declined)]
    [InlineData("2022-11-10T11:59:59.9999999Z", AttendanceLevel.Expected)]
    [InlineData("2022-11-10T14:59:59+03:00", AttendanceLevel.Expected)]
    public void As_of_an_instant_includes_a_report_made_at_exactly_that_instant(string asOf, AttendanceLevel expected)
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08");
        log.Append("g20-2022", Expected(Putin), "2022-09-08");
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10T12:00:00Z");

        Assert.Equal(expected, ScheduleOf(log.Events, asOf).Participant("g20-2022", Putin).Attendance);
    }

    [Fact]
    public void A_meeting_announced_after_the_as_of_bound_is_not_in_the_schedule()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08");
        log.Append("sco-2022", ScoAnnounced, "2022-09-09");

        var schedule = ScheduleOf(log.Events, "2022-09-08");

        Assert.Equal(["g20-2022"], schedule.Meetings.Select(m => m.Id));
        Assert.Equal("2022-09-08", schedule.AsOf);
    }

    [Fact]
    public void Reports_made_at_the_same_day_fold_in_append_order()
    {
        var confirmedThenDeclined = new LogBuilder();
        confirmedThenDeclined.Append("g20-2022", G20Announced, "2022-09-08");
        confirmedThenDeclined.Append("g20-2022", Confirmed(Putin), "2022-11-10");
        confirmedThenDeclined.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10");

        var declinedThenConfirmed = new LogBuilder();
        declinedThenConfirmed.Append("g20-2022", G20Announced, "2022-09-08");
        declinedThenConfirmed.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10");
        declinedThenConfirmed.Append("g20-2022", Confirmed(Putin), "2022-11-10");

        Assert.Equal(AttendanceLevel.Declined, ScheduleOf(confirmedThenDeclined.Events).Participant("g20-2022", Putin).Attendance);
        Assert.Equal(AttendanceLevel.Confirmed, ScheduleOf(declinedThenConfirmed.Events).Participant("g20-2022", Putin).Attendance);
    }

    [Fact]
    public void The_same_instant_written_with_different_offsets_is_a_tie_broken_by_sequence()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08");
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10T15:00:00+03:00");
        log.Append("g20-2022", Confirmed(Putin), "2022-11-10T12:00:00Z");

        var putin = ScheduleOf(log.Events).Participant("g20-2022", Putin);

        Assert.Equal(AttendanceLevel.Confirmed, putin.Attendance);
        Assert.Equal("2022-11-10T12:00:00Z", putin.Since);
    }

    [Fact]
    public void A_tie_is_broken_by_sequence_even_when_the_log_is_handed_over_out_of_order()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08");
        log.Append("g20-2022", Confirmed(Putin), "2022-11-10");
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10");

        var reversed = log.Events.Reverse().ToList();

        Assert.Equal(AttendanceLevel.Declined, ScheduleOf(reversed).Participant("g20-2022", Putin).Attendance);
    }

    [Fact]
    public void A_backdated_report_takes_its_place_by_reportedAt_not_by_when_it_was_appended()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08");
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10");
        log.Append("g20-2022", Expected(Putin), "2022-09-09");

        var now = ScheduleOf(log.Events).Participant("g20-2022", Putin);
        var then = ScheduleOf(log.Events, "2022-09-10").Participant("g20-2022", Putin);

        Assert.Equal(AttendanceLevel.Declined, now.Attendance);
        Assert.Equal("2022-09-09", now.AnnouncedAt);
        Assert.Equal(AttendanceLevel.Expected, then.Attendance);
    }

    [Fact]
    public void Recorded_as_of_shows_only_what_the_store_had_appended_by_then()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08", recordedAt: At("2022-09-08T18:00:00Z"));
        log.Append("g20-2022", Expected(Putin), "2022-09-08", recordedAt: At("2022-09-08T18:05:00Z"));
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10", recordedAt: At("2022-11-11T08:00:00Z"));

        Assert.Equal(AttendanceLevel.Expected, ScheduleOf(log.Events, recordedAsOf: "2022-11-11T07:59:59Z").Participant("g20-2022", Putin).Attendance);
        Assert.Equal(AttendanceLevel.Declined, ScheduleOf(log.Events, recordedAsOf: "2022-11-11T08:00:00Z").Participant("g20-2022", Putin).Attendance);
        Assert.Equal(AttendanceLevel.Declined, ScheduleOf(log.Events, recordedAsOf: "2022-11-11").Participant("g20-2022", Putin).Attendance);
        Assert.Empty(ScheduleOf(log.Events, recordedAsOf: "2022-09-07").Meetings);
        Assert.Equal("2022-11-11", ScheduleOf(log.Events, recordedAsOf: "2022-11-11").RecordedAsOf);
    }

    [Fact]
    public void As_of_and_recorded_as_of_apply_together()
    {
        // An article of 9 September, imported only on 1 December; and the decline, recorded on the day.
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08", recordedAt: At("2022-09-08T18:00:00Z"));
        log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10", recordedAt: At("2022-11-10T20:00:00Z"));
        log.Append("g20-2022", Expected(Putin), "2022-09-09", recordedAt: At("2022-12-01T09:00:00Z"));

        // What the store said in late November about early September: the article was not in it yet.
        Assert.Empty(ScheduleOf(log.Events, asOf: "2022-09-30", recordedAsOf: "2022-11-30").Meeting("g20-2022").Participants);

        // What it says now about early September: the backdated article is there.
        Assert.Equal(AttendanceLevel.Expected, ScheduleOf(log.Events, asOf: "2022-09-30").Participant("g20-2022", Putin).Attendance);

        // What it said in late November about mid November: the decline only.
        var putin = ScheduleOf(log.Events, asOf: "2022-11-12", recordedAsOf: "2022-11-30").Participant("g20-2022", Putin);
        Assert.Equal(AttendanceLevel.Declined, putin.Attendance);
        Assert.Null(putin.AnnouncedAt);

        var row = AttendanceOf(log.Events, asOf: "2022-11-12", recordedAsOf: "2022-11-30").Row("g20-2022", Putin);
        Assert.Null(row.AnnouncedAt);
        Assert.Equal("2022-11-10", row.DeclinedAt);
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
}
