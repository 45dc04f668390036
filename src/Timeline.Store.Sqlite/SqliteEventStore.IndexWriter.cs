using Microsoft.Data.Sqlite;
using Timeline.Core.Index;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <summary>
    /// The prepared statements that keep the as-of index in one write transaction: a meeting's open rows read and
    /// advanced by <see cref="MeetingStates.Advance"/>, or all its rows replaced by those <see cref="MeetingStates.Of"/>
    /// computes from its whole stream, report days added, or everything dropped for a rebuild.
    /// </summary>
    private sealed class IndexWriter : IAsyncDisposable
    {
        /// <summary>Inserts one state; its parameters, by position: 1 meeting_id to 10 snapshot, as listed.</summary>
        private const string InsertStateSql = """
            INSERT INTO meeting_states (
                meeting_id, reported_from, reported_to, recorded_from, recorded_to, earliest_day, latest_day, dated, search_key, snapshot)
            VALUES ($meeting_id, $reported_from, $reported_to, $recorded_from, $recorded_to, $earliest_day, $latest_day, $dated, $search_key, $snapshot)
            RETURNING state_id
            """;

        /// <summary>
        /// Records that a meeting names a participant, unless it is recorded already; its parameters, by position:
        /// 1 participant, 2 meeting_id. Rows stay when a later state no longer names the participant: readers check
        /// each state's snapshot.
        /// </summary>
        private const string InsertParticipantSql =
            "INSERT INTO meeting_participants (participant, meeting_id) VALUES ($participant, $meeting_id) ON CONFLICT DO NOTHING";

        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly SqliteCommand _readStream;
        private readonly SqliteCommand _deleteBounds;
        private readonly SqliteCommand _deleteStates;
        private readonly SqliteCommand _insertBounds;
        private readonly SqliteCommand _addReportDay;
        private readonly SqliteCommand _readOpen;
        private readonly SqliteCommand _endState;
        private readonly SqliteCommand _endBounds;
        private readonly SqliteCommand _dropState;
        private readonly SqliteCommand _dropBounds;
        private PositionalStatement? _insertState;
        private PositionalStatement? _insertParticipant;

        public IndexWriter(SqliteConnection connection, SqliteTransaction transaction)
        {
            (_connection, _transaction) = (connection, transaction);
            _readStream = Command(SelectEvents + " WHERE stream_id = $stream_id ORDER BY stream_version", "$stream_id");
            _deleteBounds = Command(
                "DELETE FROM meeting_state_bounds WHERE state_id IN (SELECT state_id FROM meeting_states WHERE meeting_id = $meeting_id)",
                "$meeting_id");
            _deleteStates = Command("DELETE FROM meeting_states WHERE meeting_id = $meeting_id", "$meeting_id");
            _insertBounds = Command(
                """
                INSERT INTO meeting_state_bounds (state_id, first_day, last_day, reported_from, reported_to, recorded_from, recorded_to)
                VALUES ($state_id, $first_day, $last_day, $reported_from, $reported_to, $recorded_from, $recorded_to)
                """,
                "$state_id", "$first_day", "$last_day", "$reported_from", "$reported_to", "$recorded_from", "$recorded_to");
            _addReportDay = Command(
                """
                INSERT INTO report_days (day, recorded_at, reports) VALUES ($day, $recorded_at, $reports)
                ON CONFLICT (day, recorded_at) DO UPDATE SET reports = reports + excluded.reports
                """,
                "$day", "$recorded_at", "$reports");
            _readOpen = Command(
                "SELECT state_id, reported_from, reported_to, recorded_from, snapshot FROM meeting_states WHERE meeting_id = $meeting_id AND recorded_to = $open",
                "$meeting_id", "$open");
            _readOpen.Parameters["$open"].Value = MeetingStates.Open;
            _endState = Command("UPDATE meeting_states SET recorded_to = $recorded_to WHERE state_id = $state_id", "$recorded_to", "$state_id");
            _endBounds = Command("UPDATE meeting_state_bounds SET recorded_to = $recorded_to WHERE state_id = $state_id", "$recorded_to", "$state_id");
            _dropState = Command("DELETE FROM meeting_states WHERE state_id = $state_id", "$state_id");
            _dropBounds = Command("DELETE FROM meeting_state_bounds WHERE state_id = $state_id", "$state_id");
        }

        /// <summary>Every event of <paramref name="stream"/> as this transaction sees it, its own appends included.</summary>
        public async Task<List<StoredEvent>> ReadStreamAsync(SqliteEventStore store, MeetingId stream, CancellationToken cancellationToken)
        {
            _readStream.Parameters["$stream_id"].Value = stream.Value;
            var events = new List<StoredEvent>();
            await using var reader = await _readStream.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(store.ReadEvent(reader));
            }
            return events;
        }

        /// <summary>The open rows of <paramref name="stream"/> (those whose system-time interval is still open), by their reportedFrom.</summary>
        public async Task<Dictionary<long, (long StateId, HeldState State)>> ReadOpenAsync(MeetingId stream, CancellationToken cancellationToken)
        {
            _readOpen.Parameters["$meeting_id"].Value = stream.Value;
            var open = new Dictionary<long, (long, HeldState)>();
            await using var reader = await _readOpen.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var state = new HeldState(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4));
                open.Add(state.ReportedFrom, (reader.GetInt64(0), state));
            }
            return open;
        }

        /// <summary>
        /// Applies <paramref name="change"/> to <paramref name="open"/> (<see cref="ReadOpenAsync"/>'s answer): ended rows
        /// close at <paramref name="recordedAt"/>, or go when they held for no time at all; started rows are inserted.
        /// </summary>
        public async Task ApplyAsync(
            Dictionary<long, (long StateId, HeldState State)> open, MeetingStateChange change, long recordedAt, CancellationToken cancellationToken)
        {
            foreach (var ended in change.Ended)
            {
                var id = open[ended.ReportedFrom].StateId;
                var (state, bounds) = ended.EmptyWhenEndedAt(recordedAt) ? (_dropState, _dropBounds) : (_endState, _endBounds);
                foreach (var command in (SqliteCommand[])[bounds, state])
                {
                    command.Parameters["$state_id"].Value = id;
                    if (command.Parameters.Contains("$recorded_to"))
                    {
                        command.Parameters["$recorded_to"].Value = recordedAt;
                    }
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            await InsertAsync(change.Started, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Replaces the rows of <paramref name="stream"/> with <paramref name="rows"/> (all of that meeting's).</summary>
        public async Task ReplaceAsync(MeetingId stream, IReadOnlyList<MeetingStateRow> rows, CancellationToken cancellationToken)
        {
            _deleteBounds.Parameters["$meeting_id"].Value = stream.Value;
            await _deleteBounds.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _deleteStates.Parameters["$meeting_id"].Value = stream.Value;
            await _deleteStates.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await InsertAsync(rows, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Inserts <paramref name="rows"/>, which no stored row may overlap.</summary>
        public async Task InsertAsync(IReadOnlyList<MeetingStateRow> rows, CancellationToken cancellationToken)
        {
            foreach (var row in rows)
            {
                var id = InsertState(row);

                // The R*Tree keeps 32-bit floats, rounded outwards, so its boxes hold each row's exact bounds; queries
                // then check the exact bounds in meeting_states.
                var b = _insertBounds.Parameters;
                b["$state_id"].Value = id;
                b["$first_day"].Value = row.EarliestDay;
                b["$last_day"].Value = row.LatestDay;
                b["$reported_from"].Value = row.ReportedFrom;
                b["$reported_to"].Value = row.ReportedTo;
                b["$recorded_from"].Value = row.RecordedFrom;
                b["$recorded_to"].Value = row.RecordedTo;
                await _insertBounds.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Inserts <paramref name="rows"/> during a rebuild (<see cref="BeginRebuildAsync"/>): their states and
        /// participants only, as <see cref="EndRebuildAsync"/> fills the R*Tree from all of them at once.
        /// </summary>
        public void InsertRebuilt(IReadOnlyList<MeetingStateRow> rows)
        {
            foreach (var row in rows)
            {
                InsertState(row);
            }
        }

        /// <summary>Inserts one row into meeting_states and its meeting's participants; returns its state_id.</summary>
        private long InsertState(MeetingStateRow row)
        {
            _insertState ??= new PositionalStatement(_connection, InsertStateSql);
            _insertParticipant ??= new PositionalStatement(_connection, InsertParticipantSql);
            var id = _insertState
                .Bind(1, row.MeetingId).Bind(2, row.ReportedFrom).Bind(3, row.ReportedTo).Bind(4, row.RecordedFrom).Bind(5, row.RecordedTo)
                .Bind(6, row.EarliestDay).Bind(7, row.LatestDay).Bind(8, row.Dated ? 1 : 0).Bind(9, row.SearchKey).Bind(10, row.Snapshot)
                .Insert();
            foreach (var participant in row.Participants)
            {
                _insertParticipant.Bind(1, participant).Bind(2, row.MeetingId).Insert();
            }
            return id;
        }

        /// <summary>Adds <paramref name="rows"/> to the report-day counts.</summary>
        public async Task AddReportDaysAsync(IEnumerable<ReportDayRow> rows, CancellationToken cancellationToken)
        {
            foreach (var row in rows)
            {
                var p = _addReportDay.Parameters;
                p["$day"].Value = row.Day;
                p["$recorded_at"].Value = row.RecordedAt;
                p["$reports"].Value = row.Reports;
                await _addReportDay.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Empties the index for a rebuild, the cheap way: the R*Tree is dropped and created again empty (its rows go
        /// one at a time otherwise), and the secondary indexes of meeting_states are dropped, so the rows go in
        /// without them and <see cref="EndRebuildAsync"/> builds each once, sorted.
        /// </summary>
        /// <returns>The SQL that creates what was dropped, as sqlite_master keeps it (so it stays the schema's own).</returns>
        public async Task<IReadOnlyList<string>> BeginRebuildAsync(CancellationToken cancellationToken)
        {
            var dropped = new List<(string Type, string Name, string Sql)>();
            await using (var find = Command(
                """
                SELECT type, name, sql FROM sqlite_master
                WHERE (type = 'index' AND tbl_name = 'meeting_states' AND sql IS NOT NULL)
                   OR (type = 'table' AND name = 'meeting_state_bounds')
                ORDER BY type DESC, name
                """))
            {
                await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    dropped.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }
            foreach (var (type, name, _) in dropped)
            {
                // Names from sqlite_master, quoted as identifiers; DDL takes no parameters.
                await using var drop = Command($"DROP {(type == "table" ? "TABLE" : "INDEX")} \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
                await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            var tables = dropped.Where(d => d.Type == "table").Select(d => d.Sql).ToList();
            await ExecuteAllAsync(tables, cancellationToken).ConfigureAwait(false);
            await using (var clear = Command("DELETE FROM meeting_participants; DELETE FROM meeting_states; DELETE FROM report_days;"))
            {
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return [.. dropped.Where(d => d.Type == "index").Select(d => d.Sql)];
        }

        /// <summary>
        /// Ends a rebuild begun by <see cref="BeginRebuildAsync"/> once every row is in: fills the R*Tree from
        /// meeting_states in one statement (the same bounds <see cref="InsertAsync"/> gives each row) and creates the
        /// dropped <paramref name="indexes"/> again.
        /// </summary>
        public async Task EndRebuildAsync(IReadOnlyList<string> indexes, CancellationToken cancellationToken)
        {
            await ExecuteAllAsync(
                [
                    """
                    INSERT INTO meeting_state_bounds (state_id, first_day, last_day, reported_from, reported_to, recorded_from, recorded_to)
                    SELECT state_id, earliest_day, latest_day, reported_from, reported_to, recorded_from, recorded_to FROM meeting_states
                    """,
                    .. indexes,
                ],
                cancellationToken).ConfigureAwait(false);
        }

        private async Task ExecuteAllAsync(IEnumerable<string> statements, CancellationToken cancellationToken)
        {
            foreach (var sql in statements)
            {
                await using var command = Command(sql);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Records the format the index now has.</summary>
        public async Task SetFormatAsync(int version, CancellationToken cancellationToken)
        {
            await using var set = Command("UPDATE index_format SET version = $version", "$version");
            set.Parameters["$version"].Value = version;
            await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            _insertState?.Dispose();
            _insertParticipant?.Dispose();
            foreach (var command in (SqliteCommand[])[_readStream, _deleteBounds, _deleteStates, _insertBounds, _addReportDay, _readOpen, _endState, _endBounds, _dropState, _dropBounds])
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }

        private SqliteCommand Command(string sql, params string[] parameters) => EventWriter.Command(_connection, _transaction, sql, parameters);
    }
}
