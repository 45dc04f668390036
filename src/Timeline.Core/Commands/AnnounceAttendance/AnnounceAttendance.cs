using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.AnnounceAttendance;

/// <summary><c>AnnounceAttendance</c>: participant, level (possible, expected or planned), mode?.</summary>
public sealed record AnnounceAttendanceInput : CommandInput
{
    public override string Command => "AnnounceAttendance";

    public string? Participant { get; init; }

    public string? Level { get; init; }

    public string? Mode { get; init; }

    public override MeetingCommand ToDomain() => new MeetingCommand.AnnounceAttendance(
        Meeting, ParticipantName.Parse(Participant!), Vocabulary.Parse<AttendanceLevel>(Level!), Optional<AttendanceMode>(Mode));

    internal static AnnounceAttendanceInput Read(FieldReader r) =>
        new() { Participant = r.Text("participant"), Level = r.Text("level"), Mode = r.Text("mode") };

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("participant", Participant);
        writer.Text("level", Level);
        writer.Text("mode", Mode);
    }
}

internal sealed class AnnounceAttendanceValidator : CommandInputValidator<AnnounceAttendanceInput>
{
    public AnnounceAttendanceValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Participant).Required().PersonName();
        RuleFor(c => c.Level).Required().OneOf(AttendanceLevel.Possible, AttendanceLevel.Expected, AttendanceLevel.Planned);
        RuleFor(c => c.Mode).OneOf<AnnounceAttendanceInput, AttendanceMode>();
    }
}
