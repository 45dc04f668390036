using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.AnnounceAttendance;

/// <summary><c>AnnounceAttendance</c>: participant, level (possible, expected or planned), mode?.</summary>
internal sealed record AnnounceAttendanceInput
    : CommandInput<MeetingCommand.AnnounceAttendance, MeetingEvent.AttendanceAnnounced>, ICommandSlice<AnnounceAttendanceInput>
{
    static string ICommandSlice<AnnounceAttendanceInput>.StoredEventName => "attendance-announced.v1";

    public string? Participant { get; init; }

    public string? Level { get; init; }

    public string? Mode { get; init; }

    public override MeetingCommand.AnnounceAttendance ToDomain() => new(
        Meeting, ParticipantName.Parse(Participant!), Vocabulary.Parse<AttendanceLevel>(Level!), Optional<AttendanceMode>(Mode));

    static AnnounceAttendanceInput ICommandSlice<AnnounceAttendanceInput>.Read(FieldReader r) =>
        new() { Participant = r.Text("participant"), Level = r.Text("level"), Mode = r.Text("mode") };

    static IValidator<AnnounceAttendanceInput> ICommandSlice<AnnounceAttendanceInput>.Validator(TimeProvider clock) =>
        new AnnounceAttendanceValidator(clock);

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("participant", Participant);
        writer.Text("level", Level);
        writer.Text("mode", Mode);
    }
}
