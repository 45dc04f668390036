using FluentValidation;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.AnnounceSummit;

/// <summary><c>AnnounceSummit</c>: title, organization, location {city?, country}, dates, hosts?.</summary>
public sealed record AnnounceSummitInput : CommandInput
{
    public override string Command => "AnnounceSummit";

    public string? Title { get; init; }

    public string? Organization { get; init; }

    public LocationInput? Location { get; init; }

    public string? Dates { get; init; }

    public IReadOnlyList<string>? Hosts { get; init; }

    public override MeetingCommand ToDomain() =>
        new MeetingCommand.AnnounceSummit(Meeting, Title!.Trim(), Organization!.Trim(), Location!.ToDomain(), EdtfDate.Parse(Dates!), [.. (Hosts ?? []).Select(h => h.Trim())]);

    internal static AnnounceSummitInput Read(FieldReader r) => new()
    {
        Title = r.Text("title"),
        Organization = r.Text("organization"),
        Location = r.Object("location", LocationInput.Read),
        Dates = r.Text("dates"),
        Hosts = r.List("hosts", FieldReader.TextItem),
    };

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("title", Title);
        writer.Text("organization", Organization);
        writer.Object("location", Location);
        writer.Text("dates", Dates);
        writer.TextList("hosts", Hosts);
    }
}

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
