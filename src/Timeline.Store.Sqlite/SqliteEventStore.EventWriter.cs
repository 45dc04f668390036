using Microsoft.Data.Sqlite;
using Timeline.Core.Chain;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <summary>
    /// The prepared statements of one append or restore transaction. Both write complete events through here, so a
    /// restored row is stored exactly as an appended one (search keys, instant formats).
    /// </summary>
    private sealed class EventWriter : IAsyncDisposable
    {
        private readonly SqliteCommand _streamVersion;
        private readonly SqliteCommand _nextSequence;
        private readonly SqliteCommand _claimCommand;
        private readonly SqliteCommand _insertEvent;
        private readonly SqliteCommand _sequenceOfEventId;
        private readonly SqliteCommand _lastHash;

        public EventWriter(SqliteConnection connection, SqliteTransaction transaction)
        {
            _streamVersion = Command(connection, transaction, "SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_id = $stream_id", "$stream_id");
            // AUTOINCREMENT's own counter: the highest sequence ever used, also by a restore or a rolled-back append.
            _nextSequence = Command(connection, transaction, "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) + 1");
            _claimCommand = Command(
                connection,
                transaction,
                """
                INSERT INTO commands (command_id, recorded_at, recorded_by) VALUES ($command_id, $recorded_at, $recorded_by)
                ON CONFLICT (command_id) DO NOTHING
                """,
                "$command_id", "$recorded_at", "$recorded_by");
            // An explicit value for an AUTOINCREMENT key also raises sqlite_sequence, so later appends go on after it.
            _insertEvent = Command(
                connection,
                transaction,
                """
                INSERT INTO events (
                    sequence, stream_id, stream_version, event_id, event_type, data, reported_at, reported_at_utc, recorded_at,
                    recorded_by, outlet, outlet_key, url, published_at, speaker, speaker_key, quote, command_id, hash)
                VALUES (
                    $sequence, $stream_id, $stream_version, $event_id, $event_type, $data, $reported_at, $reported_at_utc, $recorded_at,
                    $recorded_by, $outlet, $outlet_key, $url, $published_at, $speaker, $speaker_key, $quote, $command_id, $hash)
                """,
                "$sequence", "$stream_id", "$stream_version", "$event_id", "$event_type", "$data", "$reported_at", "$reported_at_utc", "$recorded_at",
                "$recorded_by", "$outlet", "$outlet_key", "$url", "$published_at", "$speaker", "$speaker_key", "$quote", "$command_id", "$hash");
            _sequenceOfEventId = Command(connection, transaction, "SELECT sequence FROM events WHERE event_id = $event_id", "$event_id");
            _lastHash = Command(connection, transaction, "SELECT sequence, hash FROM events ORDER BY sequence DESC LIMIT 1");
        }

        /// <summary>True for the error of an event id that is stored already.</summary>
        public static bool IsEventIdTaken(SqliteException e) => IsUniqueViolation(e, "events.event_id");

        public async Task<long> StreamVersionAsync(MeetingId stream, CancellationToken cancellationToken)
        {
            _streamVersion.Parameters["$stream_id"].Value = stream.Value;
            return (long)(await _streamVersion.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        public async Task<long> NextSequenceAsync(CancellationToken cancellationToken) =>
            (long)(await _nextSequence.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

        /// <summary>Stores the event's command id with its recordedAt and recordedBy; false when it is stored already.</summary>
        public async Task<bool> ClaimCommandAsync(StoredEvent stored, CancellationToken cancellationToken)
        {
            var p = _claimCommand.Parameters;
            p["$command_id"].Value = stored.CommandId;
            p["$recorded_at"].Value = stored.RecordedAt.ToString();
            p["$recorded_by"].Value = stored.RecordedBy;
            return await _claimCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }

        public async Task InsertAsync(StoredEvent stored, CancellationToken cancellationToken)
        {
            var p = _insertEvent.Parameters;
            var source = stored.Source;
            p["$sequence"].Value = stored.Sequence;
            p["$stream_id"].Value = stored.Stream.Value;
            p["$stream_version"].Value = stored.StreamVersion;
            p["$event_id"].Value = stored.EventId.ToString("D");
            p["$event_type"].Value = stored.EventType;
            p["$data"].Value = EventTypeMap.Serialize(stored.Event);
            p["$reported_at"].Value = stored.ReportedAt.Text;
            p["$reported_at_utc"].Value = EventQuery.ReportedAtKey(stored.ReportedAt.Instant);
            p["$recorded_at"].Value = stored.RecordedAt.ToString();
            p["$recorded_by"].Value = stored.RecordedBy;
            p["$outlet"].Value = Nullable(source.Outlet);
            p["$outlet_key"].Value = Nullable(EventQuery.SearchKey(source.Outlet));
            p["$url"].Value = Nullable(source.Url);
            p["$published_at"].Value = Nullable(source.PublishedAt);
            p["$speaker"].Value = Nullable(source.Speaker);
            p["$speaker_key"].Value = Nullable(EventQuery.SearchKey(source.Speaker));
            p["$quote"].Value = Nullable(source.Quote);
            p["$command_id"].Value = stored.CommandId;
            p["$hash"].Value = (stored.Hash ?? throw new ArgumentException($"the event at sequence {stored.Sequence} has no hash", nameof(stored))).Hex;
            await _insertEvent.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The hash of the last stored event, which the next append chains from; <see cref="EventHash.Genesis"/> for an
        /// empty store.
        /// </summary>
        /// <exception cref="InvalidDataException">The last event's hash is missing or damaged.</exception>
        public async Task<EventHash> LastHashAsync(CancellationToken cancellationToken)
        {
            await using var reader = await _lastHash.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return EventHash.Genesis;
            }
            var text = reader.IsDBNull(1) ? null : reader.GetString(1);
            return EventHash.TryParse(text, out var hash, out var error)
                ? hash
                : throw new InvalidDataException(
                    $"the last event (sequence {reader.GetInt64(0)}) has no valid hash ({error}), so no event can be chained after it; run 'timeline verify'");
        }

        /// <summary>The sequence of the stored event with this id.</summary>
        public async Task<long> SequenceOfAsync(Guid eventId, CancellationToken cancellationToken)
        {
            _sequenceOfEventId.Parameters["$event_id"].Value = eventId.ToString("D");
            return (long)(await _sequenceOfEventId.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in (SqliteCommand[])[_streamVersion, _nextSequence, _claimCommand, _insertEvent, _sequenceOfEventId, _lastHash])
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>A prepared statement of <paramref name="transaction"/> whose parameters all start as NULL.</summary>
        public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
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

        private static object Nullable(string? value) => (object?)value ?? DBNull.Value;
    }
}
