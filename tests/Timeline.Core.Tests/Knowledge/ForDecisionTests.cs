using Timeline.Core.Knowledge;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Knowledge;

/// <summary>docs/contract.md#as-of-and-recorded-as-of: a command is decided against the meeting's state as of the command's own reportedAt.</summary>
public sealed class ForDecisionTests
{
    private static readonly MeetingId G20 = MeetingId.Parse("g20-2022");

    private readonly LogBuilder _log = new();

    public ForDecisionTests()
    {
        _log.Append("g20-2022", G20Announced, "2022-09-08", "briefing-g20");
        _log.Append("g20-2022", Expected(Putin), "2022-09-08", "briefing-g20-putin");
        _log.Append("g20-2022", Declined(Putin, Lavrov), "2022-11-10T12:00:00Z", "peskov-g20");
        _log.Append("g20-2022", Held(Lavrov), "2022-11-16", "readout-g20");
    }

    [Fact]
    public void A_command_sees_only_what_was_reported_by_its_own_reportedAt()
    {
        var meeting = TimelineFold.ForDecision(G20, _log.Events, ReportedAt.Parse("2022-11-01"));

        Assert.True(meeting.Exists);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal(AttendanceLevel.Expected, meeting.Find(Putin)!.Level);
        Assert.Null(meeting.Find(Lavrov));
    }

    [Fact]
    public void A_command_reported_before_the_announcement_sees_no_meeting()
    {
        var meeting = TimelineFold.ForDecision(G20, _log.Events, ReportedAt.Parse("2022-09-07"));

        Assert.False(meeting.Exists);
    }

    [Fact]
    public void A_report_made_at_the_very_instant_of_the_command_is_already_known_to_it()
    {
        var atTheInstant = TimelineFold.ForDecision(G20, _log.Events, ReportedAt.Parse("2022-11-10T15:00:00+03:00"));
        var justBefore = TimelineFold.ForDecision(G20, _log.Events, ReportedAt.Parse("2022-11-10T11:59:59Z"));

        Assert.Equal(AttendanceLevel.Declined, atTheInstant.Find(Putin)!.Level);
        Assert.Equal(AttendanceLevel.Expected, justBefore.Find(Putin)!.Level);
    }

    [Fact]
    public void A_command_reported_after_the_meeting_was_held_sees_it_held()
    {
        var meeting = TimelineFold.ForDecision(G20, _log.Events, ReportedAt.Parse("2022-11-20"));

        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Equal(AttendanceLevel.Attended, meeting.Find(Lavrov)!.Level);
        Assert.Equal(AttendanceLevel.Declined, meeting.Find(Putin)!.Level);
    }

    [Fact]
    public void Every_command_id_and_event_id_on_record_is_retractable_whatever_the_knowledge_time()
    {
        var meeting = TimelineFold.ForDecision(G20, _log.Events, ReportedAt.Parse("2022-09-08"));

        var expected = _log.Events.SelectMany(e => new[] { e.CommandId, TimelineFold.EventKey(e.EventId) });
        Assert.Equal(expected.Order(StringComparer.Ordinal), meeting.RetractableEntries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Retracted_entries_and_retractions_themselves_are_not_retractable()
    {
        var typo = _log.Append("g20-2022", Confirmed(Putin), "2022-11-01", "typo-g20-putin");
        var retraction = _log.Retract("g20-2022", "typo-g20-putin", "2022-12-02", "correction-1");

        var meeting = TimelineFold.ForDecision(G20, _log.Events, ReportedAt.Parse("2022-12-02"));

        Assert.DoesNotContain("typo-g20-putin", meeting.RetractableEntries);
        Assert.DoesNotContain(TimelineFold.EventKey(typo.EventId), meeting.RetractableEntries);
        Assert.DoesNotContain("correction-1", meeting.RetractableEntries);
        Assert.DoesNotContain(TimelineFold.EventKey(retraction.EventId), meeting.RetractableEntries);
        Assert.Contains("peskov-g20", meeting.RetractableEntries);
        Assert.Equal(8, meeting.RetractableEntries.Count);
    }

    [Fact]
    public void A_command_is_decided_without_the_entries_retracted_before_it()
    {
        _log.Append("g20-2022", Confirmed(Putin), "2022-11-01", "typo-g20-putin");
        _log.Retract("g20-2022", "typo-g20-putin", "2022-12-02", "correction-1");

        var meeting = TimelineFold.ForDecision(G20, _log.Events, ReportedAt.Parse("2022-11-05"));

        Assert.Equal(AttendanceLevel.Expected, meeting.Find(Putin)!.Level);
    }

    [Fact]
    public void The_command_id_of_a_partly_retracted_command_stays_retractable_through_its_other_events()
    {
        _log.Append("g20-2022", Confirmed(Xi), "2022-11-01", "both-leaders");
        var lavrov = _log.Append("g20-2022", Confirmed(Lavrov), "2022-11-01", "both-leaders");
        _log.Retract("g20-2022", TimelineFold.EventKey(lavrov.EventId), "2022-11-02", "correction-lavrov");

        var meeting = TimelineFold.ForDecision(G20, _log.Events, ReportedAt.Parse("2022-11-02"));

        Assert.Contains("both-leaders", meeting.RetractableEntries);
        Assert.DoesNotContain(TimelineFold.EventKey(lavrov.EventId), meeting.RetractableEntries);
    }
}
