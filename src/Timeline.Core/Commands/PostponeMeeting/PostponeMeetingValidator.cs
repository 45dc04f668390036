using FluentValidation;

namespace Timeline.Core.Commands.PostponeMeeting;

internal sealed class PostponeMeetingValidator : CommandInputValidator<PostponeMeetingInput>
{
    public PostponeMeetingValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Dates).Edtf();
        RuleFor(c => c.Reason).Text(InputRules.ReasonLength, multiline: true);
    }
}
