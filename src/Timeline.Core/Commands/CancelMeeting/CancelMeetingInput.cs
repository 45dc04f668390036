using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.CancelMeeting;

/// <summary><c>CancelMeeting</c>: reason?.</summary>
internal sealed record CancelMeetingInput
    : CommandInput<MeetingCommand.CancelMeeting, MeetingEvent.MeetingCancelled>, ICommandSlice<CancelMeetingInput>
{
    static string ICommandSlice<CancelMeetingInput>.StoredEventName => "meeting-cancelled.v1";

    public string? Reason { get; init; }

    public override MeetingCommand.CancelMeeting ToDomain() => new(Meeting, Reason?.Trim());

    static CancelMeetingInput ICommandSlice<CancelMeetingInput>.Read(FieldReader r) => new() { Reason = r.Text("reason") };

    static IValidator<CancelMeetingInput> ICommandSlice<CancelMeetingInput>.Validator(TimeProvider clock) =>
        new CancelMeetingValidator(clock);

    internal override void WriteIdFields(CommandIdWriter writer) => writer.Text("reason", Reason);
}
