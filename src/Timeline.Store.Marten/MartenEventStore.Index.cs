using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;
using Marten.Linq.MatchesSql;
using Marten.Services;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Core.Telemetry;

namespace Timeline.Store.Marten;

/// <remarks>
/// <b>The as-of index</b> is Marten documents written by an inline projection (<see cref="MeetingStatesProjection"/>) in
/// each append's transaction: <see cref="MeetingStateDocument"/>s, <see cref="ReportDayDocument"/>s and the
/// <see cref="IndexFormatDocument"/> that says which <see cref="MeetingStates.FormatVersion"/> built them. On first use an
/// index that is missing or of an older format is rebuilt from the log; so is the index after a restore.
/// </remarks>
public sealed partial class MartenEventStore
{
    private volatile bool _indexReady;

    /// <inheritdoc />
    public async Task<IReadOnlyList<MeetingSnapshot>> ReadStatesAsync(StateQuery query, CancellationToken cancellationToken) =>
        await StreamStatesAsync(query, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>
    /// Marten's LINQ query streamed (<c>ToAsyncEnumerable</c>) from one session that stays open while the caller
    /// enumerates. It selects the snapshot alone (<c>data ->> 'snapshot'</c>), so each row is read as text once rather
    /// than as a whole document whose snapshot is then read again.
    /// </remarks>
    public async IAsyncEnumerable<MeetingSnapshot> StreamStatesAsync(StateQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = TimelineTelemetry.StartStoreActivity("read", "postgresql");
        ArgumentNullException.ThrowIfNull(query);
        await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        await using var session = _store.QuerySession();
        await using var snapshots = States(session, query).Select(d => d.Snapshot).ToAsyncEnumerable(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await NextAsync(snapshots).ConfigureAwait(false))
        {
            yield return MeetingStates.Read(snapshots.Current);
        }
    }

    /// <summary>
    /// The documents that answer <paramref name="query"/>, in Marten's LINQ. The interval and window conditions are SQL
    /// fragments (MatchesSql) because Marten's LINQ has no range operators, and PostgreSQL's range containment and
    /// overlap are what the GiST index of <see cref="IndexTables"/> serves; the fragments name the duplicated columns.
    /// A query for named meetings compares the interval columns instead, which the GiST index cannot serve: the
    /// meeting-id index then finds the few rows of those meetings. Given the range conditions, the planner took the
    /// GiST index for them as well whenever the index had no statistics yet (after a rebuild, before autovacuum
    /// analysed it: it guesses one row for <c>@&gt;</c>) and sifted every state that holds at those times for one meeting.
    /// </summary>
    private static IQueryable<MeetingStateDocument> States(IQuerySession session, StateQuery query)
    {
        var (asOf, recordedAsOf) = (query.AsOfKey, query.RecordedAsOfKey);
        IQueryable<MeetingStateDocument> states;
        if (query.Meetings is { } meetings)
        {
            var ids = meetings.Select(m => m.Value).ToArray();
            states = session.Query<MeetingStateDocument>().Where(d => ids.Contains(d.MeetingId)
                && d.ReportedFrom <= asOf && asOf < d.ReportedTo && d.RecordedFrom <= recordedAsOf && recordedAsOf < d.RecordedTo);
        }
        else
        {
            states = session.Query<MeetingStateDocument>().Where(d => d.MatchesSql(
                $"{IndexTables.KnowledgeRange} @> ?::bigint AND {IndexTables.SystemRange} @> ?::bigint", asOf, recordedAsOf));
        }
        if (query.Windowed)
        {
            states = states.Where(d => d.Dated && d.MatchesSql($"{IndexTables.DayRange} && int4range(?, ?, '[]')", query.FromDay, query.ToDay));
        }
        if (query.ParticipantKey is { } participant)
        {
            states = states.Where(d => d.Participants.Contains(participant));
        }
        if (query.SearchText is { } search)
        {
            states = states.Where(d => d.SearchKey.Contains(search));
        }
        if (query.After is { } after)
        {
            // A row comparison, with the id in collation C (ordinal), which Marten's LINQ cannot write.
            states = states.Where(d => d.MatchesSql(
                "(earliest_day, latest_day, meeting_id COLLATE \"C\") > (?::integer, ?::integer, ?::varchar COLLATE \"C\")",
                after.EarliestDay, after.LatestDay, after.Id));
        }
        // The id in collation C as well, as the cursor compares it: in the database's own collation (en_US.UTF-8 ignores
        // hyphens) LIMIT would cut the list in another order than the one the next page goes on from.
        states = states.OrderBy(d => d.EarliestDay).ThenBy(d => d.LatestDay).ThenBySql("meeting_id COLLATE \"C\"");
        return query.Limit is { } limit ? states.Take(limit) : states;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportDay>> ReadReportDaysAsync(Cutoff? recordedAsOf, CancellationToken cancellationToken)
    {
        using var activity = TimelineTelemetry.StartStoreActivity("read", "postgresql");
        await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var key = (StateQuery.Now with { RecordedAsOf = recordedAsOf }).RecordedAsOfKey;
            await using var session = _store.QuerySession();
            var days = await session.Query<ReportDayDocument>().Where(d => d.RecordedAt <= key).ToListAsync(cancellationToken).ConfigureAwait(false);
            return MeetingStates.CountDays(days.Select(d => d.ToRow()), recordedAsOf);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Under the writer lock, in one transaction: deletes every index document, reads the log once in stream order
    /// (Marten's LINQ over its events), computes each meeting's rows with <see cref="MeetingStates.Of"/> and stores them,
    /// then the report days and the format version.
    /// </remarks>
    public async Task<IndexRebuild> RebuildIndexAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var rebuilt = await RebuildAsync(onlyIfStale: false, cancellationToken).ConfigureAwait(false);
            _indexReady = true;
            return rebuilt!;
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Rebuilds an index that is missing or of an older format, once per instance, before the first read of it.</summary>
    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (_indexReady)
        {
            return;
        }
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RebuildAsync(onlyIfStale: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
        _indexReady = true;
    }

    /// <summary>Npgsql's command timeout that sets no limit.</summary>
    private const int Unlimited = 0;

    /// <returns>What was rebuilt; null when <paramref name="onlyIfStale"/> found the index current.</returns>
    private async Task<IndexRebuild?> RebuildAsync(bool onlyIfStale, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockWritersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        // No time limit per statement: deleting every index document at once takes longer the larger the store (at a
        // million events, well past Npgsql's 30 s default). Cancelling the token stops a rebuild.
        var options = SessionOptions.ForTransaction(transaction);
        options.Timeout = Unlimited;
        await using var session = _store.LightweightSession(options);
        var format = await session.LoadAsync<IndexFormatDocument>(IndexFormatDocument.MeetingStates, cancellationToken).ConfigureAwait(false);
        if (format?.Version > MeetingStates.FormatVersion)
        {
            throw new InvalidDataException(
                $"the as-of index in the Timeline schema '{_schema}' of {Where} has format {format.Version}, but this Timeline knows formats up to {MeetingStates.FormatVersion}; use a newer Timeline");
        }
        if (onlyIfStale && format?.Version == MeetingStates.FormatVersion)
        {
            return null;
        }
        // Soft deletes (see ReportDayDocument): every document, whatever it holds.
        session.DeleteWhere<MeetingStateDocument>(d => d.RecordedFrom >= long.MinValue);
        session.DeleteWhere<ReportDayDocument>(d => d.RecordedAt >= long.MinValue);
        await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var tally = new RebuildTally();
        await using (var reader = _store.QuerySession(new SessionOptions { Timeout = Unlimited }))
        {
            var log = reader.Events.QueryAllRawEvents()
                .Where(e => e.StreamKey != TombstoneStream)
                .OrderBy(e => e.StreamKey).ThenBy(e => e.Version)
                .ToAsyncEnumerable(cancellationToken)
                .Select(raw => ToStoredEvent(raw));
            await foreach (var batch in MeetingStates.FoldAllAsync(log, cancellationToken).ConfigureAwait(false))
            {
                foreach (var folded in batch)
                {
                    session.Insert([.. folded.Rows.Select(MeetingStateDocument.Of)]);
                    tally.Add(folded);
                }
                await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        session.Insert([.. tally.Days.Select(ReportDayDocument.Of)]);
        session.Store(new IndexFormatDocument { Version = MeetingStates.FormatVersion });
        // Raw SQL, as Marten has no API for it: the planner's statistics of the documents just rewritten, and of the
        // GiST index's expressions, which only ANALYZE gathers. Without them, until autovacuum came by, it guessed one
        // row for a range condition and planned one meeting's read as a scan of every state that holds now (2 to 5 ms
        // instead of 0.1 at 20,000 events, growing with the store). In the rebuild's transaction, ANALYZE samples the
        // new documents too; a role that does not own the table gets a warning, not an error, and the statistics come
        // with autovacuum.
        session.QueueSqlCommand($"ANALYZE {_schema}.{IndexTables.StateTable}");
        await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return tally.Result();
    }
}
