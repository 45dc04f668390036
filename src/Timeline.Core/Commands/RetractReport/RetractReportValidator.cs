using FluentValidation;

namespace Timeline.Core.Commands.RetractReport;

internal sealed class RetractReportValidator : CommandInputValidator<RetractReportInput>
{
    public RetractReportValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Retracts).Required().CommandKey();
        RuleFor(c => c.Reason).Required().Text(InputRules.ReasonLength, multiline: true);
    }
}
