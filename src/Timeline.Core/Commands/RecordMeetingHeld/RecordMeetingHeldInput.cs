using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.RecordMeetingHeld;

/// <summary><c>RecordMeetingHeld</c>: dates?, attendees? [{participant, mode?, representedBy?}].</summary>
internal sealed record RecordMeetingHeldInput
    : CommandInput<MeetingCommand.RecordMeetingHeld, MeetingEvent.MeetingHeld>, ICommandSlice<RecordMeetingHeldInput>
{
    static string ICommandSlice<RecordMeetingHeldInput>.StoredEventName => "meeting-held.v1";

    public string? Dates { get; init; }

    public IReadOnlyList<AttendeeInput>? Attendees { get; init; }

    public override MeetingCommand.RecordMeetingHeld ToDomain() => new(
        Meeting,
        DatesOrNull(Dates),
        [.. (Attendees ?? []).Select(a => new Attendee(ParticipantName.Parse(a.Participant!), Optional<AttendanceMode>(a.Mode), NameOrNull(a.RepresentedBy)))]);

    static RecordMeetingHeldInput ICommandSlice<RecordMeetingHeldInput>.Read(FieldReader r) => new()
    {
        Dates = r.Text("dates"),
        Attendees = r.List("attendees",
        AttendeeInput.Read),
    };

    static IValidator<RecordMeetingHeldInput> ICommandSlice<RecordMeetingHeldInput>.Validator(TimeProvider clock) =>
        new RecordMeetingHeldValidator(clock);

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("dates", Dates);
        writer.ObjectList("attendees", Attendees);
    }
}
