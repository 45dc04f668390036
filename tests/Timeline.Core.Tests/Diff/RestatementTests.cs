using Timeline.Core.Diff;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Diff;

/// <summary>
/// docs/contract.md#timeline-diff between two system times: what the store learned or corrected between two recording
/// times, about any knowledge time, retractions included.
/// </summary>
public sealed class RestatementTests
{
    private static readonly DateTimeOffset FirstSession = new(2022, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondSession = new(2022, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly Source Reuters = new(Outlet: "Reuters", Quote: "Xi is expected in Bali");

    private readonly LogBuilder _log = new();

    public RestatementTests()
    {
        _log.Append("g20-2022", G20Announced, "2022-09-08", "briefing-g20", FirstSession, source: Ushakov);
        _log.Append("g20-2022", Expected(Putin), "2022-09-08", "briefing-g20-putin", FirstSession.AddMinutes(1), source: Ushakov);
        // An analyst typed "confirmed" where the source said nothing of the kind.
        _log.Append("g20-2022", Confirmed(Putin), "2022-11-01", "typo-g20-putin", FirstSession.AddMinutes(2));
        _log.Append("apec-2022", new MeetingEvent.SummitAnnounced("APEC summit", "APEC", new Location(null, "Thailand"), Edtf("2022-11-18"), []), "2022-09-08", "wrong-apec", FirstSession.AddMinutes(3));

        // Four days later: an old article imported late, and two corrections.
        _log.Append("g20-2022", Expected(Xi, AttendanceMode.InPerson), "2022-09-09", "archive-g20-xi", SecondSession, source: Reuters);
        _log.Retract("g20-2022", "typo-g20-putin", "2022-12-05", "correction-g20", SecondSession.AddMinutes(1));
        _log.Retract("apec-2022", "wrong-apec", "2022-12-05", "correction-apec", SecondSession.AddMinutes(2));
    }

    private DiffDocument Restated(string recordedFrom, string? recordedTo, string? asOf = null) =>
        GetDiffHandler.Build(_log.Events, new GetDiff(RecordedFrom: recordedFrom, RecordedTo: recordedTo, AsOf: asOf));

    [Fact]
    public void A_backdated_report_and_a_retraction_recorded_between_the_two_times_are_restatements()
    {
        var g20 = Restated("2022-12-02", "2022-12-06").Change("g20-2022");

        Assert.Equal(MeetingChangeKind.Changed, g20.Change);
        Assert.Equal(
            ["Attendance Vladimir Putin: Confirmed → Expected", "Attendance Xi Jinping: - → Expected", "Mode Xi Jinping: - → InPerson"],
            g20.Lines());
        Assert.Equal(["archive-g20-xi report", "ReportRetracted"], g20.Reports.Select(r => r.Event == "AttendanceAnnounced" ? "archive-g20-xi report" : r.Event));
        Assert.Equal(["2022-09-09", "2022-12-05"], g20.Reports.Select(r => r.ReportedAt));
        Assert.Equal(Reuters, g20.Reports[0].Source);
        Assert.StartsWith("retracted entry typo-g20-putin", g20.Reports[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meeting_whose_announcement_was_retracted_is_removed()
    {
        var apec = Restated("2022-12-02", null).Change("apec-2022");

        Assert.Equal(MeetingChangeKind.Removed, apec.Change);
        Assert.Equal("APEC summit", apec.Title);
        Assert.Equal(["Title: APEC summit → -", "Status: Scheduled → -", "Dates: 2022-11-18 → -", "Location: Thailand → -"], apec.Lines());
        Assert.Equal("ReportRetracted", Assert.Single(apec.Reports).Event);
    }

    [Fact]
    public void As_of_a_knowledge_time_only_what_was_known_by_then_counts_so_a_later_typo_and_its_retraction_do_not()
    {
        var diff = Restated("2022-12-02", "2022-12-06", asOf: "2022-09-30");

        var g20 = diff.Change("g20-2022");
        Assert.Equal(["Attendance Xi Jinping: - → Expected", "Mode Xi Jinping: - → InPerson"], g20.Lines());
        Assert.Equal(["2022-09-09"], g20.Reports.Select(r => r.ReportedAt));
        Assert.Equal("2022-09-30", diff.AsOf);
        Assert.Equal("2022-12-02", diff.RecordedFrom);
        Assert.Null(diff.From);
    }

    [Fact]
    public void Before_the_corrections_were_recorded_nothing_was_restated()
    {
        Assert.Empty(Restated("2022-12-02", "2022-12-04").Changes);
    }

    [Fact]
    public void A_report_recorded_and_retracted_within_the_window_changes_nothing()
    {
        _log.Append("g20-2022", Declined(Putin), "2022-11-10", "hasty-decline", SecondSession.AddMinutes(10));
        _log.Retract("g20-2022", "hasty-decline", "2022-12-05", "correction-hasty", SecondSession.AddMinutes(11));

        var g20 = Restated("2022-12-02", "2022-12-06").Change("g20-2022");

        Assert.DoesNotContain(g20.Reports, r => r.Summary.Contains("hasty-decline", StringComparison.Ordinal) || r.Event == "AttendanceDeclined");
        Assert.Equal(2, g20.Reports.Count);
    }

    [Fact]
    public void Over_the_whole_of_system_time_the_restatement_is_the_schedule_as_known_now()
    {
        var diff = Restated("2022-11-30", null);

        var g20 = diff.Change("g20-2022");
        Assert.Equal(MeetingChangeKind.Added, g20.Change);
        Assert.Equal(AttendanceLevel.Expected, g20.Field(MeetingField.Attendance, "Vladimir Putin").After);
        Assert.DoesNotContain("apec-2022", diff.MeetingIds());
        // The typo and its retraction cancel out, so neither is a report of the change; the rest are.
        Assert.Equal(["briefing-g20", "briefing-g20-putin", "archive-g20-xi"], g20.Reports.Select(r => CommandOf(r.Sequence)));
    }

    private string CommandOf(long sequence) => _log.Events.Single(e => e.Sequence == sequence).CommandId;
}
