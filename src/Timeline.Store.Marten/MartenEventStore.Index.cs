using Timeline.Core.Index;
using Timeline.Core.Knowledge;

namespace Timeline.Store.Marten;

public sealed partial class MartenEventStore
{
    // Interim, until the as-of index is an inline Marten projection of MeetingStates.Of: every answer computes the rows
    // from the streams it reads, with the same pure function, so it is exact but costs what the log costs. The inline
    // projection replaces these three members.

    /// <inheritdoc />
    public Task<IReadOnlyList<MeetingSnapshot>> ReadStatesAsync(StateQuery query, CancellationToken cancellationToken) =>
        MeetingStates.FromLogAsync(this, query, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportDay>> ReadReportDaysAsync(Cutoff? recordedAsOf, CancellationToken cancellationToken) =>
        MeetingStates.ReportDaysFromLogAsync(this, recordedAsOf, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Nothing is stored yet (see above): this computes every row from the log and counts them.</remarks>
    public Task<IndexRebuild> RebuildIndexAsync(CancellationToken cancellationToken) =>
        MeetingStates.CountFromLogAsync(this, cancellationToken);
}
