using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Core.History;

/// <summary>One line of plain English per event, for history entries and tables.</summary>
public static class EventSummary
{
    public static string Describe(MeetingEvent @event) => @event switch
    {
        SummitAnnounced e => $"summit announced: {e.Title} ({e.Organization}), {e.Location}, {e.Dates}",
        MeetingAnnounced e => $"{Vocabulary.Name(e.Kind)} announced: {e.Title}{Where(e.Location)}{When(e.Dates)}"
            + (e.SidelinesOf is { } parent ? $", on the sidelines of {parent}" : string.Empty)
            + (e.Participants.Count > 0 ? $"; participants: {string.Join(", ", e.Participants.Select(p => $"{p.Name} ({Vocabulary.Name(p.Level)})"))}" : string.Empty),
        ParticipantInvited e => $"{e.Participant} invited" + (e.InvitedBy is null ? string.Empty : $" by {e.InvitedBy}"),
        AttendanceAnnounced e => $"{e.Participant}: attendance {Vocabulary.Name(e.Level)}{Mode(e.Mode)}",
        AttendanceConfirmed e => $"{e.Participant}: attendance confirmed{Mode(e.Mode)}",
        AttendanceDeclined e => $"{e.Participant}: declined"
            + (e.RepresentedBy is { } deputy ? $", represented by {deputy}" : string.Empty)
            + (e.Reason is null ? string.Empty : $" ({e.Reason})"),
        MeetingPostponed e => $"postponed {(e.Dates is null ? "until a date to be decided" : $"to {e.Dates}")}" + (e.Reason is null ? string.Empty : $" ({e.Reason})"),
        MeetingRescheduled e => $"rescheduled to {e.Dates}",
        MeetingRelocated e => $"moved to {e.Location}",
        MeetingCancelled e => "cancelled" + (e.Reason is null ? string.Empty : $" ({e.Reason})"),
        MeetingHeld e => "held" + When(e.Dates)
            + (e.Attendees.Count > 0
                ? "; attended by " + string.Join(", ", e.Attendees.Select(a => a.Participant.Value + Mode(a.Mode) + (a.RepresentedBy is { } r ? $" represented by {r}" : string.Empty)))
                : string.Empty),
        ReportRetracted e => $"retracted entry {e.Retracts}: {e.Reason}",
        _ => @event.GetType().Name,
    };

    private static string Where(Location? location) => location is null ? string.Empty : $", {location}";

    private static string When(Domain.Dates.EdtfDate? dates) => dates is null ? string.Empty : $", {dates}";

    private static string Mode(AttendanceMode? mode) => mode is null ? string.Empty : $" ({Vocabulary.Name(mode.Value)})";
}
