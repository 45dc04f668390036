using Timeline.Core.Knowledge;
using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Core.Diff;

/// <summary>Which fields a report can set, so a change lists only the reports that bear on its fields.</summary>
internal static class ReportBearing
{
    /// <summary>
    /// True when <paramref name="event"/> can set <paramref name="field"/>: an announcement sets the meeting's fields and
    /// those of the participants it names; an attendance statement, its participant's; a postponement or reschedule,
    /// status and dates; a relocation, the location; a cancellation, the status; a held report, the status, the dates it
    /// gives and its attendees'. A statement of attendance or mode also clears a representative.
    /// </summary>
    public static bool On(MeetingEvent @event, FieldChange field)
    {
        var participant = field.Participant is null ? (ParticipantName?)null : ParticipantName.Parse(field.Participant);
        bool Names(ParticipantName name) => participant is { } p && p.Equals(name);
        return @event switch
        {
            SummitAnnounced => participant is null,
            MeetingAnnounced e => participant is null || e.Participants.Any(n => Names(n.Name)),
            ParticipantInvited e => field.Field == MeetingField.Attendance && Names(e.Participant),
            AttendanceAnnounced e => Names(e.Participant),
            AttendanceConfirmed e => Names(e.Participant),
            AttendanceDeclined e => field.Field != MeetingField.Mode && Names(e.Participant),
            MeetingPostponed or MeetingRescheduled => field.Field is MeetingField.Status or MeetingField.Dates,
            MeetingRelocated => field.Field == MeetingField.Location,
            MeetingCancelled => field.Field == MeetingField.Status,
            MeetingHeld e => field.Field == MeetingField.Status
                || (field.Field == MeetingField.Dates && e.Dates is not null)
                || e.Attendees.Any(a => Names(a.Participant)),
            _ => false,
        };
    }
}
