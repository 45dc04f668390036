using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.ConfirmAttendance;

internal sealed class ConfirmAttendanceValidator : CommandInputValidator<ConfirmAttendanceInput>
{
    public ConfirmAttendanceValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Participant).Required().PersonName();
        RuleFor(c => c.Mode).OneOf<ConfirmAttendanceInput, AttendanceMode>();
    }
}
