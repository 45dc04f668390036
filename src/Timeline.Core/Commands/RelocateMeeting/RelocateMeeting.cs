using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.RelocateMeeting;

/// <summary><c>RelocateMeeting</c>: location {city?, country}.</summary>
public sealed record RelocateMeetingInput : CommandInput
{
    public override string Command => "RelocateMeeting";

    public LocationInput? Location { get; init; }

    public override MeetingCommand ToDomain() => new MeetingCommand.RelocateMeeting(Meeting, Location!.ToDomain());

    internal static RelocateMeetingInput Read(FieldReader r) => new() { Location = r.Object("location", LocationInput.Read) };

    internal override void WriteIdFields(CommandIdWriter writer) => writer.Object("location", Location);
}

internal sealed class RelocateMeetingValidator : CommandInputValidator<RelocateMeetingInput>
{
    public RelocateMeetingValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Location).Required();
        RuleFor(c => c.Location!).ChildRules(ValidLocation).When(c => c.Location is not null);
    }
}
