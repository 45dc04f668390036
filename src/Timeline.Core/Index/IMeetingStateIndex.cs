using System.Runtime.CompilerServices;
using Timeline.Core.Knowledge;

namespace Timeline.Core.Index;

/// <summary>
/// The as-of index a store keeps beside its log: the rows of <see cref="MeetingStates.Of"/> for every meeting and the
/// <see cref="ReportDayRow"/>s of every event, maintained in the append's transaction. Part of
/// <see cref="Storage.IStore"/>. Every answer must equal the fold's (<see cref="Knowledge.TimelineFold"/>) over the log.
/// </summary>
public interface IMeetingStateIndex
{
    /// <summary>The meetings that exist within the query's bounds and pass its filters, in the schedule's order.</summary>
    Task<IReadOnlyList<MeetingSnapshot>> ReadStatesAsync(StateQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The same states as <see cref="ReadStatesAsync"/>, in the same order, yielded one at a time as the store reads
    /// them, so that an answer of any size is written with the memory of one state. The store's read stays open while
    /// the caller enumerates (and sees the index as it was when the enumeration started); errors come from the
    /// enumeration. This default reads the whole list first, for an index that cannot stream; both stores override it.
    /// </summary>
    IAsyncEnumerable<MeetingSnapshot> StreamStatesAsync(StateQuery query, CancellationToken cancellationToken) =>
        ReadListed(this, query, cancellationToken);

    private static async IAsyncEnumerable<MeetingSnapshot> ReadListed(
        IMeetingStateIndex index, StateQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var state in await index.ReadStatesAsync(query, cancellationToken).ConfigureAwait(false))
        {
            yield return state;
        }
    }

    /// <summary>Every UTC day with reports among the events recorded within <paramref name="recordedAsOf"/>, in day order, with how many.</summary>
    Task<IReadOnlyList<ReportDay>> ReadReportDaysAsync(Cutoff? recordedAsOf, CancellationToken cancellationToken);

    /// <summary>
    /// Drops every index and recomputes it from the log, in one transaction, and stores
    /// <see cref="MeetingStates.FormatVersion"/>. Safe at any time; answers do not change.
    /// </summary>
    Task<IndexRebuild> RebuildIndexAsync(CancellationToken cancellationToken);
}

/// <summary>What a rebuild read and wrote.</summary>
/// <param name="Events">Events read from the log.</param>
/// <param name="Meetings">Meetings (streams) indexed.</param>
/// <param name="States">Meeting state rows written.</param>
/// <param name="ReportDays">Report-day rows written.</param>
/// <param name="FormatVersion">The index format now stored.</param>
public sealed record IndexRebuild(long Events, long Meetings, long States, long ReportDays, int FormatVersion);
