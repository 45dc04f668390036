using FluentValidation;

namespace Timeline.Core.Commands.RelocateMeeting;

internal sealed class RelocateMeetingValidator : CommandInputValidator<RelocateMeetingInput>
{
    public RelocateMeetingValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Location).Required();
        RuleFor(c => c.Location!).ChildRules(ValidLocation).When(c => c.Location is not null);
    }
}
