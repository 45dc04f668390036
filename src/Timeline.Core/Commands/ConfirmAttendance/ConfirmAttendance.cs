using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.ConfirmAttendance;

/// <summary><c>ConfirmAttendance</c>: participant, mode?.</summary>
public sealed record ConfirmAttendanceInput : CommandInput
{
    public override string Command => "ConfirmAttendance";

    public string? Participant { get; init; }

    public string? Mode { get; init; }

    public override MeetingCommand ToDomain() =>
        new MeetingCommand.ConfirmAttendance(Meeting, ParticipantName.Parse(Participant!), Optional<AttendanceMode>(Mode));

    internal static ConfirmAttendanceInput Read(FieldReader r) => new() { Participant = r.Text("participant"), Mode = r.Text("mode") };

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("participant", Participant);
        writer.Text("mode", Mode);
    }
}

internal sealed class ConfirmAttendanceValidator : CommandInputValidator<ConfirmAttendanceInput>
{
    public ConfirmAttendanceValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Participant).Required().PersonName();
        RuleFor(c => c.Mode).OneOf<ConfirmAttendanceInput, AttendanceMode>();
    }
}
