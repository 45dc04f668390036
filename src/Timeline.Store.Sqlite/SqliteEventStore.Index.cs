using Timeline.Core.Index;
using Timeline.Core.Knowledge;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    // Interim, until the as-of index is kept in tables of the file: every answer computes the rows
    // from the streams it reads, with the same pure function, so it is exact but costs what the log costs. The inline
    // Those tables replace these three members.

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
