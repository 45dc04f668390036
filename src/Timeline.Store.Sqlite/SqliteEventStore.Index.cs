using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Core.Telemetry;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<MeetingSnapshot>> ReadStatesAsync(StateQuery query, CancellationToken cancellationToken) =>
        await StreamStatesAsync(query, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>
    /// One statement, driven by the narrowest filter given: the meetings named, else the date window (through the
    /// R*Tree <c>meeting_state_bounds</c>, which also narrows both times), else the participant, else the schedule's
    /// order from the cursor on. Every other filter and the exact interval bounds are checked on the rows it reaches.
    /// A participant narrows only to the meetings that ever named them (<c>meeting_participants</c>); whether a state
    /// names them is checked on its snapshot (<see cref="StateQuery.Admits"/>), so with a participant the limit is
    /// applied here rather than in SQL. Its rows are read one at a time from an open connection while the caller
    /// enumerates; WAL mode lets writers go on meanwhile.
    /// </remarks>
    public async IAsyncEnumerable<MeetingSnapshot> StreamStatesAsync(StateQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = TimelineTelemetry.StartStoreActivity("read", "sqlite");
        ArgumentNullException.ThrowIfNull(query);
        var states = StreamRowsAsync(
            OpenAsync,
            command => command.CommandText = StatesSql(query, command.Parameters),
            reader => MeetingStates.Read(reader.GetString(0)),
            cancellationToken);
        var left = query.Limit ?? int.MaxValue;
        await foreach (var state in states.ConfigureAwait(false))
        {
            if (left == 0)
            {
                yield break;
            }
            if (query.Admits(state))
            {
                left--;
                yield return state;
            }
        }
    }

    /// <summary>The SQL for a state query. Only fixed text is concatenated here; every value goes in a parameter.</summary>
    private static string StatesSql(StateQuery query, SqliteParameterCollection parameters)
    {
        parameters.AddWithValue("$as_of", query.AsOfKey);
        parameters.AddWithValue("$recorded_as_of", query.RecordedAsOfKey);
        var sql = new StringBuilder("SELECT s.snapshot FROM ");
        if (query.Meetings is { } meetings)
        {
            sql.Append("meeting_states s WHERE s.meeting_id IN (SELECT value FROM json_each($meetings))");
            parameters.AddWithValue("$meetings", JsonArray(meetings.Select(m => m.Value)));
        }
        else if (query.Windowed)
        {
            sql.Append("""
                meeting_state_bounds b CROSS JOIN meeting_states s ON s.state_id = b.state_id
                WHERE b.first_day <= $to_day AND b.last_day >= $from_day
                  AND b.reported_from <= $as_of AND b.reported_to >= $as_of AND b.recorded_from <= $recorded_as_of AND b.recorded_to >= $recorded_as_of
                """);
        }
        else if (query.ParticipantKey is not null)
        {
            sql.Append("meeting_participants p CROSS JOIN meeting_states s ON s.meeting_id = p.meeting_id WHERE p.participant = $participant");
        }
        else
        {
            sql.Append("meeting_states s INDEXED BY meeting_states_in_schedule_order WHERE 1");
        }
        sql.Append(" AND s.reported_from <= $as_of AND $as_of < s.reported_to AND s.recorded_from <= $recorded_as_of AND $recorded_as_of < s.recorded_to");
        if (query.Windowed)
        {
            sql.Append(" AND s.dated = 1 AND s.earliest_day <= $to_day AND s.latest_day >= $from_day");
            parameters.AddWithValue("$from_day", query.FromDay);
            parameters.AddWithValue("$to_day", query.ToDay);
        }
        if (query.ParticipantKey is { } participant)
        {
            if (query.Meetings is not null || query.Windowed)
            {
                sql.Append(" AND s.meeting_id IN (SELECT meeting_id FROM meeting_participants WHERE participant = $participant)");
            }
            parameters.AddWithValue("$participant", participant);
        }
        if (query.SearchText is { } search)
        {
            // instr, not LIKE: the text is plain, so % and _ in it match themselves.
            sql.Append(" AND instr(s.search_key, $search) > 0");
            parameters.AddWithValue("$search", search);
        }
        if (query.After is { } after)
        {
            sql.Append(" AND (s.earliest_day, s.latest_day, s.meeting_id) > ($after_earliest, $after_latest, $after_id)");
            parameters.AddWithValue("$after_earliest", after.EarliestDay);
            parameters.AddWithValue("$after_latest", after.LatestDay);
            parameters.AddWithValue("$after_id", after.Id);
        }
        sql.Append(" ORDER BY s.earliest_day, s.latest_day, s.meeting_id");
        if (query.Limit is { } limit && query.ParticipantKey is null)
        {
            sql.Append(" LIMIT $limit");
            parameters.AddWithValue("$limit", limit);
        }
        return sql.ToString();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportDay>> ReadReportDaysAsync(Cutoff? recordedAsOf, CancellationToken cancellationToken)
    {
        using var activity = TimelineTelemetry.StartStoreActivity("read", "sqlite");
        return await RowsAsync(
            OpenAsync,
            command =>
            {
                command.CommandText = "SELECT day, SUM(reports) FROM report_days WHERE recorded_at <= $recorded_as_of GROUP BY day ORDER BY day";
                command.Parameters.AddWithValue("$recorded_as_of", (StateQuery.Now with { RecordedAsOf = recordedAsOf }).RecordedAsOfKey);
            },
            reader => new ReportDay(DateOnly.FromDayNumber(reader.GetInt32(0)), reader.GetInt32(1)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>In one IMMEDIATE transaction, so appends wait and readers see the old index until it commits.</remarks>
    public async Task<IndexRebuild> RebuildIndexAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var rebuilt = await RebuildAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return rebuilt;
        }
        catch (SqliteException e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Recomputes every index row from the log within <paramref name="transaction"/>: the log is read once in stream
    /// order and folded in parallel batches (<see cref="MeetingStates.FoldAllAsync"/>), written without the R*Tree and
    /// the secondary indexes, which are built once at the end (<see cref="IndexWriter.BeginRebuildAsync"/>).
    /// </summary>
    private async Task<IndexRebuild> RebuildAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var index = new IndexWriter(connection, transaction);
        var indexes = await index.BeginRebuildAsync(cancellationToken).ConfigureAwait(false);
        var tally = new RebuildTally();
        await foreach (var batch in MeetingStates.FoldAllAsync(ReadLogInStreamOrderAsync(connection, transaction, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            foreach (var folded in batch)
            {
                index.InsertRebuilt(folded.Rows);
                tally.Add(folded);
            }
        }
        await index.EndRebuildAsync(indexes, cancellationToken).ConfigureAwait(false);
        await index.AddReportDaysAsync(tally.Days, cancellationToken).ConfigureAwait(false);
        await index.SetFormatAsync(MeetingStates.FormatVersion, cancellationToken).ConfigureAwait(false);
        return tally.Result();
    }

    /// <summary>Every event, each stream's together in version order, read within <paramref name="transaction"/>.</summary>
    private async IAsyncEnumerable<StoredEvent> ReadLogInStreamOrderAsync(
        SqliteConnection connection, SqliteTransaction transaction, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var read = EventWriter.Command(connection, transaction, SelectEvents + " ORDER BY stream_id, stream_version");
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadEvent(reader);
        }
    }

    /// <summary>
    /// Brings the index in step with a write transaction, in it, just before it commits: each meeting it touched has
    /// its open rows advanced to <paramref name="recordedAt"/> (<see cref="MeetingStates.Advance"/>), once however many
    /// batches touched it; a stream with anything recorded later (a clock set back) has its rows computed afresh. A
    /// stream the appends brought whole is not read again.
    /// </summary>
    private async Task IndexTouchedAsync(
        SqliteConnection connection, SqliteTransaction transaction, TouchedStreams touched, RecordedAt recordedAt, CancellationToken cancellationToken)
    {
        var ticks = recordedAt.Instant.UtcTicks;
        await using var index = new IndexWriter(connection, transaction);
        foreach (var stream in touched.Streams)
        {
            var events = touched.WholeStream(stream) ?? await index.ReadStreamAsync(this, stream, cancellationToken).ConfigureAwait(false);
            var open = await index.ReadOpenAsync(stream, cancellationToken).ConfigureAwait(false);
            if (!MeetingStates.CanAdvance(events, open.Values.Select(o => o.State.RecordedFrom), ticks))
            {
                await index.ReplaceAsync(stream, MeetingStates.Of(events), cancellationToken).ConfigureAwait(false);
                continue;
            }
            var change = MeetingStates.Advance(events, [.. open.Values.Select(o => o.State)], ticks);
            await index.ApplyAsync(open, change, ticks, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds the report days of events a write transaction stored.</summary>
    private static async Task IndexReportDaysAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<StoredEvent> stored, CancellationToken cancellationToken)
    {
        await using var index = new IndexWriter(connection, transaction);
        await index.AddReportDaysAsync(MeetingStates.ReportDays(stored), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rebuilds the index when it was built by an older <see cref="MeetingStates.FormatVersion"/> (or never).</summary>
    private async Task RebuildOutdatedIndexAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (await IndexFormatAsync(connection, null, cancellationToken).ConfigureAwait(false) >= MeetingStates.FormatVersion)
        {
            return;
        }
        await using var transaction = connection.BeginTransaction(deferred: false);
        // Another process may have rebuilt it while this one waited for the write lock.
        if (await IndexFormatAsync(connection, transaction, cancellationToken).ConfigureAwait(false) < MeetingStates.FormatVersion)
        {
            await RebuildAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long> IndexFormatAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM index_format";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
