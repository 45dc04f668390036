using Timeline.Core.Knowledge;
using Timeline.Core.Schedule;
using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Schedule;

/// <summary>docs/contract.md#schedule-output: a meeting is overdue when its dates have passed, as of the day asked about, with no outcome reported.</summary>
public sealed class OverdueTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    /// <summary>The SCO summit as the briefing had it, a summit postponed to October, one postponed sine die, one cancelled, one held and talks with no dates.</summary>
    private static IReadOnlyList<StoredEvent> Log()
    {
        var log = new LogBuilder();
        log.Append("sco-2022", ScoAnnounced, "2022-09-08", source: Ushakov);
        log.Append("csto-2022", CstoAnnounced, "2022-09-08");
        log.Append("csto-2022", new MeetingEvent.MeetingPostponed(Edtf("2022-10"), null), "2022-09-09");
        log.Append("eaeu-2022", EaeuAnnounced, "2022-09-08");
        log.Append("eaeu-2022", new MeetingEvent.MeetingPostponed(null, "to be agreed"), "2022-09-09");
        log.Append("asean-2022", AseanAnnounced, "2022-09-08");
        log.Append("asean-2022", new MeetingEvent.MeetingCancelled(null), "2022-09-09");
        log.Append("g20-2022", G20Announced, "2022-09-08");
        log.Append("g20-2022", Held(Lavrov), "2022-11-16");
        log.Append("putin-erdogan-2022", new MeetingEvent.MeetingAnnounced("Putin-Erdogan talks", MeetingKind.Bilateral, [new(Putin)], null, null, null), "2022-09-08");
        return log.Events;
    }

    private static Dictionary<string, bool> OverdueOn(string? asOf, DateOnly today) =>
        GetScheduleHandler.Build(Log(), new GetSchedule(AsOf: asOf), today).Meetings.ToDictionary(m => m.Id, m => m.Overdue);

    [Fact]
    public void Only_meetings_still_scheduled_or_postponed_whose_last_day_has_passed_are_overdue_today()
    {
        var overdue = OverdueOn(null, Today);

        Assert.True(overdue["sco-2022"]);
        Assert.True(overdue["csto-2022"]); // postponed to October 2022, and October is long past
        Assert.False(overdue["eaeu-2022"]); // postponed with no dates: nothing has passed
        Assert.False(overdue["asean-2022"]); // cancelled: an outcome
        Assert.False(overdue["g20-2022"]); // held
        Assert.False(overdue["putin-erdogan-2022"]); // undated
    }

    [Fact]
    public void As_of_a_day_the_day_is_the_as_of_day_not_today()
    {
        Assert.False(OverdueOn("2022-09-10", Today)["sco-2022"]);
        Assert.False(OverdueOn("2022-09-16", Today)["sco-2022"]); // its last day
        Assert.True(OverdueOn("2022-09-17", Today)["sco-2022"]);
        Assert.True(OverdueOn("2022-09-17T00:00:00Z", Today)["sco-2022"]);
        Assert.False(OverdueOn("2022-09-17T01:00:00+03:00", Today)["sco-2022"]); // 16 Sep in UTC
        Assert.False(OverdueOn("2022-11-10", Today)["g20-2022"]); // not held yet, but not due yet either
    }

    [Fact]
    public void Without_an_as_of_bound_the_day_is_today()
    {
        Assert.False(OverdueOn(null, new DateOnly(2022, 9, 16))["sco-2022"]);
        Assert.True(OverdueOn(null, new DateOnly(2022, 9, 17))["sco-2022"]);
    }

    [Fact]
    public void The_attendance_ledger_carries_the_meetings_overdue_flag()
    {
        var log = new LogBuilder();
        log.Append("sco-2022", ScoAnnounced, "2022-09-08");
        log.Append("sco-2022", Planned(Putin), "2022-09-08");

        Assert.True(Projections.AttendanceOf(log.Events).Row("sco-2022", Putin).Overdue);
        Assert.False(Projections.AttendanceOf(log.Events, asOf: "2022-09-10").Row("sco-2022", Putin).Overdue);
    }

    [Theory]
    [InlineData(MeetingStatus.Scheduled, true)]
    [InlineData(MeetingStatus.Postponed, true)]
    [InlineData(MeetingStatus.Held, false)]
    [InlineData(MeetingStatus.Cancelled, false)]
    public void Only_a_meeting_without_an_outcome_can_be_overdue(MeetingStatus status, bool overdue) =>
        Assert.Equal(overdue, Overdue.Is(status, new DateOnly(2022, 9, 16), new DateOnly(2022, 9, 17)));
}
