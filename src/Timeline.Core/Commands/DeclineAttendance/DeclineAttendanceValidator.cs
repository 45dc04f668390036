using FluentValidation;

namespace Timeline.Core.Commands.DeclineAttendance;

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
