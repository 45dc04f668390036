using Timeline.Core.Storage;

namespace Timeline.Store.Contract;

/// <summary>The meaning of <see cref="EventQuery"/>, in LINQ: what every store's answer is compared with.</summary>
public static class EventQueryMeaning
{
    /// <summary>True when <paramref name="e"/> passes every filter of <paramref name="q"/> (<see cref="EventQuery.Limit"/> aside).</summary>
    public static bool Matches(StoredEvent e, EventQuery q) =>
        (q.Streams is null || q.Streams.Contains(e.Stream))
        && e.Sequence > q.AfterSequence
        && (q.UpToSequence is null || e.Sequence <= q.UpToSequence)
        && (q.EventTypes is null || q.EventTypes.Contains(e.EventType))
        && (q.CommandIds is null || q.CommandIds.Contains(e.CommandId))
        && (q.RecordedBy is null || q.RecordedBy == e.RecordedBy)
        && (q.RecordedAtOrBefore is null || e.RecordedAt.Instant <= q.RecordedAtOrBefore)
        && (q.ReportedFrom is null || e.ReportedAt.Instant >= q.ReportedFrom)
        && (q.ReportedBefore is null || e.ReportedAt.Instant < q.ReportedBefore)
        && (q.Speaker is null || (EventQuery.SearchKey(e.Source.Speaker)?.Contains(EventQuery.SearchKey(q.Speaker)!, StringComparison.Ordinal) ?? false))
        && (q.Outlet is null || (EventQuery.SearchKey(e.Source.Outlet)?.Contains(EventQuery.SearchKey(q.Outlet)!, StringComparison.Ordinal) ?? false));
}
