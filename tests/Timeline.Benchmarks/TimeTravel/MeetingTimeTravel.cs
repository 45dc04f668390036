using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Benchmarks.TimeTravel;

/// <summary>
/// What a Marten user would write to see a meeting as it was recorded at time T: a live aggregate with one
/// <c>Apply</c> method per event, folded by <c>session.Events.AggregateStreamAsync&lt;MeetingTimeTravel&gt;(id,
/// timestamp: T)</c>. Each method is the domain's own evolve step.
/// </summary>
/// <remarks>
/// It is the baseline of the recorded-as-of schedule on PostgreSQL, and it does less than Timeline's answer: Marten
/// folds in stream order, not reportedAt order, and a live aggregate cannot drop an entry a later retraction names.
/// </remarks>
public sealed class MeetingTimeTravel
{
    /// <summary>The stream id, set by Marten.</summary>
    public string Id { get; set; } = string.Empty;

    public Meeting State { get; private set; } = MeetingDecider.Initial;

    public void Apply(SummitAnnounced e) => Fold(e);

    public void Apply(MeetingAnnounced e) => Fold(e);

    public void Apply(ParticipantInvited e) => Fold(e);

    public void Apply(AttendanceAnnounced e) => Fold(e);

    public void Apply(AttendanceConfirmed e) => Fold(e);

    public void Apply(AttendanceDeclined e) => Fold(e);

    public void Apply(MeetingPostponed e) => Fold(e);

    public void Apply(MeetingRescheduled e) => Fold(e);

    public void Apply(MeetingRelocated e) => Fold(e);

    public void Apply(MeetingCancelled e) => Fold(e);

    public void Apply(MeetingHeld e) => Fold(e);

    public void Apply(ReportRetracted e) => Fold(e);

    private void Fold(MeetingEvent e) => State = MeetingDecider.Evolve(State, e);
}
