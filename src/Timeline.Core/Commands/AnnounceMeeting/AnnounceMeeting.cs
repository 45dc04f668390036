using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.AnnounceMeeting;

/// <summary>A participant as named in AnnounceMeeting: a bare name, or {name, level?, mode?}.</summary>
public sealed record ParticipantInput(string? Name, string? Level = null, string? Mode = null) : ICanonicalFields
{
    internal static ParticipantInput? Read(System.Text.Json.JsonElement item, string path, List<(string, string)> errors) =>
        FieldReader.TextOrObject(item, path, errors, name => new ParticipantInput(name), r => new ParticipantInput(r.Text("name"), r.Text("level"), r.Text("mode")));

    void ICanonicalFields.WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("name", Name);
        writer.Text("level", Level);
        writer.Text("mode", Mode);
    }
}

/// <summary><c>AnnounceMeeting</c>: title, kind, participants[], location?, dates?, sidelinesOf?.</summary>
public sealed record AnnounceMeetingInput : CommandInput
{
    public override string Command => "AnnounceMeeting";

    public string? Title { get; init; }

    public string? Kind { get; init; }

    public IReadOnlyList<ParticipantInput>? Participants { get; init; }

    public LocationInput? Location { get; init; }

    public string? Dates { get; init; }

    public string? SidelinesOf { get; init; }

    public override MeetingCommand ToDomain() => new MeetingCommand.AnnounceMeeting(
        Meeting,
        Title!.Trim(),
        Vocabulary.Parse<MeetingKind>(Kind!),
        [.. (Participants ?? []).Select(p => new NamedParticipant(
            ParticipantName.Parse(p.Name!),
            Optional<AttendanceLevel>(p.Level) ?? AttendanceLevel.Planned,
            Optional<AttendanceMode>(p.Mode)))],
        Location?.ToDomain(),
        DatesOrNull(Dates),
        SidelinesOf is null ? null : Domain.Meetings.MeetingId.Parse(SidelinesOf));

    internal static AnnounceMeetingInput Read(FieldReader r) => new()
    {
        Title = r.Text("title"),
        Kind = r.Text("kind"),
        Participants = r.List("participants", ParticipantInput.Read),
        Location = r.Object("location", LocationInput.Read),
        Dates = r.Text("dates"),
        SidelinesOf = r.Text("sidelinesOf"),
    };

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("title", Title);
        writer.Text("kind", Kind);
        writer.ObjectList("participants", Participants);
        writer.Object("location", Location);
        writer.Text("dates", Dates);
        writer.Text("sidelinesOf", SidelinesOf);
    }
}

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
