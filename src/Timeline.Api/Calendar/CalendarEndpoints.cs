using System.Text;
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
        var feed = await mediator.Send(new GetCalendar(asOf, recordedAsOf, participant), ct);
        var now = clock.GetUtcNow();
        // Written as the meetings are read: a store that fails before the first chunk still gets its problem answer,
        // one that fails later aborts the response (see StreamedJsonResult).
        return Results.Stream(
            body => ScheduleCalendar.WriteAsync(feed, participant, now, async (chunk, token) => await body.WriteAsync(Encoding.UTF8.GetBytes(chunk), token), ct),
            ContentType);
    }
}
