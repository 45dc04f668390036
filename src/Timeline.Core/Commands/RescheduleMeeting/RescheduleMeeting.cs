using FluentValidation;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.RescheduleMeeting;

/// <summary><c>RescheduleMeeting</c>: dates.</summary>
public sealed record RescheduleMeetingInput : CommandInput
{
    public override string Command => "RescheduleMeeting";

    public string? Dates { get; init; }

    public override MeetingCommand ToDomain() => new MeetingCommand.RescheduleMeeting(Meeting, EdtfDate.Parse(Dates!));

    internal static RescheduleMeetingInput Read(FieldReader r) => new() { Dates = r.Text("dates") };

    internal override void WriteIdFields(CommandIdWriter writer) => writer.Text("dates", Dates);
}

internal sealed class RescheduleMeetingValidator : CommandInputValidator<RescheduleMeetingInput>
{
    public RescheduleMeetingValidator(TimeProvider clock)
        : base(clock) => RuleFor(c => c.Dates).Required().Edtf();
}
