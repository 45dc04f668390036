using Timeline.Domain.Dates;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Domain.Meetings;

/// <summary>
/// What a user asks of one meeting. Each command is decided against the meeting as known at the command's
/// <c>reportedAt</c>; that time, the source and the command id travel in the envelope, not here. A case's name is the
/// command's name in files and the API, and <see cref="IYields{TEvent}"/> names the event it yields.
/// </summary>
public abstract record MeetingCommand
{
    private MeetingCommand(MeetingId meetingId) => MeetingId = meetingId;

    /// <summary>The meeting the command is about.</summary>
    public MeetingId MeetingId { get; }

    /// <summary>A summit of an organisation: always a <see cref="MeetingKind.Summit"/>.</summary>
    public sealed record AnnounceSummit(MeetingId MeetingId, string Title, string Organization, Location Location, EdtfDate Dates, IReadOnlyList<string> Hosts)
        : MeetingCommand(MeetingId), IYields<SummitAnnounced>;

    /// <summary>Any other meeting: talks, forums, visits.</summary>
    public sealed record AnnounceMeeting(
        MeetingId MeetingId,
        string Title,
        MeetingKind Kind,
        IReadOnlyList<NamedParticipant> Participants,
        Location? Location,
        EdtfDate? Dates,
        MeetingId? SidelinesOf) : MeetingCommand(MeetingId), IYields<MeetingAnnounced>;

    /// <summary>Someone was invited.</summary>
    public sealed record InviteParticipant(MeetingId MeetingId, ParticipantName Participant, string? InvitedBy)
        : MeetingCommand(MeetingId), IYields<ParticipantInvited>;

    /// <summary>A statement that someone may, is expected to, or plans to attend.</summary>
    public sealed record AnnounceAttendance(MeetingId MeetingId, ParticipantName Participant, AttendanceLevel Level, AttendanceMode? Mode)
        : MeetingCommand(MeetingId), IYields<AttendanceAnnounced>;

    /// <summary>Someone's attendance was confirmed.</summary>
    public sealed record ConfirmAttendance(MeetingId MeetingId, ParticipantName Participant, AttendanceMode? Mode)
        : MeetingCommand(MeetingId), IYields<AttendanceConfirmed>;

    /// <summary>Someone will not attend, perhaps sending another in their place.</summary>
    public sealed record DeclineAttendance(MeetingId MeetingId, ParticipantName Participant, ParticipantName? RepresentedBy, string? Reason)
        : MeetingCommand(MeetingId), IYields<AttendanceDeclined>;

    /// <summary>The meeting is put off, to new dates or to dates not yet decided.</summary>
    public sealed record PostponeMeeting(MeetingId MeetingId, EdtfDate? Dates, string? Reason) : MeetingCommand(MeetingId), IYields<MeetingPostponed>;

    /// <summary>The meeting gets new dates.</summary>
    public sealed record RescheduleMeeting(MeetingId MeetingId, EdtfDate Dates) : MeetingCommand(MeetingId), IYields<MeetingRescheduled>;

    /// <summary>The meeting moves.</summary>
    public sealed record RelocateMeeting(MeetingId MeetingId, Location Location) : MeetingCommand(MeetingId), IYields<MeetingRelocated>;

    /// <summary>The meeting is called off.</summary>
    public sealed record CancelMeeting(MeetingId MeetingId, string? Reason) : MeetingCommand(MeetingId), IYields<MeetingCancelled>;

    /// <summary>The meeting took place.</summary>
    public sealed record RecordMeetingHeld(MeetingId MeetingId, EdtfDate? Dates, IReadOnlyList<Attendee> Attendees)
        : MeetingCommand(MeetingId), IYields<MeetingHeld>;

    /// <summary>An earlier entry was an error: it drops out of every projection from this command's recording on.</summary>
    /// <param name="MeetingId">The meeting whose entry is retracted.</param>
    /// <param name="Retracts">The command id or event id of the entry.</param>
    /// <param name="Reason">Why it was wrong.</param>
    public sealed record RetractReport(MeetingId MeetingId, string Retracts, string Reason)
        : MeetingCommand(MeetingId), IYields<ReportRetracted>;
}
