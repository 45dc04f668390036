using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.PostponeMeeting;

/// <summary><c>PostponeMeeting</c>: dates? (absent: to be decided), reason?.</summary>
public sealed record PostponeMeetingInput : CommandInput
{
    public override string Command => "PostponeMeeting";

    public string? Dates { get; init; }

    public string? Reason { get; init; }

    public override MeetingCommand ToDomain() => new MeetingCommand.PostponeMeeting(Meeting, DatesOrNull(Dates), Reason?.Trim());

    internal static PostponeMeetingInput Read(FieldReader r) => new() { Dates = r.Text("dates"), Reason = r.Text("reason") };

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("dates", Dates);
        writer.Text("reason", Reason);
    }
}

internal sealed class PostponeMeetingValidator : CommandInputValidator<PostponeMeetingInput>
{
    public PostponeMeetingValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Dates).Edtf();
        RuleFor(c => c.Reason).Text(InputRules.ReasonLength, multiline: true);
    }
}
