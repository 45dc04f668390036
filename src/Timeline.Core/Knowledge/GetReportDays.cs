using FluentValidation;
using Mediator;
using Timeline.Core.Index;

namespace Timeline.Core.Knowledge;

/// <summary>The days on which reports were made (knowledge time), for scales such as the web page's "as known on" slider.</summary>
public sealed record GetReportDays(string? RecordedAsOf = null) : IQuery<ReportDaysDocument>;

/// <summary>The first and last report day, and every day with reports (UTC days of <c>reportedAt</c>), in order.</summary>
public sealed record ReportDaysDocument(string? RecordedAsOf, DateOnly? First, DateOnly? Last, IReadOnlyList<ReportDay> Days);

/// <summary>One day with reports, and how many events carry that day's <c>reportedAt</c>.</summary>
public sealed record ReportDay(DateOnly Day, int Reports);

internal sealed class GetReportDaysValidator : AbstractValidator<GetReportDays>
{
    public GetReportDaysValidator() => RuleFor(q => q.RecordedAsOf).PointInTime();
}

internal sealed class GetReportDaysHandler(IMeetingStateIndex index) : IQueryHandler<GetReportDays, ReportDaysDocument>
{
    public async ValueTask<ReportDaysDocument> Handle(GetReportDays query, CancellationToken cancellationToken)
    {
        var days = await index.ReadReportDaysAsync(QueryRules.CutoffOrNull(query.RecordedAsOf), cancellationToken);
        return new ReportDaysDocument(query.RecordedAsOf, days.Count > 0 ? days[0].Day : null, days.Count > 0 ? days[^1].Day : null, days);
    }
}
