using Timeline.Core.Schedule;
using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Projections;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Knowledge;

/// <summary>docs/contract.md#as-of-and-recorded-as-of: the fold follows reportedAt, so import order never changes an answer.</summary>
public sealed class ImportOrderTests
{
    private const int Orders = 200;

    public static TheoryData<string> AsOfs => TestCases.Named("2022-09-10", "2022-11-12", "now");

    [Theory]
    [MemberData(nameof(AsOfs))]
    public void Every_import_order_of_the_same_reports_gives_the_same_schedule_and_attendance(string asOf)
    {
        var bound = asOf == "now" ? null : asOf;
        var listed = SeedLog.InListedOrder();
        var expectedSchedule = ScheduleJson(listed, bound);
        var expectedAttendance = Json(AttendanceOf(listed, bound));
        var random = new Random(20220908);
        var ordersSeen = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < Orders; i++)
        {
            var log = SeedLog.ImportedInRandomOrder(random);
            ordersSeen.Add(string.Join(' ', log.Select(e => e.CommandId)));

            Assert.Equal(expectedSchedule, ScheduleJson(log, bound));
            Assert.Equal(expectedAttendance, Json(AttendanceOf(log, bound)));
        }

        // The draws really are different import orders, not the listed one over and over.
        Assert.True(ordersSeen.Count > Orders * 9 / 10, $"only {ordersSeen.Count} distinct orders in {Orders} draws");
    }

    [Fact]
    public void The_listed_order_has_a_backdated_report_appended_after_later_reports()
    {
        var log = SeedLog.InListedOrder();
        var backdated = Assert.Single(log, e => e.CommandId == "archive-g20-xi");
        var decline = Assert.Single(log, e => e.CommandId == "peskov-g20");

        Assert.True(backdated.Sequence > decline.Sequence);
        Assert.True(backdated.ReportedAt.Instant < decline.ReportedAt.Instant);
    }

    [Fact]
    public void As_of_10_September_2022_Putin_was_expected_at_the_G20_and_planned_at_the_SCO_and_nothing_was_confirmed()
    {
        var schedule = ScheduleOf(SeedLog.ImportedInRandomOrder(new Random(7)), "2022-09-10");

        Assert.Equal(AttendanceLevel.Expected, schedule.Participant("g20-2022", Putin).Attendance);
        Assert.Equal(AttendanceLevel.Expected, schedule.Participant("g20-2022", Xi).Attendance);
        Assert.Equal(AttendanceLevel.Planned, schedule.Participant("sco-2022", Putin).Attendance);
        Assert.Equal(AttendanceLevel.Possible, schedule.Participant("asean-2022", Putin).Attendance);
        Assert.All(schedule.Meetings, m => Assert.Equal(MeetingStatus.Scheduled, m.Status));
        Assert.All(schedule.Meetings.SelectMany(m => m.Participants), p => Assert.Null(p.ConfirmedAt));
    }

    [Fact]
    public void As_of_12_November_2022_Putin_had_declined_the_G20_sending_Lavrov_and_had_attended_the_SCO()
    {
        var schedule = ScheduleOf(SeedLog.ImportedInRandomOrder(new Random(11)), "2022-11-12");

        var putin = schedule.Participant("g20-2022", Putin);
        Assert.Equal(AttendanceLevel.Declined, putin.Attendance);
        Assert.Equal("Sergey Lavrov", putin.RepresentedBy);
        Assert.Equal(MeetingStatus.Scheduled, schedule.Meeting("g20-2022").Status);
        Assert.Equal(MeetingStatus.Held, schedule.Meeting("sco-2022").Status);
        Assert.Equal(AttendanceLevel.Attended, schedule.Participant("sco-2022", Putin).Attendance);
    }

    // Version is the stream version an If-Match names; it counts appends, so it rightly depends on their order.
    private static string ScheduleJson(IReadOnlyList<StoredEvent> log, string? asOf)
    {
        var schedule = ScheduleOf(log, asOf);
        return Json(schedule with { Meetings = [.. schedule.Meetings.Select(m => m with { Version = 0 })] });
    }
}
