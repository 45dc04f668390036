using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;

namespace Timeline.Core.Schedule;

/// <summary>What the calendar feed shows: the schedule, and each meeting's latest report that is not retracted, in one read.</summary>
public sealed record GetCalendar(string? AsOf = null, string? RecordedAsOf = null, string? Participant = null) : IQuery<CalendarDocument>;

/// <summary>The schedule as <see cref="GetSchedule"/> gives it, and per meeting id its latest report within the same bounds.</summary>
public sealed record CalendarDocument(ScheduleDocument Schedule, IReadOnlyDictionary<string, LatestReport?> LatestReports);

internal sealed class GetCalendarValidator : AbstractValidator<GetCalendar>
{
    public GetCalendarValidator()
    {
        RuleFor(q => q.AsOf).PointInTime();
        RuleFor(q => q.RecordedAsOf).PointInTime();
        RuleFor(q => q.Participant).PersonName();
    }
}

internal sealed class GetCalendarHandler(IMeetingStateIndex index, TimeProvider clock) : IQueryHandler<GetCalendar, CalendarDocument>
{
    public async ValueTask<CalendarDocument> Handle(GetCalendar query, CancellationToken cancellationToken)
    {
        var schedule = new GetSchedule(query.AsOf, query.RecordedAsOf, query.Participant);
        var states = await index.ReadStatesAsync(GetScheduleHandler.StatesOf(schedule), cancellationToken);
        return new CalendarDocument(
            GetScheduleHandler.Document(states, schedule, Overdue.Today(clock)),
            states.ToDictionary(s => s.Meeting.Id, s => s.LatestReport, StringComparer.Ordinal));
    }
}
