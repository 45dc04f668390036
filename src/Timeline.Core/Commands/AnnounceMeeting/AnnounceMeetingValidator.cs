using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.AnnounceMeeting;

internal sealed class AnnounceMeetingValidator : CommandInputValidator<AnnounceMeetingInput>
{
    public AnnounceMeetingValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Title).Required().Text(InputRules.TitleLength);
        RuleFor(c => c.Kind).Required().OneOf<AnnounceMeetingInput, MeetingKind>();
        RuleFor(c => c.Participants).AtMost(InputRules.ListLength);
        RuleForEach(c => c.Participants).ChildRules(p =>
        {
            p.RuleFor(x => x.Name).Required().PersonName();
            p.RuleFor(x => x.Level).OneOf(
                AttendanceLevel.Invited, AttendanceLevel.Possible, AttendanceLevel.Expected, AttendanceLevel.Planned, AttendanceLevel.Confirmed, AttendanceLevel.Declined);
            p.RuleFor(x => x.Mode).OneOf<ParticipantInput, AttendanceMode>();
        });
        RuleFor(c => c.Participants).Must(NameEachOnce).WithMessage("names the same participant twice (names match case-insensitively)");
        RuleFor(c => c.Location!).ChildRules(ValidLocation).When(c => c.Location is not null);
        RuleFor(c => c.Dates).Edtf();
        RuleFor(c => c.SidelinesOf).Slug();
    }

    private static bool NameEachOnce(IReadOnlyList<ParticipantInput>? participants)
    {
        var names = new HashSet<ParticipantName>();
        foreach (var p in participants ?? [])
        {
            if (ParticipantName.TryParse(p.Name, out var name, out _) && !names.Add(name))
            {
                return false;
            }
        }
        return true;
    }
}
