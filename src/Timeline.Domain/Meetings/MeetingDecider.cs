using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Domain.Meetings;

/// <summary>
/// The decider for one meeting: <see cref="Decide"/> turns a command into events or rejects it with a named rule,
/// and <see cref="Evolve"/> folds an event into the state. Both are pure; Evolve never throws.
/// </summary>
public static class MeetingDecider
{
    /// <summary>The state before any event.</summary>
    public static Meeting Initial => Meeting.Initial;

    /// <summary>
    /// Decides <paramref name="command"/> against <paramref name="state"/>, the meeting as known at the command's
    /// reportedAt. Returns no events when the command would change nothing (a repeat).
    /// </summary>
    /// <exception cref="MeetingRuleViolation">The command breaks a rule of <see cref="MeetingRules"/>.</exception>
    public static IReadOnlyList<MeetingEvent> Decide(MeetingCommand command, Meeting state) => command switch
    {
        AnnounceSummit c => Announce(state, c.MeetingId, new SummitAnnounced(c.Title, c.Organization, c.Location, c.Dates, c.Hosts)),
        AnnounceMeeting c => AnnounceOther(state, c),
        RetractReport c => Retract(state, c),
        _ => DecideForExisting(command, Existing(state, command)),
    };

    /// <summary>Folds one event into the state. Unknown or inapplicable events leave it unchanged.</summary>
    public static Meeting Evolve(Meeting state, MeetingEvent @event) => @event switch
    {
        SummitAnnounced e => Announced(state, e) with
        {
            Title = e.Title,
            Kind = MeetingKind.Summit,
            Organization = e.Organization,
            Location = e.Location,
            Dates = e.Dates,
            Hosts = e.Hosts,
        },
        MeetingAnnounced e => e.Participants.Aggregate(
            Announced(state, e) with { Title = e.Title, Kind = e.Kind, Location = e.Location, Dates = e.Dates, SidelinesOf = e.SidelinesOf },
            (meeting, named) => meeting.Find(named.Name) is null
                ? meeting.Upsert(named.Name, _ => new Participant(named.Name, named.Level, named.Mode))
                : meeting),
        _ when !state.Exists => state,
        ParticipantInvited e => state.Upsert(e.Participant, p => p is null
            ? new Participant(e.Participant, AttendanceLevel.Invited, InvitedBy: e.InvitedBy)
            : p with { InvitedBy = e.InvitedBy ?? p.InvitedBy }),
        AttendanceAnnounced e => state.Upsert(e.Participant, p => Standing(p, e.Participant, e.Level, e.Mode)),
        AttendanceConfirmed e => state.Upsert(e.Participant, p => Standing(p, e.Participant, AttendanceLevel.Confirmed, e.Mode)),
        AttendanceDeclined e => state.Upsert(e.Participant, p =>
            Standing(p, e.Participant, AttendanceLevel.Declined, null) with { RepresentedBy = e.RepresentedBy, Reason = e.Reason }),
        MeetingPostponed e => state with { Status = MeetingStatus.Postponed, Dates = e.Dates, StatusReason = e.Reason },
        MeetingRescheduled e => state with { Status = MeetingStatus.Scheduled, Dates = e.Dates, StatusReason = null },
        MeetingRelocated e => state with { Location = e.Location },
        MeetingCancelled e => state with { Status = MeetingStatus.Cancelled, StatusReason = e.Reason },
        MeetingHeld e => e.Attendees.Aggregate(
            state with { Status = MeetingStatus.Held, Dates = e.Dates ?? state.Dates, StatusReason = null },
            (meeting, a) => meeting.Upsert(a.Participant, p =>
                Standing(p, a.Participant, AttendanceLevel.Attended, a.Mode) with { RepresentedBy = a.RepresentedBy })),
        _ => state,
    };

    private static Meeting Announced(Meeting state, MeetingEvent announcement) =>
        state with { Exists = true, Announcement = announcement };

    private static Participant Standing(Participant? current, ParticipantName name, AttendanceLevel level, AttendanceMode? mode) =>
        current is null
            ? new Participant(name, level, mode)
            : current with { Level = level, Mode = mode ?? current.Mode, RepresentedBy = null, Reason = null };

    private static IReadOnlyList<MeetingEvent> Announce(Meeting state, MeetingId id, MeetingEvent announcement)
    {
        if (!state.Exists)
        {
            return [announcement];
        }
        if (Equals(state.Announcement, announcement))
        {
            return [];
        }
        throw new MeetingRuleViolation(
            MeetingRules.AlreadyAnnounced,
            $"meeting '{id}' was already announced with different details; use RescheduleMeeting, RelocateMeeting or a new id");
    }

    private static IReadOnlyList<MeetingEvent> AnnounceOther(Meeting state, AnnounceMeeting c)
    {
        if (c.SidelinesOf == c.MeetingId)
        {
            throw new MeetingRuleViolation(MeetingRules.SidelinesOfItself, $"meeting '{c.MeetingId}' cannot be on its own sidelines");
        }
        return Announce(state, c.MeetingId, new MeetingAnnounced(c.Title, c.Kind, c.Participants, c.Location, c.Dates, c.SidelinesOf));
    }

    private static IReadOnlyList<MeetingEvent> Retract(Meeting state, RetractReport c) =>
        state.RetractableEntries.Contains(c.Retracts)
            ? [new ReportRetracted(c.Retracts, c.Reason)]
            : throw new MeetingRuleViolation(
                MeetingRules.RetractionTargetUnknown,
                $"meeting '{c.MeetingId}' has no entry '{c.Retracts}' on record that can be retracted (give a command id or event id of this meeting that is not yet retracted)");

    private static Meeting Existing(Meeting state, MeetingCommand command) =>
        state.Exists
            ? state
            : throw new MeetingRuleViolation(
                MeetingRules.NotAnnounced,
                $"meeting '{command.MeetingId}' has not been announced as of this report; announce it first, or check the id and reportedAt");

    private static IReadOnlyList<MeetingEvent> DecideForExisting(MeetingCommand command, Meeting state)
    {
        switch (command)
        {
            case InviteParticipant c:
                EnsureNotCancelled(state, c);
                return Unless(
                    state.Find(c.Participant) is { } invited
                        && (c.InvitedBy is null || string.Equals(invited.InvitedBy, c.InvitedBy, StringComparison.OrdinalIgnoreCase)),
                    new ParticipantInvited(c.Participant, c.InvitedBy));
            case AnnounceAttendance c:
                EnsureNotCancelled(state, c);
                if (!IsAnnounceable(c.Level))
                {
                    throw new MeetingRuleViolation(
                        MeetingRules.LevelNotAnnounceable,
                        $"AnnounceAttendance takes possible, expected or planned, not {c.Level.ToString().ToLowerInvariant()}; use ConfirmAttendance, DeclineAttendance or RecordMeetingHeld");
                }
                return Unless(Holds(state, c.Participant, c.Level, c.Mode), new AttendanceAnnounced(c.Participant, c.Level, c.Mode));
            case ConfirmAttendance c:
                EnsureNotCancelled(state, c);
                return Unless(Holds(state, c.Participant, AttendanceLevel.Confirmed, c.Mode), new AttendanceConfirmed(c.Participant, c.Mode));
            case DeclineAttendance c:
                EnsureNotCancelled(state, c);
                return Unless(
                    state.Find(c.Participant) is { Level: AttendanceLevel.Declined } declined
                        && Equals(declined.RepresentedBy, c.RepresentedBy) && (c.Reason is null || declined.Reason == c.Reason),
                    new AttendanceDeclined(c.Participant, c.RepresentedBy, c.Reason));
            case PostponeMeeting c:
                EnsureNotCancelled(state, c);
                EnsureNotHeld(state, c);
                return Unless(state.Status == MeetingStatus.Postponed && state.Dates == c.Dates, new MeetingPostponed(c.Dates, c.Reason));
            case RescheduleMeeting c:
                EnsureNotCancelled(state, c);
                EnsureNotHeld(state, c);
                return Unless(state.Status == MeetingStatus.Scheduled && state.Dates == c.Dates, new MeetingRescheduled(c.Dates));
            case RelocateMeeting c:
                EnsureNotCancelled(state, c);
                return Unless(state.Location == c.Location, new MeetingRelocated(c.Location));
            case CancelMeeting c:
                EnsureNotHeld(state, c);
                return Unless(state.Status == MeetingStatus.Cancelled, new MeetingCancelled(c.Reason));
            case RecordMeetingHeld c:
                EnsureNotCancelled(state, c);
                return Unless(
                    state.Status == MeetingStatus.Held && (c.Dates is null || state.Dates == c.Dates)
                        && c.Attendees.All(a => state.Find(a.Participant) is { Level: AttendanceLevel.Attended } p
                            && (a.Mode is null || p.Mode == a.Mode) && Equals(p.RepresentedBy, a.RepresentedBy)),
                    new MeetingHeld(c.Dates, c.Attendees));
            default:
                throw new ArgumentOutOfRangeException(
                    nameof(command),
                    $"{nameof(MeetingDecider)} cannot decide {command.GetType().Name}: no case of {nameof(MeetingCommand)} matches it");
        }
    }

    private static IReadOnlyList<MeetingEvent> Unless(bool alreadySo, MeetingEvent @event) => alreadySo ? [] : [@event];

    private static bool IsAnnounceable(AttendanceLevel level) =>
        level is AttendanceLevel.Possible or AttendanceLevel.Expected or AttendanceLevel.Planned;

    private static bool Holds(Meeting state, ParticipantName name, AttendanceLevel level, AttendanceMode? mode) =>
        state.Find(name) is { } p && p.Level == level && (mode is null || p.Mode == mode) && p.RepresentedBy is null;

    private static void EnsureNotCancelled(Meeting state, MeetingCommand command)
    {
        if (state.Status == MeetingStatus.Cancelled)
        {
            throw new MeetingRuleViolation(
                MeetingRules.Cancelled,
                $"meeting '{command.MeetingId}' is cancelled as of this report, so {command.Name} is not allowed");
        }
    }

    private static void EnsureNotHeld(Meeting state, MeetingCommand command)
    {
        if (state.Status == MeetingStatus.Held)
        {
            throw new MeetingRuleViolation(
                MeetingRules.Held,
                $"meeting '{command.MeetingId}' was already held as of this report, so {command.Name} is not allowed");
        }
    }
}
