using Microsoft.Data.Sqlite;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    /// <remarks>
    /// <para>
    /// Runs in one IMMEDIATE transaction: the write lock is taken, then the store is checked to be empty, so of two
    /// restores into one file (from this process or another) exactly one succeeds. Appends wait meanwhile.
    /// </para>
    /// <para>
    /// The input is read one event at a time and checked as it goes; memory grows only with the number of streams.
    /// Sequences are stored as given, gaps included, and <c>sqlite_sequence</c> then makes the next append take
    /// the highest restored sequence + 1. The <c>commands</c> table gets one row per command id, with the recordedAt
    /// and recordedBy of its first event, so the restored commands stay duplicates.
    /// </para>
    /// <para>
    /// Beyond the interface: <see cref="InvalidDataException"/> also for a repeated event id, an empty entry or field,
    /// an event type that does not match the event, or a recordedAt finer than a microsecond (which this store
    /// cannot keep exactly). Each message names the file and the offending sequence. An exception thrown by the
    /// input itself propagates unchanged, and nothing is written.
    /// </para>
    /// </remarks>
    public async Task<long> RestoreAsync(IAsyncEnumerable<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            // Disposing the transaction without a commit rolls everything back, whatever made us leave.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await EnsureEmptyAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

            var check = new RestoreCheck(DataSource);
            await using var writer = new RestoreWriter(connection, transaction, DataSource);
            await foreach (var stored in events.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                // An input that ignores the token must still not run to the end after a cancel.
                cancellationToken.ThrowIfCancellationRequested();
                check.Accept(stored);
                await writer.InsertAsync(stored, cancellationToken).ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return check.Count;
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

    private async Task EnsureEmptyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT (SELECT COUNT(*) FROM events), EXISTS (SELECT 1 FROM commands)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var events = reader.GetInt64(0);
        if (events > 0)
        {
            throw new StoreNotEmpty(
                $"the Timeline store '{DataSource}' already holds {events} event(s); restore only into a new, empty store");
        }
        if (reader.GetBoolean(1))
        {
            // Appends never store a command without its events, so this file was edited by hand.
            throw new StoreNotEmpty(
                $"the Timeline store '{DataSource}' holds no events but has stored command ids; restore only into a new, empty store");
        }
    }

    /// <summary>What a restore checks of its input, one event at a time, before writing it.</summary>
    private sealed class RestoreCheck(string dataSource)
    {
        // The last version of every stream seen so far: the only state that grows with the input.
        private readonly Dictionary<MeetingId, long> _versions = [];
        private long _lastSequence;

        public long Count { get; private set; }

        public void Accept(StoredEvent? stored)
        {
            if (stored is null)
            {
                throw Invalid($"the entry after sequence {_lastSequence} is empty");
            }
            var sequence = stored.Sequence;
            if (Count == 0 && sequence < 1)
            {
                throw Invalid($"the first event has sequence {sequence}; sequences start at 1");
            }
            if (Count > 0 && sequence <= _lastSequence)
            {
                throw Invalid($"the event at sequence {sequence} comes after sequence {_lastSequence}; sequences must increase strictly");
            }
            if (stored.Stream.Value is null || stored.Event is null || stored.ReportedAt is null || stored.Source is null
                || stored.RecordedBy is null || string.IsNullOrEmpty(stored.EventType) || string.IsNullOrEmpty(stored.CommandId))
            {
                throw Invalid($"the event at sequence {sequence} lacks its stream, event, event type, reportedAt, source, recordedBy or command id");
            }
            var current = _versions.GetValueOrDefault(stored.Stream);
            if (stored.StreamVersion != current + 1)
            {
                throw Invalid(
                    $"the event at sequence {sequence} is version {stored.StreamVersion} of meeting '{stored.Stream}', "
                    + (current == 0 ? "whose first event must be version 1" : $"which is at version {current}, so version {current + 1} must come next"));
            }
            var eventType = EventTypeMap.NameOf(stored.Event);
            if (!string.Equals(stored.EventType, eventType, StringComparison.Ordinal))
            {
                throw Invalid($"the event at sequence {sequence} is typed '{stored.EventType}' but holds a {stored.Event.GetType().Name} ('{eventType}')");
            }
            if (!StoredTime.IsWholeMicroseconds(stored.RecordedAt))
            {
                throw Invalid(
                    $"the event at sequence {sequence} was recorded at {stored.RecordedAt:O}, finer than the whole microseconds a store keeps");
            }
            _versions[stored.Stream] = stored.StreamVersion;
            _lastSequence = sequence;
            Count++;
        }

        private InvalidDataException Invalid(string problem) =>
            new($"cannot restore into the Timeline store '{dataSource}': {problem}; nothing was written");
    }

    /// <summary>The prepared statements of one restore transaction.</summary>
    private sealed class RestoreWriter : IAsyncDisposable
    {
        private readonly SqliteCommand _insertCommand;
        private readonly SqliteCommand _insertEvent;
        private readonly SqliteCommand _sequenceOfEventId;
        private readonly string _dataSource;

        public RestoreWriter(SqliteConnection connection, SqliteTransaction transaction, string dataSource)
        {
            _dataSource = dataSource;

            // Events come in sequence order, so the first event of a command sets its row and later ones leave it.
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

            // An explicit value for an AUTOINCREMENT key also raises sqlite_sequence, so appends go on after it.
            _insertEvent = Command(
                connection,
                transaction,
                """
                INSERT INTO events (
                    sequence, stream_id, stream_version, event_id, event_type, data, reported_at, reported_at_utc, recorded_at,
                    recorded_by, outlet, outlet_key, url, published_at, speaker, speaker_key, quote, command_id)
                VALUES (
                    $sequence, $stream_id, $stream_version, $event_id, $event_type, $data, $reported_at, $reported_at_utc, $recorded_at,
                    $recorded_by, $outlet, $outlet_key, $url, $published_at, $speaker, $speaker_key, $quote, $command_id)
                """,
                "$sequence", "$stream_id", "$stream_version", "$event_id", "$event_type", "$data", "$reported_at", "$reported_at_utc", "$recorded_at",
                "$recorded_by", "$outlet", "$outlet_key", "$url", "$published_at", "$speaker", "$speaker_key", "$quote", "$command_id");

            _sequenceOfEventId = Command(connection, transaction, "SELECT sequence FROM events WHERE event_id = $event_id", "$event_id");
        }

        public async Task InsertAsync(StoredEvent stored, CancellationToken cancellationToken)
        {
            var recordedAt = StoredTime.FormatMicroseconds(stored.RecordedAt);

            _insertCommand.Parameters["$command_id"].Value = stored.CommandId;
            _insertCommand.Parameters["$recorded_at"].Value = recordedAt;
            _insertCommand.Parameters["$recorded_by"].Value = stored.RecordedBy;
            await _insertCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            var p = _insertEvent.Parameters;
            BindEventRow(
                p, stored.Stream, stored.StreamVersion, stored.EventId, stored.EventType, stored.Event, stored.ReportedAt, stored.Source, stored.CommandId);
            p["$sequence"].Value = stored.Sequence;
            p["$recorded_at"].Value = recordedAt;
            p["$recorded_by"].Value = stored.RecordedBy;
            try
            {
                await _insertEvent.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e) when ((e.SqliteErrorCode & 0xFF) == SQLITE_CONSTRAINT && e.Message.Contains("events.event_id", StringComparison.Ordinal))
            {
                // Only the failed statement was undone; the transaction can still say which event had the id first.
                _sequenceOfEventId.Parameters["$event_id"].Value = stored.EventId.ToString("D");
                var first = await _sequenceOfEventId.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                throw new InvalidDataException(
                    $"cannot restore into the Timeline store '{_dataSource}': the event at sequence {stored.Sequence} has event id {stored.EventId}, "
                    + $"already used by the event at sequence {first}; nothing was written",
                    e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _insertCommand.DisposeAsync().ConfigureAwait(false);
            await _insertEvent.DisposeAsync().ConfigureAwait(false);
            await _sequenceOfEventId.DisposeAsync().ConfigureAwait(false);
        }
    }
}
