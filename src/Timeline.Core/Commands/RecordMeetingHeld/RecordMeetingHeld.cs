using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.RecordMeetingHeld;

/// <summary>Someone who took part, as submitted: {participant, mode?, representedBy?}.</summary>
public sealed record AttendeeInput(string? Participant, string? Mode = null, string? RepresentedBy = null) : ICanonicalFields
{
    internal static AttendeeInput? Read(System.Text.Json.JsonElement item, string path, List<(string, string)> errors) =>
        FieldReader.TextOrObject(item, path, errors, name => new AttendeeInput(name), r => new AttendeeInput(r.Text("participant"), r.Text("mode"), r.Text("representedBy")));

    void ICanonicalFields.WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("participant", Participant);
        writer.Text("mode", Mode);
        writer.Text("representedBy", RepresentedBy);
    }
}

/// <summary><c>RecordMeetingHeld</c>: dates?, attendees? [{participant, mode?, representedBy?}].</summary>
public sealed record RecordMeetingHeldInput : CommandInput
{
    public override string Command => "RecordMeetingHeld";

    public string? Dates { get; init; }

    public IReadOnlyList<AttendeeInput>? Attendees { get; init; }

    public override MeetingCommand ToDomain() => new MeetingCommand.RecordMeetingHeld(
        Meeting,
        DatesOrNull(Dates),
        [.. (Attendees ?? []).Select(a => new Attendee(ParticipantName.Parse(a.Participant!), Optional<AttendanceMode>(a.Mode), NameOrNull(a.RepresentedBy)))]);

    internal static RecordMeetingHeldInput Read(FieldReader r) => new() { Dates = r.Text("dates"), Attendees = r.List("attendees", AttendeeInput.Read) };

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("dates", Dates);
        writer.ObjectList("attendees", Attendees);
    }
}

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
