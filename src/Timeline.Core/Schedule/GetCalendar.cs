using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;

namespace Timeline.Core.Schedule;

/// <summary>What the calendar feed shows: the schedule, and each meeting's latest report that is not retracted, in one read.</summary>
public sealed record GetCalendar(string? AsOf = null, string? RecordedAsOf = null, string? Participant = null) : IQuery<CalendarFeed>;

/// <summary>
/// The meetings of the schedule as <see cref="GetSchedule"/> gives them, in its order, each with its latest report
/// within the same bounds; read from the store one at a time while the feed is written.
/// </summary>
/// <param name="Entries">Read from the store when enumerated, once.</param>
public sealed record CalendarFeed(IAsyncEnumerable<CalendarEntry> Entries);

/// <summary>One meeting of the feed and its latest report that is not retracted (null when none).</summary>
public sealed record CalendarEntry(ScheduledMeeting Meeting, LatestReport? LatestReport);

internal sealed class GetCalendarValidator : AbstractValidator<GetCalendar>
{
    public GetCalendarValidator()
    {
        RuleFor(q => q.AsOf).PointInTime();
        RuleFor(q => q.RecordedAsOf).PointInTime();
        RuleFor(q => q.Participant).PersonName();
    }
}

internal sealed class GetCalendarHandler(IMeetingStateIndex index, TimeProvider clock) : IQueryHandler<GetCalendar, CalendarFeed>
{
    public ValueTask<CalendarFeed> Handle(GetCalendar query, CancellationToken cancellationToken)
    {
        var schedule = new GetSchedule(query.AsOf, query.RecordedAsOf, query.Participant);
        var day = Overdue.Day(QueryRules.CutoffOrNull(query.AsOf), Overdue.Today(clock));
        var entries = index.StreamStatesAsync(GetScheduleHandler.StatesOf(schedule), cancellationToken)
            .Select(s => new CalendarEntry(GetScheduleHandler.Judged(s.Meeting, day), s.LatestReport));
        return ValueTask.FromResult(new CalendarFeed(entries));
    }
}
