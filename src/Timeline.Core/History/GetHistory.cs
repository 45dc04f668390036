using System.Text.Json;
using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Knowledge;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.History;

/// <summary>Every change to one meeting, in reportedAt order, retracted entries included and marked.</summary>
public sealed record GetHistory(string MeetingId, string? AsOf = null, string? RecordedAsOf = null) : IQuery<HistoryDocument>;

/// <summary>The <c>history</c> output (docs/contract.md#history-output).</summary>
public sealed record HistoryDocument(string MeetingId, string? AsOf, string? RecordedAsOf, long Version, IReadOnlyList<HistoryEntry> Entries);

/// <summary>One change.</summary>
/// <param name="Retracted">True when a retraction recorded within the query's system-time bound names this entry.</param>
/// <param name="RetractedBy">The command id of that retraction.</param>
public sealed record HistoryEntry(
    long Sequence,
    long StreamVersion,
    string Event,
    string ReportedAt,
    string RecordedAt,
    string RecordedBy,
    Source Source,
    string Summary,
    bool Retracted,
    string? RetractedBy,
    string EventId,
    string CommandId,
    JsonElement Data);

internal sealed class GetHistoryValidator : AbstractValidator<GetHistory>
{
    public GetHistoryValidator()
    {
        RuleFor(q => q.MeetingId).Required().Slug();
        RuleFor(q => q.AsOf).PointInTime();
        RuleFor(q => q.RecordedAsOf).PointInTime();
    }
}

internal sealed class GetHistoryHandler(IEventStore store) : IQueryHandler<GetHistory, HistoryDocument>
{
    public async ValueTask<HistoryDocument> Handle(GetHistory query, CancellationToken cancellationToken)
    {
        var id = MeetingId.Parse(query.MeetingId);
        var recordedAsOf = QueryRules.CutoffOrNull(query.RecordedAsOf);
        var stream = await store.ReadLogAsync(recordedAsOf, [id], cancellationToken);
        return Build(id, stream, query);
    }

    /// <summary>The pure projection over one meeting's stream.</summary>
    /// <exception cref="MeetingNotFound">Nothing of the meeting is known within the bounds.</exception>
    public static HistoryDocument Build(MeetingId id, IReadOnlyList<StoredEvent> stream, GetHistory query)
    {
        var asOf = QueryRules.CutoffOrNull(query.AsOf);
        var recordedAsOf = QueryRules.CutoffOrNull(query.RecordedAsOf);
        var recorded = stream.Where(e => e.Stream == id && (recordedAsOf is null || recordedAsOf.Includes(e.RecordedAt))).ToList();
        var retractedBy = RetractedBy(recorded);
        var entries = recorded
            .Where(e => asOf is null || asOf.Includes(e.ReportedAt.Instant))
            .OrderBy(e => e.ReportedAt.Instant)
            .ThenBy(e => e.Sequence)
            .Select(e => new HistoryEntry(
                e.Sequence,
                e.StreamVersion,
                EventTypeMap.DisplayName(e.EventType),
                e.ReportedAt.Text,
                e.RecordedAt.ToString(),
                e.RecordedBy,
                e.Source,
                EventSummary.Describe(e.Event),
                retractedBy.ContainsKey(e.EventId),
                retractedBy.GetValueOrDefault(e.EventId),
                TimelineFold.EventKey(e.EventId),
                e.CommandId,
                JsonSerializer.SerializeToElement(e.Event, e.Event.GetType(), TimelineJson.Stored)))
            .ToList();
        if (entries.Count == 0)
        {
            throw new MeetingNotFound(id.Value, query.AsOf ?? query.RecordedAsOf);
        }
        return new HistoryDocument(id.Value, query.AsOf, query.RecordedAsOf, recorded.Count == 0 ? 0 : recorded.Max(e => e.StreamVersion), entries);
    }

    private static Dictionary<Guid, string> RetractedBy(IReadOnlyList<StoredEvent> recorded)
    {
        var result = new Dictionary<Guid, string>();
        foreach (var retraction in recorded.Where(e => e.Event is MeetingEvent.ReportRetracted))
        {
            foreach (var e in TimelineFold.TargetsOf(retraction, recorded))
            {
                result.TryAdd(e.EventId, retraction.CommandId);
            }
        }
        return result;
    }
}
