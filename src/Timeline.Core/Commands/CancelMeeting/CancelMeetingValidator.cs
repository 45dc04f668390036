using FluentValidation;

namespace Timeline.Core.Commands.CancelMeeting;

internal sealed class CancelMeetingValidator : CommandInputValidator<CancelMeetingInput>
{
    public CancelMeetingValidator(TimeProvider clock)
        : base(clock) => RuleFor(c => c.Reason).Text(InputRules.ReasonLength, multiline: true);
}
