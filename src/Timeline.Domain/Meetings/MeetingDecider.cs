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
        _ => DecideForExisting(command, state),
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
        return Violation(state, announcement, id) is { } violation ? throw violation : [];
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

    /// <summary>
    /// Whether <paramref name="event"/> could stand after <paramref name="state"/>: the rules of <see cref="MeetingRules"/>
    /// that depend on state, stated over events. <see cref="Decide"/> checks every event it makes with this; the command
    /// loop also checks the events reported after a backdated command, so a report can never slip in before a later
    /// one that it would have made impossible.
    /// </summary>
    /// <returns>The broken rule, or null when the event is admissible.</returns>
    public static MeetingRuleViolation? Violation(Meeting state, MeetingEvent @event, MeetingId meetingId) => @event switch
    {
        SummitAnnounced or MeetingAnnounced when state.Exists && !Equals(state.Announcement, @event) => new MeetingRuleViolation(
            MeetingRules.AlreadyAnnounced,
            $"meeting '{meetingId}' is already announced with different details; use {nameof(RescheduleMeeting)}, {nameof(RelocateMeeting)} or a new id"),
        SummitAnnounced or MeetingAnnounced or ReportRetracted => null,
        _ when !state.Exists => new MeetingRuleViolation(
            MeetingRules.NotAnnounced,
            $"meeting '{meetingId}' has not been announced as of this report; announce it first, or check the id and reportedAt"),
        MeetingCancelled when state.Status == MeetingStatus.Held => Broken(MeetingRules.Held, meetingId, @event, "was already held"),
        MeetingCancelled => null,
        _ when state.Status == MeetingStatus.Cancelled => Broken(MeetingRules.Cancelled, meetingId, @event, "is cancelled"),
        MeetingPostponed or MeetingRescheduled when state.Status == MeetingStatus.Held => Broken(MeetingRules.Held, meetingId, @event, "was already held"),
        _ => null,
    };

    private static MeetingRuleViolation Broken(string rule, MeetingId meetingId, MeetingEvent @event, string why) =>
        new(rule, $"meeting '{meetingId}' {why} as of this report, so {CommandFor(@event)} is not allowed");

    private static string CommandFor(MeetingEvent @event) => MeetingCases.CommandOf(@event.GetType()).Name;

    private static IReadOnlyList<MeetingEvent> DecideForExisting(MeetingCommand command, Meeting state)
    {
        if (command is AnnounceAttendance { Level: var level } && !IsAnnounceable(level))
        {
            throw new MeetingRuleViolation(
                MeetingRules.LevelNotAnnounceable,
                $"{nameof(AnnounceAttendance)} takes possible, expected or planned, not {Vocabulary.Name(level)}; "
                + $"use {nameof(ConfirmAttendance)}, {nameof(DeclineAttendance)} or {nameof(RecordMeetingHeld)}");
        }
        MeetingEvent candidate = command switch
        {
            InviteParticipant c => new ParticipantInvited(c.Participant, c.InvitedBy),
            AnnounceAttendance c => new AttendanceAnnounced(c.Participant, c.Level, c.Mode),
            ConfirmAttendance c => new AttendanceConfirmed(c.Participant, c.Mode),
            DeclineAttendance c => new AttendanceDeclined(c.Participant, c.RepresentedBy, c.Reason),
            PostponeMeeting c => new MeetingPostponed(c.Dates, c.Reason),
            RescheduleMeeting c => new MeetingRescheduled(c.Dates),
            RelocateMeeting c => new MeetingRelocated(c.Location),
            CancelMeeting c => new MeetingCancelled(c.Reason),
            RecordMeetingHeld c => new MeetingHeld(c.Dates, c.Attendees),
            _ => throw new ArgumentOutOfRangeException(
                nameof(command),
                $"{nameof(MeetingDecider)} cannot decide {command.GetType().Name}: no case of {nameof(MeetingCommand)} matches it"),
        };
        if (Violation(state, candidate, command.MeetingId) is { } violation)
        {
            throw violation;
        }
        return Unless(ChangesNothing(state, candidate), candidate);
    }

    // A repeat: the state already says what the event would say.
    private static bool ChangesNothing(Meeting state, MeetingEvent candidate) => candidate switch
    {
        ParticipantInvited e => state.Find(e.Participant) is { } invited
            && (e.InvitedBy is null || string.Equals(invited.InvitedBy, e.InvitedBy, StringComparison.OrdinalIgnoreCase)),
        AttendanceAnnounced e => Holds(state, e.Participant, e.Level, e.Mode),
        AttendanceConfirmed e => Holds(state, e.Participant, AttendanceLevel.Confirmed, e.Mode),
        AttendanceDeclined e => state.Find(e.Participant) is { Level: AttendanceLevel.Declined } declined
            && Equals(declined.RepresentedBy, e.RepresentedBy) && (e.Reason is null || declined.Reason == e.Reason),
        MeetingPostponed e => state.Status == MeetingStatus.Postponed && state.Dates == e.Dates,
        MeetingRescheduled e => state.Status == MeetingStatus.Scheduled && state.Dates == e.Dates,
        MeetingRelocated e => state.Location == e.Location,
        MeetingCancelled => state.Status == MeetingStatus.Cancelled,
        MeetingHeld e => state.Status == MeetingStatus.Held && (e.Dates is null || state.Dates == e.Dates)
            && e.Attendees.All(a => state.Find(a.Participant) is { Level: AttendanceLevel.Attended } p
                && (a.Mode is null || p.Mode == a.Mode) && Equals(p.RepresentedBy, a.RepresentedBy)),
        _ => false,
    };

    private static IReadOnlyList<MeetingEvent> Unless(bool alreadySo, MeetingEvent @event) => alreadySo ? [] : [@event];

    private static bool IsAnnounceable(AttendanceLevel level) =>
        level is AttendanceLevel.Possible or AttendanceLevel.Expected or AttendanceLevel.Planned;

    private static bool Holds(Meeting state, ParticipantName name, AttendanceLevel level, AttendanceMode? mode) =>
        state.Find(name) is { } p && p.Level == level && (mode is null || p.Mode == mode) && p.RepresentedBy is null;
}
