using FluentValidation;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.AnnounceSummit;

/// <summary><c>AnnounceSummit</c>: title, organization, location {city?, country}, dates, hosts?.</summary>
internal sealed record AnnounceSummitInput
    : CommandInput<MeetingCommand.AnnounceSummit, MeetingEvent.SummitAnnounced>, ICommandSlice<AnnounceSummitInput>
{
    static string ICommandSlice<AnnounceSummitInput>.StoredEventName => "summit-announced.v1";

    public string? Title { get; init; }

    public string? Organization { get; init; }

    public LocationInput? Location { get; init; }

    public string? Dates { get; init; }

    public IReadOnlyList<string>? Hosts { get; init; }

    public override MeetingCommand.AnnounceSummit ToDomain() =>
        new(Meeting, Title!.Trim(), Organization!.Trim(), Location!.ToDomain(), EdtfDate.Parse(Dates!), [.. (Hosts ?? []).Select(h => h.Trim())]);

    static AnnounceSummitInput ICommandSlice<AnnounceSummitInput>.Read(FieldReader r) => new()
    {
        Title = r.Text("title"),
        Organization = r.Text("organization"),
        Location = r.Object("location", LocationInput.Read),
        Dates = r.Text("dates"),
        Hosts = r.List("hosts", FieldReader.TextItem),
    };

    static IValidator<AnnounceSummitInput> ICommandSlice<AnnounceSummitInput>.Validator(TimeProvider clock) =>
        new AnnounceSummitValidator(clock);

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("title", Title);
        writer.Text("organization", Organization);
        writer.Object("location", Location);
        writer.Text("dates", Dates);
        writer.TextList("hosts", Hosts);
    }
}
