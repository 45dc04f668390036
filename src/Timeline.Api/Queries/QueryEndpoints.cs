using System.Globalization;
using Mediator;
using Microsoft.Extensions.Options;
using Timeline.Api.Http;
using Timeline.Api.Security;
using Timeline.Core.Attendance;
using Timeline.Core.Audit;
using Timeline.Core.Commands;
using Timeline.Core.Conflicts;
using Timeline.Core.Diff;
using Timeline.Core.History;
using Timeline.Core.Knowledge;
using Timeline.Core.Schedule;
using Timeline.Domain.Meetings;

namespace Timeline.Api.Queries;

/// <summary>
/// The reads: each endpoint sends the query the matching CLI verb sends and answers with the same document.
/// Query parameters are the CLI's options in camelCase (<c>--as-of</c> is <c>asOf</c>).
/// </summary>
internal static class QueryEndpoints
{
    public static void MapQueries(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api").RequireAuthorization(AccessPolicies.Read).WithTags("Reads");

        reads.MapGet("/schedule", async (
                string? asOf, string? recordedAsOf, string? participant, string? from, string? to, string? search, string? after, string? limit,
                IMediator mediator, CancellationToken ct) =>
                new TimelineJsonResult<ScheduleDocument>(await mediator.Send(
                    new GetSchedule(asOf, recordedAsOf, participant, from, to, search, after, (int?)Whole("limit", limit, int.MaxValue)), ct)))
            .WithName("GetSchedule")
            .WithSummary("The schedule as known on asOf and recorded by recordedAsOf, like 'timeline schedule'")
            .WithDescription(
                "With limit, a page of at most limit meetings in schedule order; when more follow, next is the cursor: ask " +
                "again with after=<next> for the following page. search keeps meetings whose title, organization or a " +
                "participant's name contains it, ignoring case.");

        reads.MapGet("/meetings/{id}", GetMeetingAsync)
            .WithName("GetMeeting")
            .WithSummary("One meeting of the schedule; ETag is its stream version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        reads.MapGet("/meetings/{id}/history", async (string id, string? asOf, string? recordedAsOf, IMediator mediator, CancellationToken ct) =>
            {
                var history = await mediator.Send(new GetHistory(id, asOf, recordedAsOf), ct);
                return new TimelineJsonResult<HistoryDocument>(history, ETags.For(history.Version));
            })
            .WithName("GetHistory")
            .WithSummary("Every change to one meeting in reportedAt order, like 'timeline history'")
            .ProducesProblem(StatusCodes.Status404NotFound);

        reads.MapGet("/attendance", async (string? participant, string? asOf, string? recordedAsOf, IMediator mediator, CancellationToken ct) =>
                new StreamedJsonResult<AttendanceDocument>(await mediator.Send(new GetAttendance(participant, asOf, recordedAsOf), ct)))
            .WithName("GetAttendance")
            .WithSummary("When each attendance was announced versus confirmed, like 'timeline attendance'");

        reads.MapGet("/report-days", async (string? recordedAsOf, IMediator mediator, CancellationToken ct) =>
                new TimelineJsonResult<ReportDaysDocument>(await mediator.Send(new GetReportDays(recordedAsOf), ct)))
            .WithName("GetReportDays")
            .WithSummary("The first and last day with reports (reportedAt, UTC) and every day that has some: the range of 'as known on'");

        reads.MapGet("/diff", async (
                string? from, string? to, string? recordedFrom, string? recordedTo, string? asOf, string? recordedAsOf, string? meeting, string? participant,
                IMediator mediator, CancellationToken ct) =>
                new TimelineJsonResult<DiffDocument>(await mediator.Send(new GetDiff(from, to, recordedFrom, recordedTo, asOf, recordedAsOf, meeting, participant), ct)))
            .WithName("GetDiff")
            .WithSummary("What changed between two knowledge times (from, to) or two system times (recordedFrom, recordedTo), like 'timeline diff'")
            .ProducesProblem(StatusCodes.Status404NotFound);

        reads.MapGet("/conflicts", async (string? within, string[]? meeting, string? asOf, string? recordedAsOf, IMediator mediator, CancellationToken ct) =>
                new TimelineJsonResult<ConflictsDocument>(await mediator.Send(
                    new GetConflicts((int?)Whole("within", within, int.MaxValue) ?? GetConflicts.DefaultWithin, meeting is [var one] ? one : null, asOf, recordedAsOf)
                    {
                        Meetings = meeting is { Length: > 1 } several ? several : null,
                    },
                    ct)))
            .WithName("GetConflicts")
            .WithSummary("Reports from different sources that disagree about one fact of one meeting within 'within' days, like 'timeline conflicts'; 'meeting' may be repeated (up to 200) for only those meetings")
            .ProducesProblem(StatusCodes.Status404NotFound);

        reads.MapGet("/digest", async (IMediator mediator, CancellationToken ct) =>
                new TimelineJsonResult<Core.Chain.DigestDocument>(await mediator.Send(new Core.Chain.GetDigest(), ct)))
            .WithName("GetDigest")
            .WithSummary("The head of the hash chain, {sequence, hash, digest}, like 'timeline digest'");

        reads.MapGet("/audit", GetAuditAsync)
            .WithName("GetAudit")
            .WithSummary("Raw events with their metadata, like 'timeline audit'")
            .WithDescription(
                "Pages of at most limit events (default 500, at most 100000) in sequence order. When a page is cut short, " +
                "next is the cursor: ask again with after=<next> for the following page; next is null on the last page.");
    }

    private static async Task<TimelineJsonResult<ScheduledMeeting>> GetMeetingAsync(
        string id, string? asOf, string? recordedAsOf, IMediator mediator, CancellationToken ct)
    {
        if (!MeetingId.TryParse(id, out var meetingId, out var error))
        {
            throw new InputRejected([new InputError(null, null, "id", error)]);
        }
        var meeting = await mediator.Send(new GetMeeting(meetingId.Value, asOf, recordedAsOf), ct);
        return new TimelineJsonResult<ScheduledMeeting>(meeting, ETags.For(meeting.Version));
    }

    private static async Task<StreamedJsonResult<AuditDocument>> GetAuditAsync(
        string? meeting, string? command, string? speaker, string? outlet, string? recordedBy, string? reportedFrom, string? reportedTo,
        string? recordedAsOf, string? after, string? limit, IMediator mediator, IOptionsSnapshot<ApiOptions> options, CancellationToken ct)
    {
        var query = new GetAudit(
            meeting, command, speaker, outlet, recordedBy, reportedFrom, reportedTo, recordedAsOf,
            Whole("after", after, long.MaxValue) ?? 0,
            (int?)Whole("limit", limit, int.MaxValue) ?? options.Value.DefaultAuditLimit);
        return new StreamedJsonResult<AuditDocument>(await mediator.Send(query, ct));
    }

    internal static long? Whole(string field, string? text, long max)
    {
        if (text is null)
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max
            ? value
            : throw new InputRejected([new InputError(null, null, field, $"'{Domain.Dates.EdtfDate.Quote(text)}' is not a whole number (0 or more)")]);
    }
}
