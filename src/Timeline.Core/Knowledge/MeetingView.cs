using System.Collections.Immutable;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Knowledge;

/// <summary>When a participant's attendance was first announced, first confirmed, last declined, and when their
/// current level was stated (all knowledge time).</summary>
public sealed record AttendanceRecord(ReportedAt? AnnouncedAt, AttendanceLevel? AnnouncedLevel, ReportedAt? ConfirmedAt, ReportedAt? DeclinedAt, ReportedAt? Since);

/// <summary>
/// One meeting as known from a set of events: the decider's state plus, per participant, when each statement of
/// attendance was made. Built only by <see cref="TimelineFold"/>.
/// </summary>
internal sealed record MeetingView(MeetingId Id, Meeting State, ImmutableDictionary<ParticipantName, AttendanceRecord> Attendance, long Version)
{
    /// <summary>A meeting nothing is known of.</summary>
    public static MeetingView Empty(MeetingId id) => new(id, Meeting.Initial, ImmutableDictionary<ParticipantName, AttendanceRecord>.Empty, 0);

    /// <summary>The attendance record of a participant, or an empty one.</summary>
    public AttendanceRecord AttendanceOf(ParticipantName name) =>
        Attendance.TryGetValue(name, out var record) ? record : new AttendanceRecord(null, null, null, null, null);

    /// <summary>The projection step: folds one event, keeping the attendance timestamps in step with the levels.</summary>
    public MeetingView Apply(StoredEvent stored)
    {
        var next = MeetingDecider.Evolve(State, stored.Event);
        var attendance = Attendance;
        foreach (var participant in next.Participants)
        {
            if (State.Find(participant.Name)?.Level == participant.Level && !ReStates(stored.Event, participant.Name))
            {
                continue;
            }
            var record = AttendanceOf(participant.Name) with { Since = stored.ReportedAt };
            record = participant.Level switch
            {
                AttendanceLevel.Possible or AttendanceLevel.Expected or AttendanceLevel.Planned or AttendanceLevel.Confirmed
                    when record.AnnouncedAt is null => record with { AnnouncedAt = stored.ReportedAt, AnnouncedLevel = participant.Level },
                _ => record,
            };
            record = participant.Level switch
            {
                AttendanceLevel.Confirmed when record.ConfirmedAt is null => record with { ConfirmedAt = stored.ReportedAt },
                AttendanceLevel.Declined => record with { DeclinedAt = stored.ReportedAt },
                _ => record,
            };
            attendance = attendance.SetItem(participant.Name, record);
        }
        return new MeetingView(Id, next, attendance, Math.Max(Version, stored.StreamVersion));
    }

    // A second decline (say, now naming a representative) is a new statement even though the level stays the same.
    private static bool ReStates(MeetingEvent @event, ParticipantName name) =>
        @event is MeetingEvent.AttendanceDeclined declined && declined.Participant.Equals(name);
}
