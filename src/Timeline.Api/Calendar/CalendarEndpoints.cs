using Mediator;
using Timeline.Api.Security;
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
        var calendar = await mediator.Send(new GetCalendar(asOf, recordedAsOf, participant), ct);
        var text = ScheduleCalendar.Write(calendar.Schedule, participant, calendar.LatestReports, clock.GetUtcNow());
        return Results.Text(text, ContentType);
    }
}
