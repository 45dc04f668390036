using Timeline.Domain.Dates;

namespace Timeline.Domain.Meetings;

/// <summary>
/// A fact about one meeting, as stored in its stream. Events are stored contracts: a field is never renamed or
/// retyped; a change gets a new version and an upcaster. <c>reportedAt</c>, <c>recordedAt</c>, the source and
/// the ids live in the envelope around the event.
/// </summary>
public abstract record MeetingEvent
{
    private MeetingEvent()
    {
    }

    /// <summary>A summit was announced.</summary>
    public sealed record SummitAnnounced(string Title, string Organization, Location Location, EdtfDate Dates, IReadOnlyList<string> Hosts)
        : MeetingEvent
    {
        /// <inheritdoc />
        public bool Equals(SummitAnnounced? other) =>
            other is not null && Title == other.Title && Organization == other.Organization && Location == other.Location
            && Dates == other.Dates && Hosts.SequenceEqual(other.Hosts);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Title, Organization, Location, Dates, Hosts.Count);
    }

    /// <summary>A meeting other than a summit was announced.</summary>
    public sealed record MeetingAnnounced(
        string Title,
        MeetingKind Kind,
        IReadOnlyList<NamedParticipant> Participants,
        Location? Location,
        EdtfDate? Dates,
        MeetingId? SidelinesOf) : MeetingEvent
    {
        /// <inheritdoc />
        public bool Equals(MeetingAnnounced? other) =>
            other is not null && Title == other.Title && Kind == other.Kind && Location == other.Location && Dates == other.Dates
            && SidelinesOf == other.SidelinesOf && Participants.SequenceEqual(other.Participants);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Title, Kind, Location, Dates, SidelinesOf, Participants.Count);
    }

    /// <summary>A participant was invited.</summary>
    public sealed record ParticipantInvited(ParticipantName Participant, string? InvitedBy) : MeetingEvent;

    /// <summary>A participant's attendance was announced as possible, expected or planned.</summary>
    public sealed record AttendanceAnnounced(ParticipantName Participant, AttendanceLevel Level, AttendanceMode? Mode) : MeetingEvent;

    /// <summary>A participant's attendance was confirmed.</summary>
    public sealed record AttendanceConfirmed(ParticipantName Participant, AttendanceMode? Mode) : MeetingEvent;

    /// <summary>A participant will not attend.</summary>
    public sealed record AttendanceDeclined(ParticipantName Participant, ParticipantName? RepresentedBy, string? Reason) : MeetingEvent;

    /// <summary>The meeting was postponed; null dates mean "to be decided".</summary>
    public sealed record MeetingPostponed(EdtfDate? Dates, string? Reason) : MeetingEvent;

    /// <summary>The meeting got new dates and is scheduled again.</summary>
    public sealed record MeetingRescheduled(EdtfDate Dates) : MeetingEvent;

    /// <summary>The meeting moved.</summary>
    public sealed record MeetingRelocated(Location Location) : MeetingEvent;

    /// <summary>The meeting was called off.</summary>
    public sealed record MeetingCancelled(string? Reason) : MeetingEvent;

    /// <summary>The meeting took place; attendees became <see cref="AttendanceLevel.Attended"/>.</summary>
    public sealed record MeetingHeld(EdtfDate? Dates, IReadOnlyList<Attendee> Attendees) : MeetingEvent
    {
        /// <inheritdoc />
        public bool Equals(MeetingHeld? other) => other is not null && Dates == other.Dates && Attendees.SequenceEqual(other.Attendees);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Dates, Attendees.Count);
    }

    /// <summary>An earlier entry (by command id or event id) was an error.</summary>
    public sealed record ReportRetracted(string Retracts, string Reason) : MeetingEvent;
}
