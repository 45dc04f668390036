using Timeline.Core.History;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Projections;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Knowledge;

/// <summary>
/// docs/contract.md#retractions: from the retraction's recordedAt on, the retracted event drops out of every projection; history still
/// shows it, marked; recorded-as-of queries from before the retraction still see it.
/// </summary>
public sealed class RetractionTests
{
    private static readonly DateTimeOffset RetractionRecordedAt = new(2022, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly LogBuilder _log = new();
    private readonly StoredEvent _wrongConfirmation;

    public RetractionTests()
    {
        _log.Append("g20-2022", G20Announced, "2022-09-08", "briefing-g20");
        _log.Append("g20-2022", Expected(Putin), "2022-09-08", "briefing-g20-putin");
        // An analyst typed "confirmed" where the source said nothing of the kind.
        _wrongConfirmation = _log.Append("g20-2022", Confirmed(Putin), "2022-11-01", "typo-g20-putin");
    }

    [Fact]
    public void A_report_retracted_by_its_command_id_drops_out_of_the_schedule()
    {
        _log.Retract("g20-2022", "typo-g20-putin", "2022-12-02", "correction-1", RetractionRecordedAt);

        var putin = ScheduleOf(_log.Events).Participant("g20-2022", Putin);

        Assert.Equal(AttendanceLevel.Expected, putin.Attendance);
        Assert.Null(putin.ConfirmedAt);
        Assert.Equal("2022-09-08", putin.Since);
    }

    [Fact]
    public void A_report_retracted_by_its_command_id_drops_out_of_the_attendance_ledger()
    {
        _log.Retract("g20-2022", "typo-g20-putin", "2022-12-02", "correction-1", RetractionRecordedAt);

        var row = AttendanceOf(_log.Events).Row("g20-2022", Putin);

        Assert.Null(row.ConfirmedAt);
        Assert.Null(row.DaysToConfirm);
        Assert.Equal(AttendanceLevel.Expected, row.Attendance);
        Assert.Equal("pending", row.Outcome);
    }

    [Fact]
    public void A_report_retracted_by_its_event_id_drops_out_of_the_schedule_and_attendance()
    {
        _log.Retract("g20-2022", TimelineFold.EventKey(_wrongConfirmation.EventId), "2022-12-02", "correction-1", RetractionRecordedAt);

        Assert.Equal(AttendanceLevel.Expected, ScheduleOf(_log.Events).Participant("g20-2022", Putin).Attendance);
        Assert.Null(AttendanceOf(_log.Events).Row("g20-2022", Putin).ConfirmedAt);
    }

    [Fact]
    public void A_retraction_applies_whatever_the_as_of_bound_since_it_corrects_the_record_not_the_diplomacy()
    {
        _log.Retract("g20-2022", "typo-g20-putin", "2022-12-02", "correction-1", RetractionRecordedAt);

        Assert.Equal(AttendanceLevel.Expected, ScheduleOf(_log.Events, asOf: "2022-11-05").Participant("g20-2022", Putin).Attendance);
    }

    [Theory]
    [InlineData("command id")]
    [InlineData("event id")]
    public void History_still_shows_a_retracted_report_marked_with_the_retraction_that_named_it(string namedBy)
    {
        var target = namedBy == "command id" ? "typo-g20-putin" : TimelineFold.EventKey(_wrongConfirmation.EventId);
        _log.Retract("g20-2022", target, "2022-12-02", "correction-1", RetractionRecordedAt);

        var history = GetHistoryHandler.Build(MeetingId.Parse("g20-2022"), _log.Events, new GetHistory("g20-2022"));

        var retracted = Assert.Single(history.Entries, e => e.Retracted);
        Assert.Equal("typo-g20-putin", retracted.CommandId);
        Assert.Equal("AttendanceConfirmed", retracted.Event);
        Assert.Equal("correction-1", retracted.RetractedBy);
        Assert.Equal(
            ["SummitAnnounced", "AttendanceAnnounced", "AttendanceConfirmed", "ReportRetracted"],
            history.Entries.Select(e => e.Event));
        Assert.All(history.Entries.Where(e => !e.Retracted), e => Assert.Null(e.RetractedBy));
    }

    [Fact]
    public void Recorded_as_of_before_the_retraction_still_sees_the_report_in_schedule_and_attendance()
    {
        _log.Retract("g20-2022", "typo-g20-putin", "2022-12-02", "correction-1", RetractionRecordedAt);

        var before = ScheduleOf(_log.Events, recordedAsOf: "2022-12-02T09:59:59Z").Participant("g20-2022", Putin);
        var from = ScheduleOf(_log.Events, recordedAsOf: "2022-12-02T10:00:00Z").Participant("g20-2022", Putin);

        Assert.Equal(AttendanceLevel.Confirmed, before.Attendance);
        Assert.Equal("2022-11-01", before.ConfirmedAt);
        Assert.Equal("2022-11-01", AttendanceOf(_log.Events, recordedAsOf: "2022-12-02T09:59:59Z").Row("g20-2022", Putin).ConfirmedAt);
        Assert.Equal(AttendanceLevel.Expected, from.Attendance);
    }

    [Fact]
    public void History_as_recorded_before_the_retraction_shows_the_report_not_retracted()
    {
        _log.Retract("g20-2022", "typo-g20-putin", "2022-12-02", "correction-1", RetractionRecordedAt);
        // The history handler reads the stream as recorded by the bound, then builds.
        var recordedBefore = _log.Events.Where(e => e.RecordedAt.Instant < RetractionRecordedAt).ToList();

        var history = GetHistoryHandler.Build(
            MeetingId.Parse("g20-2022"), recordedBefore, new GetHistory("g20-2022", RecordedAsOf: "2022-12-02T09:59:59Z"));

        var confirmation = Assert.Single(history.Entries, e => e.CommandId == "typo-g20-putin");
        Assert.False(confirmation.Retracted);
        Assert.Null(confirmation.RetractedBy);
        Assert.DoesNotContain(history.Entries, e => e.Event == "ReportRetracted");
    }

    [Fact]
    public void Retracting_one_event_of_a_command_by_its_event_id_leaves_the_command_s_other_events()
    {
        // One statement, two entries: "both leaders have confirmed".
        _log.Append("sco-2022", ScoAnnounced, "2022-09-08", "briefing-sco");
        var putinConfirmed = _log.Append("sco-2022", Confirmed(Putin), "2022-09-13", "both-leaders");
        var xiConfirmed = _log.Append("sco-2022", Confirmed(Xi), "2022-09-13", "both-leaders");
        _log.Retract("sco-2022", TimelineFold.EventKey(xiConfirmed.EventId), "2022-09-14", "correction-xi");

        var sco = ScheduleOf(_log.Events).Meeting("sco-2022");
        var history = GetHistoryHandler.Build(MeetingId.Parse("sco-2022"), _log.Events, new GetHistory("sco-2022"));

        Assert.Equal(AttendanceLevel.Confirmed, sco.Participant(Putin).Attendance);
        Assert.DoesNotContain(sco.Participants, p => p.Name == "Xi Jinping");
        Assert.True(Assert.Single(history.Entries, e => e.EventId == TimelineFold.EventKey(xiConfirmed.EventId)).Retracted);
        Assert.False(Assert.Single(history.Entries, e => e.EventId == TimelineFold.EventKey(putinConfirmed.EventId)).Retracted);
    }

    [Fact]
    public void Retracting_a_command_by_its_command_id_drops_every_event_of_it()
    {
        _log.Append("sco-2022", ScoAnnounced, "2022-09-08", "briefing-sco");
        _log.Append("sco-2022", Confirmed(Putin), "2022-09-13", "both-leaders");
        _log.Append("sco-2022", Confirmed(Xi), "2022-09-13", "both-leaders");
        _log.Retract("sco-2022", "both-leaders", "2022-09-14", "correction-both");

        Assert.Empty(ScheduleOf(_log.Events).Meeting("sco-2022").Participants);
        Assert.Equal(2, GetHistoryHandler.Build(MeetingId.Parse("sco-2022"), _log.Events, new GetHistory("sco-2022")).Entries.Count(e => e.Retracted));
    }

    [Fact]
    public void A_retraction_names_entries_of_its_own_meeting_only()
    {
        _log.Append("sco-2022", ScoAnnounced, "2022-09-08", "briefing-sco");
        _log.Retract("sco-2022", "typo-g20-putin", "2022-12-02", "misplaced-correction");

        Assert.Equal(AttendanceLevel.Confirmed, ScheduleOf(_log.Events).Participant("g20-2022", Putin).Attendance);
        Assert.Empty(TimelineFold.Retracted(_log.Events));
    }

    [Fact]
    public void A_retraction_is_not_itself_a_change_to_the_meeting()
    {
        _log.Retract("g20-2022", "typo-g20-putin", "2022-12-02", "correction-1", RetractionRecordedAt);

        var effective = TimelineFold.Effective(_log.Events, null, null);

        Assert.Equal(["briefing-g20", "briefing-g20-putin"], effective.Select(e => e.CommandId));
    }
}
