using FluentValidation;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.RescheduleMeeting;

/// <summary><c>RescheduleMeeting</c>: dates.</summary>
internal sealed record RescheduleMeetingInput
    : CommandInput<MeetingCommand.RescheduleMeeting, MeetingEvent.MeetingRescheduled>, ICommandSlice<RescheduleMeetingInput>
{
    static string ICommandSlice<RescheduleMeetingInput>.StoredEventName => "meeting-rescheduled.v1";

    public string? Dates { get; init; }

    public override MeetingCommand.RescheduleMeeting ToDomain() => new(Meeting, EdtfDate.Parse(Dates!));

    static RescheduleMeetingInput ICommandSlice<RescheduleMeetingInput>.Read(FieldReader r) => new() { Dates = r.Text("dates") };

    static IValidator<RescheduleMeetingInput> ICommandSlice<RescheduleMeetingInput>.Validator(TimeProvider clock) =>
        new RescheduleMeetingValidator(clock);

    internal override void WriteIdFields(CommandIdWriter writer) => writer.Text("dates", Dates);
}
