using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.RetractReport;

/// <summary><c>RetractReport</c>: retracts (a command id or event id), reason.</summary>
public sealed record RetractReportInput : CommandInput
{
    public override string Command => "RetractReport";

    public string? Retracts { get; init; }

    public string? Reason { get; init; }

    public override MeetingCommand ToDomain() => new MeetingCommand.RetractReport(Meeting, Retracts!, Reason!.Trim());

    internal static RetractReportInput Read(FieldReader r) => new() { Retracts = r.Text("retracts"), Reason = r.Text("reason") };

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("retracts", Retracts);
        writer.Text("reason", Reason);
    }
}

internal sealed class RetractReportValidator : CommandInputValidator<RetractReportInput>
{
    public RetractReportValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Retracts).Required().CommandKey();
        RuleFor(c => c.Reason).Required().Text(InputRules.ReasonLength, multiline: true);
    }
}
