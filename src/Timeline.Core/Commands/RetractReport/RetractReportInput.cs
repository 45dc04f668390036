using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.RetractReport;

/// <summary><c>RetractReport</c>: retracts (a command id or event id), reason.</summary>
internal sealed record RetractReportInput
    : CommandInput<MeetingCommand.RetractReport, MeetingEvent.ReportRetracted>, ICommandSlice<RetractReportInput>
{
    static string ICommandSlice<RetractReportInput>.StoredEventName => "report-retracted.v1";

    public string? Retracts { get; init; }

    public string? Reason { get; init; }

    public override MeetingCommand.RetractReport ToDomain() => new(Meeting, Retracts!, Reason!.Trim());

    static RetractReportInput ICommandSlice<RetractReportInput>.Read(FieldReader r) => new()
    {
        Retracts = r.Text("retracts"),
        Reason = r.Text("reason"),
    };

    static IValidator<RetractReportInput> ICommandSlice<RetractReportInput>.Validator(TimeProvider clock) =>
        new RetractReportValidator(clock);

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("retracts", Retracts);
        writer.Text("reason", Reason);
    }
}
