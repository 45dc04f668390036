using Timeline.Domain.Dates;

namespace Timeline.Domain.Meetings;

/// <summary>A participant as named in <see cref="MeetingCommand.AnnounceMeeting"/>.</summary>
/// <param name="Name">Who.</param>
/// <param name="Level">Their level; <see cref="AttendanceLevel.Planned"/> when a report names them without one.</param>
/// <param name="Mode">In person or virtual, if said.</param>
public sealed record NamedParticipant(ParticipantName Name, AttendanceLevel Level = AttendanceLevel.Planned, AttendanceMode? Mode = null);

/// <summary>Someone who took part in a meeting as held.</summary>
/// <param name="Participant">Who took part.</param>
/// <param name="Mode">In person or virtual, if said.</param>
/// <param name="RepresentedBy">Who they sent in their place, if anyone.</param>
public sealed record Attendee(ParticipantName Participant, AttendanceMode? Mode = null, ParticipantName? RepresentedBy = null);

/// <summary>
/// What a user asks of one meeting. Each command is decided against the meeting as known at the command's
/// <c>reportedAt</c>; that time, the source and the command id travel in the envelope, not here.
/// </summary>
public abstract record MeetingCommand
{
    private MeetingCommand(MeetingId meetingId) => MeetingId = meetingId;

    /// <summary>The meeting the command is about.</summary>
    public MeetingId MeetingId { get; }

    /// <summary>The command's name, as written in files and the API.</summary>
    public string Name => GetType().Name;

    /// <summary>A summit of an organisation: always a <see cref="MeetingKind.Summit"/>.</summary>
    public sealed record AnnounceSummit(MeetingId MeetingId, string Title, string Organization, Location Location, EdtfDate Dates, IReadOnlyList<string> Hosts)
        : MeetingCommand(MeetingId);

    /// <summary>Any other meeting: talks, forums, visits.</summary>
    public sealed record AnnounceMeeting(
        MeetingId MeetingId,
        string Title,
        MeetingKind Kind,
        IReadOnlyList<NamedParticipant> Participants,
        Location? Location,
        EdtfDate? Dates,
        MeetingId? SidelinesOf) : MeetingCommand(MeetingId);

    /// <summary>Someone was invited.</summary>
    public sealed record InviteParticipant(MeetingId MeetingId, ParticipantName Participant, string? InvitedBy) : MeetingCommand(MeetingId);

    /// <summary>A statement that someone may, is expected to, or plans to attend.</summary>
    public sealed record AnnounceAttendance(MeetingId MeetingId, ParticipantName Participant, AttendanceLevel Level, AttendanceMode? Mode)
        : MeetingCommand(MeetingId);

    /// <summary>Someone's attendance was confirmed.</summary>
    public sealed record ConfirmAttendance(MeetingId MeetingId, ParticipantName Participant, AttendanceMode? Mode) : MeetingCommand(MeetingId);

    /// <summary>Someone will not attend, perhaps sending another in their place.</summary>
    public sealed record DeclineAttendance(MeetingId MeetingId, ParticipantName Participant, ParticipantName? RepresentedBy, string? Reason)
        : MeetingCommand(MeetingId);

    /// <summary>The meeting is put off, to new dates or to dates not yet decided.</summary>
    public sealed record PostponeMeeting(MeetingId MeetingId, EdtfDate? Dates, string? Reason) : MeetingCommand(MeetingId);

    /// <summary>The meeting gets new dates.</summary>
    public sealed record RescheduleMeeting(MeetingId MeetingId, EdtfDate Dates) : MeetingCommand(MeetingId);

    /// <summary>The meeting moves.</summary>
    public sealed record RelocateMeeting(MeetingId MeetingId, Location Location) : MeetingCommand(MeetingId);

    /// <summary>The meeting is called off.</summary>
    public sealed record CancelMeeting(MeetingId MeetingId, string? Reason) : MeetingCommand(MeetingId);

    /// <summary>The meeting took place.</summary>
    public sealed record RecordMeetingHeld(MeetingId MeetingId, EdtfDate? Dates, IReadOnlyList<Attendee> Attendees) : MeetingCommand(MeetingId);

    /// <summary>An earlier entry was an error: it drops out of every projection from this command's recording on.</summary>
    /// <param name="MeetingId">The meeting whose entry is retracted.</param>
    /// <param name="Retracts">The command id or event id of the entry.</param>
    /// <param name="Reason">Why it was wrong.</param>
    public sealed record RetractReport(MeetingId MeetingId, string Retracts, string Reason) : MeetingCommand(MeetingId);
}
