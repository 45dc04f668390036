using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.AnnounceAttendance;

internal sealed class AnnounceAttendanceValidator : CommandInputValidator<AnnounceAttendanceInput>
{
    public AnnounceAttendanceValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Participant).Required().PersonName();
        RuleFor(c => c.Level).Required().OneOf(AttendanceLevel.Possible, AttendanceLevel.Expected, AttendanceLevel.Planned);
        RuleFor(c => c.Mode).OneOf<AnnounceAttendanceInput, AttendanceMode>();
    }
}
