using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.PostponeMeeting;

/// <summary><c>PostponeMeeting</c>: dates? (absent: to be decided), reason?.</summary>
internal sealed record PostponeMeetingInput
    : CommandInput<MeetingCommand.PostponeMeeting, MeetingEvent.MeetingPostponed>, ICommandSlice<PostponeMeetingInput>
{
    static string ICommandSlice<PostponeMeetingInput>.StoredEventName => "meeting-postponed.v1";

    public string? Dates { get; init; }

    public string? Reason { get; init; }

    public override MeetingCommand.PostponeMeeting ToDomain() => new(Meeting, DatesOrNull(Dates), Reason?.Trim());

    static PostponeMeetingInput ICommandSlice<PostponeMeetingInput>.Read(FieldReader r) => new()
    {
        Dates = r.Text("dates"),
        Reason = r.Text("reason"),
    };

    static IValidator<PostponeMeetingInput> ICommandSlice<PostponeMeetingInput>.Validator(TimeProvider clock) =>
        new PostponeMeetingValidator(clock);

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("dates", Dates);
        writer.Text("reason", Reason);
    }
}
