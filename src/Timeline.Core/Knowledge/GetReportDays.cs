using FluentValidation;
using Mediator;
using Timeline.Core.Storage;

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

internal sealed class GetReportDaysHandler(IEventStore store) : IQueryHandler<GetReportDays, ReportDaysDocument>
{
    public async ValueTask<ReportDaysDocument> Handle(GetReportDays query, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<DateOnly, int>();
        var storeQuery = EventQuery.All with { RecordedAtOrBefore = QueryRules.CutoffOrNull(query.RecordedAsOf)?.Through() };
        await foreach (var e in store.ReadAllAsync(storeQuery, cancellationToken))
        {
            counts[e.ReportedAt.Day] = counts.GetValueOrDefault(e.ReportedAt.Day) + 1;
        }
        var days = counts.Select(pair => new ReportDay(pair.Key, pair.Value)).ToList();
        return new ReportDaysDocument(query.RecordedAsOf, days.FirstOrDefault()?.Day, days.LastOrDefault()?.Day, days);
    }
}
