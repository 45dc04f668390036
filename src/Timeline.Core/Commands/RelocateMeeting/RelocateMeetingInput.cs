using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.RelocateMeeting;

/// <summary><c>RelocateMeeting</c>: location {city?, country}.</summary>
internal sealed record RelocateMeetingInput
    : CommandInput<MeetingCommand.RelocateMeeting, MeetingEvent.MeetingRelocated>, ICommandSlice<RelocateMeetingInput>
{
    static string ICommandSlice<RelocateMeetingInput>.StoredEventName => "meeting-relocated.v1";

    public LocationInput? Location { get; init; }

    public override MeetingCommand.RelocateMeeting ToDomain() => new(Meeting, Location!.ToDomain());

    static RelocateMeetingInput ICommandSlice<RelocateMeetingInput>.Read(FieldReader r) => new()
    {
        Location = r.Object("location",
        LocationInput.Read),
    };

    static IValidator<RelocateMeetingInput> ICommandSlice<RelocateMeetingInput>.Validator(TimeProvider clock) =>
        new RelocateMeetingValidator(clock);

    internal override void WriteIdFields(CommandIdWriter writer) => writer.Object("location", Location);
}
