using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Timeline.Api.Queries;
using Timeline.Api.Security;
using Timeline.Core.Feed;

namespace Timeline.Api.Feed;

/// <summary>
/// <c>GET /api/changes</c>: the log as Server-Sent Events (docs/contract.md#the-change-feed). Each event is one
/// message whose id is its sequence, whose type is its stored event name and whose data is its audit entry on one
/// line (<see cref="FeedLine"/>). A <c>heartbeat</c> message with no data goes out at once, its id the sequence the
/// feed starts after, and then, with no id, whenever the feed has been silent for <see cref="ApiOptions.ChangesHeartbeat"/>.
/// </summary>
internal static class ChangeFeedEndpoints
{
    public const string Heartbeat = "heartbeat";

    public static void MapChangeFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/changes", ChangesAsync)
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("Reads")
            .WithName("GetChanges")
            .WithSummary("The change feed: every event after 'after' (or Last-Event-ID) as Server-Sent Events, then each new one as it lands, like 'timeline watch'")
            .WithDescription(
                "Each message has id: the event's sequence, event: its stored event name (attendance-declined.v1) and data: its audit " +
                "entry as one line of JSON. Without after or Last-Event-ID only events appended from now on are sent; after=0 replays the " +
                "whole log. A reconnecting client sends Last-Event-ID (EventSource does) and misses nothing. meeting keeps one meeting's " +
                "events, participant the events of meetings that name that person. The first message is a 'heartbeat' (no data) whose id is " +
                "the sequence the feed starts after; an idle feed sends a 'heartbeat' with no id and no data.");
    }

    private static async Task<ServerSentEventsResult<string>> ChangesAsync(
        string? after,
        string? meeting,
        string? participant,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        IMediator mediator,
        IOptionsSnapshot<ApiOptions> options,
        TimeProvider clock,
        CancellationToken ct)
    {
        // A reconnecting EventSource sends Last-Event-ID with its original URL: the header is the later position.
        var resume = QueryEndpoints.Whole("Last-Event-ID", lastEventId, long.MaxValue) ?? QueryEndpoints.Whole("after", after, long.MaxValue);
        var feed = await mediator.Send(new FollowLog(resume, meeting, participant), ct);
        var settings = options.Value;
        return TypedResults.ServerSentEvents(MessagesAsync(feed, settings.ChangesPollInterval, settings.ChangesHeartbeat, clock, ct));
    }

    /// <summary>The feed's events as messages, with a heartbeat first and then after every silence of <paramref name="heartbeat"/>.</summary>
    private static async IAsyncEnumerable<SseItem<string>> MessagesAsync(
        ChangeFeed feed, TimeSpan pollEvery, TimeSpan heartbeat, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct)
    {
        // The first message sends the headers, so a client knows at once that it is connected, and its id says where
        // the feed starts: a client that reconnects before any event came resumes from there.
        yield return new SseItem<string>(string.Empty, Heartbeat) { EventId = Sequence(feed.After) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var events = feed.FollowAsync(pollEvery, stop.Token).GetAsyncEnumerator(stop.Token);
        var next = events.MoveNextAsync().AsTask();
        try
        {
            while (true)
            {
                using (var silence = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    var quiet = Task.Delay(heartbeat, clock, silence.Token);
                    if (await Task.WhenAny(next, quiet) == quiet)
                    {
                        ct.ThrowIfCancellationRequested();
                        yield return new SseItem<string>(string.Empty, Heartbeat);
                        continue;
                    }
                    await silence.CancelAsync();
                }
                if (!await next)
                {
                    yield break;
                }
                var followed = events.Current;
                yield return new SseItem<string>(FeedLine.Of(followed.Entry), followed.EventType)
                {
                    EventId = Sequence(followed.Entry.Sequence),
                };
                next = events.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            // The feed may be waiting for an append: stop it, and let it finish, before it is disposed.
            await stop.CancelAsync();
            try
            {
                await next;
            }
            catch (OperationCanceledException)
            {
                // what stopping it means
            }
            await events.DisposeAsync();
        }
    }

    private static string Sequence(long sequence) => sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
