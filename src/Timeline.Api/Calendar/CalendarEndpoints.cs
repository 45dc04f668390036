using Mediator;
using Timeline.Api.Security;
using Timeline.Core.History;
using Timeline.Core.Schedule;

namespace Timeline.Api.Calendar;

/// <summary><c>GET /api/schedule.ics</c>: the schedule as an iCalendar feed for calendar apps.</summary>
internal static class CalendarEndpoints
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static void MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api")
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("Reads")
            .MapGet("/schedule.ics", GetAsync)
            .WithName("GetScheduleCalendar")
            .WithSummary("The schedule as iCalendar: one all-day event per dated meeting, its status from the meeting and the participant's attendance")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");
    }

    private static async Task<IResult> GetAsync(string? participant, string? asOf, string? recordedAsOf, IMediator mediator, TimeProvider clock, CancellationToken ct)
    {
        var schedule = await mediator.Send(new GetSchedule(asOf, recordedAsOf, participant), ct);
        var latest = new Dictionary<string, HistoryEntry?>(StringComparer.Ordinal);
        foreach (var meeting in schedule.Meetings.Where(m => m.Dates is not null))
        {
            var history = await mediator.Send(new GetHistory(meeting.Id, asOf, recordedAsOf), ct);
            latest[meeting.Id] = history.Entries.LastOrDefault(e => !e.Retracted);
        }
        var text = ScheduleCalendar.Write(schedule, participant, latest, clock.GetUtcNow());
        return Results.Text(text, ContentType);
    }
}
