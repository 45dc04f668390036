using FluentValidation;

namespace Timeline.Core.Commands.RescheduleMeeting;

internal sealed class RescheduleMeetingValidator : CommandInputValidator<RescheduleMeetingInput>
{
    public RescheduleMeetingValidator(TimeProvider clock)
        : base(clock) => RuleFor(c => c.Dates).Required().Edtf();
}
