using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.AnnounceMeeting;

/// <summary><c>AnnounceMeeting</c>: title, kind, participants[], location?, dates?, sidelinesOf?.</summary>
internal sealed record AnnounceMeetingInput
    : CommandInput<MeetingCommand.AnnounceMeeting, MeetingEvent.MeetingAnnounced>, ICommandSlice<AnnounceMeetingInput>
{
    static string ICommandSlice<AnnounceMeetingInput>.StoredEventName => "meeting-announced.v1";

    public string? Title { get; init; }

    public string? Kind { get; init; }

    public IReadOnlyList<ParticipantInput>? Participants { get; init; }

    public LocationInput? Location { get; init; }

    public string? Dates { get; init; }

    public string? SidelinesOf { get; init; }

    public override MeetingCommand.AnnounceMeeting ToDomain() => new(
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

    static AnnounceMeetingInput ICommandSlice<AnnounceMeetingInput>.Read(FieldReader r) => new()
    {
        Title = r.Text("title"),
        Kind = r.Text("kind"),
        Participants = r.List("participants", ParticipantInput.Read),
        Location = r.Object("location", LocationInput.Read),
        Dates = r.Text("dates"),
        SidelinesOf = r.Text("sidelinesOf"),
    };

    static IValidator<AnnounceMeetingInput> ICommandSlice<AnnounceMeetingInput>.Validator(TimeProvider clock) =>
        new AnnounceMeetingValidator(clock);

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
