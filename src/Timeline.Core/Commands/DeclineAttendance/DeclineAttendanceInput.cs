using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.DeclineAttendance;

/// <summary><c>DeclineAttendance</c>: participant, representedBy?, reason?.</summary>
internal sealed record DeclineAttendanceInput
    : CommandInput<MeetingCommand.DeclineAttendance, MeetingEvent.AttendanceDeclined>, ICommandSlice<DeclineAttendanceInput>
{
    static string ICommandSlice<DeclineAttendanceInput>.StoredEventName => "attendance-declined.v1";

    public string? Participant { get; init; }

    public string? RepresentedBy { get; init; }

    public string? Reason { get; init; }

    public override MeetingCommand.DeclineAttendance ToDomain() =>
        new(Meeting, ParticipantName.Parse(Participant!), NameOrNull(RepresentedBy), Reason?.Trim());

    static DeclineAttendanceInput ICommandSlice<DeclineAttendanceInput>.Read(FieldReader r) =>
        new() { Participant = r.Text("participant"), RepresentedBy = r.Text("representedBy"), Reason = r.Text("reason") };

    static IValidator<DeclineAttendanceInput> ICommandSlice<DeclineAttendanceInput>.Validator(TimeProvider clock) =>
        new DeclineAttendanceValidator(clock);

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("participant", Participant);
        writer.Text("representedBy", RepresentedBy);
        writer.Text("reason", Reason);
    }
}
