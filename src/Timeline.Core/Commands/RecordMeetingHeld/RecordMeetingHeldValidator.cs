using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.RecordMeetingHeld;

internal sealed class RecordMeetingHeldValidator : CommandInputValidator<RecordMeetingHeldInput>
{
    public RecordMeetingHeldValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Dates).Edtf();
        RuleFor(c => c.Attendees).AtMost(InputRules.ListLength);
        RuleForEach(c => c.Attendees).ChildRules(a =>
        {
            a.RuleFor(x => x.Participant).Required().PersonName();
            a.RuleFor(x => x.Mode).OneOf<AttendeeInput, AttendanceMode>();
            a.RuleFor(x => x.RepresentedBy).PersonName();
        });
    }
}
