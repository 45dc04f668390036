using System.Runtime.CompilerServices;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Knowledge;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Audit;

/// <summary>Raw events with their metadata, filtered; in sequence (append) order.</summary>
/// <param name="Command">A command or event name (<c>PostponeMeeting</c>, <c>MeetingPostponed</c>).</param>
/// <param name="Speaker">Case-insensitive part of the source's speaker.</param>
/// <param name="Outlet">Case-insensitive part of the source's outlet.</param>
/// <param name="RecordedBy">Exact user or key name.</param>
/// <param name="ReportedFrom">Earliest reportedAt (a day includes the whole day).</param>
/// <param name="ReportedTo">Latest reportedAt (a day includes the whole day).</param>
/// <param name="After">Only events after this sequence: the paging cursor.</param>
/// <param name="Limit">At most this many events; null for all.</param>
public sealed record GetAudit(
    string? Meeting = null,
    string? Command = null,
    string? Speaker = null,
    string? Outlet = null,
    string? RecordedBy = null,
    string? ReportedFrom = null,
    string? ReportedTo = null,
    string? RecordedAsOf = null,
    long After = 0,
    int? Limit = null) : IQuery<AuditTrail>;

/// <summary>The <c>audit</c> output (docs/contract.md#audit-output).</summary>
/// <param name="Next">The cursor for the next page (<c>--after</c>), when the limit cut the list.</param>
public sealed record AuditDocument(IReadOnlyList<AuditEvent> Events, long? Next);

/// <summary>
/// The <c>audit</c> output as it is read: an <see cref="AuditDocument"/> whose events come one at a time from the log
/// while it is written; <c>next</c>, which follows them, is known once the limit has cut them.
/// </summary>
/// <param name="Matching">The matching events in sequence order (one more than <paramref name="Limit"/>, when there are), read from the log when enumerated, once.</param>
/// <param name="Limit">At most this many events; null for all.</param>
public sealed record AuditTrail(IAsyncEnumerable<AuditEvent> Matching, int? Limit) : IStreamedAnswer<AuditDocument>
{
    /// <inheritdoc />
    public Task WriteJsonAsync(AnswerSink sink, CancellationToken cancellationToken) => StreamedJson.WriteAsync(sink, async (json, ct) =>
    {
        long? next = null;
        await json.ArrayAsync(nameof(AuditDocument.Events), Page(cursor => next = cursor, ct), ct).ConfigureAwait(false);
        json.Field(nameof(AuditDocument.Next), next);
    }, cancellationToken);

    /// <inheritdoc />
    public async Task<AuditDocument> ToDocumentAsync(CancellationToken cancellationToken)
    {
        long? next = null;
        var events = await Page(cursor => next = cursor, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AuditDocument(events, next);
    }

    /// <summary>The events of the page; when one more than the limit follows, <paramref name="cut"/> gets the page's last sequence.</summary>
    private async IAsyncEnumerable<AuditEvent> Page(Action<long> cut, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (count, last) = (0, 0L);
        await foreach (var e in Matching.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (++count > Limit)
            {
                cut(last);
                yield break;
            }
            last = e.Sequence;
            yield return e;
        }
    }
}

/// <summary>One stored event.</summary>
public sealed record AuditEvent(
    long Sequence,
    string MeetingId,
    long StreamVersion,
    string Event,
    string ReportedAt,
    string RecordedAt,
    string RecordedBy,
    Source Source,
    string EventId,
    string CommandId,
    string Summary,
    JsonElement Data);

internal sealed class GetAuditValidator : AbstractValidator<GetAudit>
{
    public const int MaxLimit = 100_000;

    public GetAuditValidator()
    {
        RuleFor(q => q.Meeting).Slug();
        RuleFor(q => q.Command).Custom((name, context) =>
        {
            if (name is not null && EventTypeMap.Resolve(name) is null)
            {
                context.AddFailure($"'{FieldReader.Quote(name)}' names no command or event; known commands: {string.Join(", ", CommandCatalog.Names)}");
            }
        });
        RuleFor(q => q.Speaker).Text(InputRules.ShortTextLength);
        RuleFor(q => q.Outlet).Text(InputRules.ShortTextLength);
        RuleFor(q => q.RecordedBy).Text(InputRules.ShortTextLength);
        RuleFor(q => q.ReportedFrom).PointInTime();
        RuleFor(q => q.ReportedTo).PointInTime();
        // Only when both parse (their own rules report them otherwise): reportedFrom counts from its start, reportedTo
        // to its end, so one day given as both is a whole day, and an empty window is a mistake.
        RuleFor(q => q.ReportedFrom).Must((q, from) => !(ReportedAt.TryParse(from, out var earlier, out _) && Cutoff.TryParse(q.ReportedTo, out var later, out _)
                && earlier.Instant >= later.Before))
            .WithMessage(q => $"'{q.ReportedFrom}' is after reportedTo ('{q.ReportedTo}'): give the earlier time first");
        RuleFor(q => q.RecordedAsOf).PointInTime();
        RuleFor(q => q.After).GreaterThanOrEqualTo(0).WithMessage(q => $"'{q.After}' is not a sequence (0 or more)");
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).WithMessage(q => $"'{q.Limit}' is not between 1 and {MaxLimit}");
    }
}

internal sealed class GetAuditHandler(IEventStore store) : IQueryHandler<GetAudit, AuditTrail>
{
    public ValueTask<AuditTrail> Handle(GetAudit query, CancellationToken cancellationToken)
    {
        var storeQuery = new EventQuery
        {
            Streams = query.Meeting is null ? null : [MeetingId.Parse(query.Meeting)],
            EventTypes = query.Command is null ? null : [EventTypeMap.Resolve(query.Command)!],
            Speaker = EventQuery.SearchKey(query.Speaker),
            Outlet = EventQuery.SearchKey(query.Outlet),
            RecordedBy = query.RecordedBy,
            ReportedFrom = query.ReportedFrom is null ? null : ReportedAt.Parse(query.ReportedFrom).Instant,
            ReportedBefore = QueryRules.CutoffOrNull(query.ReportedTo)?.Before,
            RecordedAtOrBefore = QueryRules.CutoffOrNull(query.RecordedAsOf)?.Through(),
            AfterSequence = query.After,
            Limit = query.Limit is { } limit ? limit + 1 : null,
        };
        return ValueTask.FromResult(new AuditTrail(store.ReadAllAsync(storeQuery, cancellationToken).Select(ToAudit), query.Limit));
    }

    internal static AuditEvent ToAudit(StoredEvent e) => new(
        e.Sequence,
        e.Stream.Value,
        e.StreamVersion,
        EventTypeMap.DisplayName(e.EventType),
        e.ReportedAt.Text,
        e.RecordedAt.ToString(),
        e.RecordedBy,
        e.Source,
        TimelineFold.EventKey(e.EventId),
        e.CommandId,
        History.EventSummary.Describe(e.Event),
        JsonSerializer.SerializeToElement(e.Event, e.Event.GetType(), TimelineJson.Stored));
}
