namespace Timeline.Domain.Meetings;

/// <summary>Someone who took part in a meeting as held.</summary>
/// <param name="Participant">Who took part.</param>
/// <param name="Mode">In person or virtual, if said.</param>
/// <param name="RepresentedBy">Who they sent in their place, if anyone.</param>
public sealed record Attendee(ParticipantName Participant, AttendanceMode? Mode = null, ParticipantName? RepresentedBy = null);
