using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.ConfirmAttendance;

/// <summary><c>ConfirmAttendance</c>: participant, mode?.</summary>
internal sealed record ConfirmAttendanceInput
    : CommandInput<MeetingCommand.ConfirmAttendance, MeetingEvent.AttendanceConfirmed>, ICommandSlice<ConfirmAttendanceInput>
{
    static string ICommandSlice<ConfirmAttendanceInput>.StoredEventName => "attendance-confirmed.v1";

    public string? Participant { get; init; }

    public string? Mode { get; init; }

    public override MeetingCommand.ConfirmAttendance ToDomain() =>
        new(Meeting, ParticipantName.Parse(Participant!), Optional<AttendanceMode>(Mode));

    static ConfirmAttendanceInput ICommandSlice<ConfirmAttendanceInput>.Read(FieldReader r) => new()
    {
        Participant = r.Text("participant"),
        Mode = r.Text("mode"),
    };

    static IValidator<ConfirmAttendanceInput> ICommandSlice<ConfirmAttendanceInput>.Validator(TimeProvider clock) =>
        new ConfirmAttendanceValidator(clock);

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("participant", Participant);
        writer.Text("mode", Mode);
    }
}
