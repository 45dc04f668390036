namespace Timeline.Domain.Meetings;

/// <summary>A participant as named in <see cref="MeetingCommand.AnnounceMeeting"/>.</summary>
/// <param name="Name">Who.</param>
/// <param name="Level">Their level; <see cref="AttendanceLevel.Planned"/> when a report names them without one.</param>
/// <param name="Mode">In person or virtual, if said.</param>
public sealed record NamedParticipant(ParticipantName Name, AttendanceLevel Level = AttendanceLevel.Planned, AttendanceMode? Mode = null);
