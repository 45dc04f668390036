using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.DeclineAttendance;

/// <summary><c>DeclineAttendance</c>: participant, representedBy?, reason?.</summary>
public sealed record DeclineAttendanceInput : CommandInput
{
    public override string Command => "DeclineAttendance";

    public string? Participant { get; init; }

    public string? RepresentedBy { get; init; }

    public string? Reason { get; init; }

    public override MeetingCommand ToDomain() =>
        new MeetingCommand.DeclineAttendance(Meeting, ParticipantName.Parse(Participant!), NameOrNull(RepresentedBy), Reason?.Trim());

    internal static DeclineAttendanceInput Read(FieldReader r) =>
        new() { Participant = r.Text("participant"), RepresentedBy = r.Text("representedBy"), Reason = r.Text("reason") };

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("participant", Participant);
        writer.Text("representedBy", RepresentedBy);
        writer.Text("reason", Reason);
    }
}

internal sealed class DeclineAttendanceValidator : CommandInputValidator<DeclineAttendanceInput>
{
    public DeclineAttendanceValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Participant).Required().PersonName();
        RuleFor(c => c.RepresentedBy).PersonName();
        RuleFor(c => c.Reason).Text(InputRules.ReasonLength, multiline: true);
    }
}
