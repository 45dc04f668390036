using FluentValidation;

namespace Timeline.Core.Commands.AnnounceSummit;

internal sealed class AnnounceSummitValidator : CommandInputValidator<AnnounceSummitInput>
{
    public AnnounceSummitValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Title).Required().Text(InputRules.TitleLength);
        RuleFor(c => c.Organization).Required().Text(InputRules.ShortTextLength);
        RuleFor(c => c.Location).Required();
        RuleFor(c => c.Location!).ChildRules(ValidLocation).When(c => c.Location is not null);
        RuleFor(c => c.Dates).Required().Edtf();
        RuleFor(c => c.Hosts).AtMost(50);
        RuleForEach(c => c.Hosts).Required().Text(InputRules.ShortTextLength);
    }
}
