using Microsoft.Data.Sqlite;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    private const int SQLITE_CONSTRAINT = 19;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// A stream appears twice, has no events or a negative expected version, or an event lacks a command id.
    /// </exception>
    /// <exception cref="InvalidOperationException">An event id is already stored (event ids must be new).</exception>
    public async Task<IReadOnlyList<StoredEvent>> AppendAsync(
        IReadOnlyList<StreamAppend> appends, string recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        StreamAppend.EnsureWellFormed(appends);
        if (appends.Count == 0)
        {
            return [];
        }
        // Writers of this instance queue here without blocking a thread; other processes wait on SQLite's lock.
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            // IMMEDIATE: take the write lock before reading versions, so no other writer can move a stream between
            // the check and the insert. Disposing the transaction without a commit rolls everything back.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var recordedAt = StoredTime.TruncateToMicroseconds(_clock.GetUtcNow());
            await using var writer = new AppendWriter(connection, transaction, recordedAt, recordedBy);
            var stored = new List<StoredEvent>(appends.Sum(a => a.Events.Count));
            foreach (var append in appends)
            {
                await writer.AppendAsync(append, stored, cancellationToken).ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
        catch (SqliteException e) when ((e.SqliteErrorCode & 0xFF) == SQLITE_CONSTRAINT && e.Message.Contains("events.event_id", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"an event id of this append is already stored in '{DataSource}' (or given twice); each event needs a new id", e);
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

    /// <summary>The prepared statements of one append transaction, reused for every stream and event in it.</summary>
    private sealed class AppendWriter : IAsyncDisposable
    {
        private readonly SqliteCommand _streamVersion;
        private readonly SqliteCommand _insertCommand;
        private readonly SqliteCommand _insertEvent;
        private readonly HashSet<string> _commandsOfThisAppend = new(StringComparer.Ordinal);
        private readonly DateTimeOffset _recordedAt;
        private readonly string _recordedBy;

        public AppendWriter(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset recordedAt, string recordedBy)
        {
            _recordedAt = recordedAt;
            _recordedBy = recordedBy;
            var recordedAtText = StoredTime.FormatMicroseconds(recordedAt);

            _streamVersion = Command(connection, transaction, "SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_id = $stream_id", "$stream_id");

            _insertCommand = Command(
                connection,
                transaction,
                """
                INSERT INTO commands (command_id, recorded_at, recorded_by) VALUES ($command_id, $recorded_at, $recorded_by)
                ON CONFLICT (command_id) DO NOTHING
                """,
                "$command_id",
                "$recorded_at",
                "$recorded_by");
            _insertCommand.Parameters["$recorded_at"].Value = recordedAtText;
            _insertCommand.Parameters["$recorded_by"].Value = recordedBy;

            _insertEvent = Command(
                connection,
                transaction,
                """
                INSERT INTO events (
                    stream_id, stream_version, event_id, event_type, data, reported_at, reported_at_utc, recorded_at,
                    recorded_by, outlet, outlet_key, url, published_at, speaker, speaker_key, quote, command_id)
                VALUES (
                    $stream_id, $stream_version, $event_id, $event_type, $data, $reported_at, $reported_at_utc, $recorded_at,
                    $recorded_by, $outlet, $outlet_key, $url, $published_at, $speaker, $speaker_key, $quote, $command_id)
                RETURNING sequence
                """,
                "$stream_id", "$stream_version", "$event_id", "$event_type", "$data", "$reported_at", "$reported_at_utc", "$recorded_at",
                "$recorded_by", "$outlet", "$outlet_key", "$url", "$published_at", "$speaker", "$speaker_key", "$quote", "$command_id");
            _insertEvent.Parameters["$recorded_at"].Value = recordedAtText;
            _insertEvent.Parameters["$recorded_by"].Value = recordedBy;
        }

        public async Task AppendAsync(StreamAppend append, List<StoredEvent> stored, CancellationToken cancellationToken)
        {
            _streamVersion.Parameters["$stream_id"].Value = append.Stream.Value;
            var actual = (long)(await _streamVersion.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (actual != append.ExpectedVersion)
            {
                throw new WriteConflict(
                    $"meeting '{append.Stream}' is at version {actual}, not {append.ExpectedVersion} as expected; "
                    + (actual > append.ExpectedVersion ? "another writer got there first" : "the expected version is ahead of the stream"),
                    append.Stream,
                    append.ExpectedVersion,
                    actual);
            }

            var version = append.ExpectedVersion;
            foreach (var pending in append.Events)
            {
                if (_commandsOfThisAppend.Add(pending.CommandId))
                {
                    _insertCommand.Parameters["$command_id"].Value = pending.CommandId;
                    if (await _insertCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        throw new WriteConflict(
                            $"command '{pending.CommandId}' is already stored; another writer applied it first (meeting '{append.Stream}')");
                    }
                }

                version++;
                var eventType = EventTypeMap.NameOf(pending.Event);
                var source = pending.Source;
                BindEventRow(
                    _insertEvent.Parameters, append.Stream, version, pending.EventId, eventType, pending.Event, pending.ReportedAt, source, pending.CommandId);
                var sequence = (long)(await _insertEvent.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

                stored.Add(new StoredEvent(
                    sequence,
                    append.Stream,
                    version,
                    pending.EventId,
                    eventType,
                    pending.Event,
                    pending.ReportedAt,
                    _recordedAt,
                    _recordedBy,
                    source,
                    pending.CommandId));
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _streamVersion.DisposeAsync().ConfigureAwait(false);
            await _insertCommand.DisposeAsync().ConfigureAwait(false);
            await _insertEvent.DisposeAsync().ConfigureAwait(false);
        }

    }

    /// <summary>A prepared statement of <paramref name="transaction"/> whose parameters all start as NULL.</summary>
    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }
        return command;
    }

    /// <summary>
    /// Sets every column of an events row except sequence, recorded_at and recorded_by. Append and restore both write
    /// rows through here, so a restored row is stored exactly as an appended one (search keys, instant formats).
    /// </summary>
    private static void BindEventRow(
        SqliteParameterCollection p,
        MeetingId stream,
        long streamVersion,
        Guid eventId,
        string eventType,
        MeetingEvent @event,
        ReportedAt reportedAt,
        Source source,
        string commandId)
    {
        p["$stream_id"].Value = stream.Value;
        p["$stream_version"].Value = streamVersion;
        p["$event_id"].Value = eventId.ToString("D");
        p["$event_type"].Value = eventType;
        p["$data"].Value = EventTypeMap.Serialize(@event);
        p["$reported_at"].Value = reportedAt.Text;
        p["$reported_at_utc"].Value = StoredTime.FormatTicks(reportedAt.Instant);
        p["$outlet"].Value = Nullable(source.Outlet);
        p["$outlet_key"].Value = Nullable(EventQuery.SearchKey(source.Outlet));
        p["$url"].Value = Nullable(source.Url);
        p["$published_at"].Value = Nullable(source.PublishedAt);
        p["$speaker"].Value = Nullable(source.Speaker);
        p["$speaker_key"].Value = Nullable(EventQuery.SearchKey(source.Speaker));
        p["$quote"].Value = Nullable(source.Quote);
        p["$command_id"].Value = commandId;
    }

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;
}
