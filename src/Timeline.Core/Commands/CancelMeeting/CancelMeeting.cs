using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.CancelMeeting;

/// <summary><c>CancelMeeting</c>: reason?.</summary>
public sealed record CancelMeetingInput : CommandInput
{
    public override string Command => "CancelMeeting";

    public string? Reason { get; init; }

    public override MeetingCommand ToDomain() => new MeetingCommand.CancelMeeting(Meeting, Reason?.Trim());

    internal static CancelMeetingInput Read(FieldReader r) => new() { Reason = r.Text("reason") };

    internal override void WriteIdFields(CommandIdWriter writer) => writer.Text("reason", Reason);
}

internal sealed class CancelMeetingValidator : CommandInputValidator<CancelMeetingInput>
{
    public CancelMeetingValidator(TimeProvider clock)
        : base(clock) => RuleFor(c => c.Reason).Text(InputRules.ReasonLength, multiline: true);
}
