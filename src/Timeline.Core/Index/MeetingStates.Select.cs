using Timeline.Core.Knowledge;
using Timeline.Core.Storage;

namespace Timeline.Core.Index;

public static partial class MeetingStates
{
    /// <summary>
    /// The answer to <paramref name="query"/> over <paramref name="rows"/>: what every store's
    /// <see cref="IMeetingStateIndex.ReadStatesAsync"/> must return when it holds these rows.
    /// </summary>
    public static IReadOnlyList<MeetingSnapshot> Select(IEnumerable<MeetingStateRow> rows, StateQuery query)
    {
        var (asOf, recordedAsOf) = (query.AsOfKey, query.RecordedAsOfKey);
        var meetings = query.Meetings?.Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var (participant, search) = (query.ParticipantKey, query.SearchText);
        var selected = rows
            .Where(r => r.HoldsAt(asOf, recordedAsOf))
            .Where(r => meetings is null || meetings.Contains(r.MeetingId))
            .Where(r => !query.Windowed || (r.Dated && r.EarliestDay <= query.ToDay && r.LatestDay >= query.FromDay))
            .Where(r => participant is null || r.Participants.Contains(participant, StringComparer.Ordinal))
            .Where(r => search is null || r.SearchKey.Contains(search, StringComparison.Ordinal))
            .Where(r => query.After is null || query.After.Precedes(r.EarliestDay, r.LatestDay, r.MeetingId))
            .OrderBy(r => r.EarliestDay)
            .ThenBy(r => r.LatestDay)
            .ThenBy(r => r.MeetingId, StringComparer.Ordinal)
            .Take(query.Limit ?? int.MaxValue);
        return [.. selected.Select(r => Read(r.Snapshot))];
    }

    /// <summary>
    /// Answers <paramref name="query"/> by computing the rows from the log itself: exact, but it reads every event of
    /// the meetings asked about. For stores whose index does not exist yet, and for checking one that does.
    /// </summary>
    public static async Task<IReadOnlyList<MeetingSnapshot>> FromLogAsync(IEventStore store, StateQuery query, CancellationToken cancellationToken)
    {
        var log = await store.ReadLogAsync(query.RecordedAsOf, query.Meetings, cancellationToken).ConfigureAwait(false);
        return Select(log.GroupBy(e => e.Stream).SelectMany(stream => Of([.. stream])), query);
    }

    /// <summary>The report days computed from the log itself, like <see cref="FromLogAsync"/>.</summary>
    public static async Task<IReadOnlyList<ReportDay>> ReportDaysFromLogAsync(IEventStore store, Cutoff? recordedAsOf, CancellationToken cancellationToken) =>
        CountDays(ReportDays(await store.ReadLogAsync(recordedAsOf, null, cancellationToken).ConfigureAwait(false)), recordedAsOf);

    /// <summary>What a rebuild from the log writes, counted (for stores that compute rows from the log on each read).</summary>
    public static async Task<IndexRebuild> CountFromLogAsync(IEventStore store, CancellationToken cancellationToken)
    {
        var log = await store.ReadLogAsync(null, null, cancellationToken).ConfigureAwait(false);
        var streams = log.GroupBy(e => e.Stream).ToList();
        return new IndexRebuild(log.Count, streams.Count, streams.Sum(s => (long)Of([.. s]).Count), ReportDays(log).Count, FormatVersion);
    }
}
