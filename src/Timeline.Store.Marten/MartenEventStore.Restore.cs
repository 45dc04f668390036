using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Marten;

public sealed partial class MartenEventStore
{
    /// <summary>The tenant Marten gives every event of a store without tenancy.</summary>
    private const string DefaultTenant = "*DEFAULT*";

    /// <inheritdoc />
    /// <remarks>
    /// Streams the events through a temporary table (binary COPY, so memory stays flat), then fills
    /// <c>mt_streams</c>, <c>mt_events</c> and <c>timeline_commands</c> from it and moves Marten's event sequence to
    /// the highest restored sequence, all in one transaction under the writer lock. Sequence, stream version, event
    /// id, recordedAt and recordedBy are written as given, not assigned.
    /// </remarks>
    public async Task<long> RestoreAsync(IAsyncEnumerable<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockWritersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await EnsureEmptyAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, """
                CREATE TEMPORARY TABLE timeline_restore (
                    seq_id bigint NOT NULL, stream_id varchar NOT NULL, version bigint NOT NULL, id uuid NOT NULL,
                    type varchar NOT NULL, data jsonb NOT NULL, dotnet_type varchar NOT NULL, recorded_at timestamptz NOT NULL,
                    recorded_by varchar NOT NULL, command_id varchar NOT NULL, headers jsonb NOT NULL
                ) ON COMMIT DROP
                """, cancellationToken).ConfigureAwait(false);

            var count = await CopyAsync(connection, events, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                return 0;
            }
            await EnsureUniqueEventIdsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"""
                INSERT INTO {_schema}.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived)
                SELECT stream_id, NULL, max(version), max(recorded_at), min(recorded_at), '{DefaultTenant}', false
                FROM timeline_restore GROUP BY stream_id;

                INSERT INTO {_schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                                                 is_archived, causation_id, headers, user_name)
                SELECT seq_id, id, stream_id, version, data, type, recorded_at, '{DefaultTenant}', dotnet_type,
                       false, command_id, headers, recorded_by
                FROM timeline_restore ORDER BY seq_id;

                INSERT INTO {_schema}.timeline_commands (command_id, recorded_at, recorded_by)
                SELECT DISTINCT ON (command_id) command_id, recorded_at, recorded_by FROM timeline_restore ORDER BY command_id, seq_id;

                SELECT setval('{_schema}.mt_events_sequence', (SELECT max(seq_id) FROM timeline_restore));
                """, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
        catch (Exception e) when (IsViolationOf(e, "idx_mt_events_event_id"))
        {
            throw new InvalidDataException($"the events to restore hold the same event id twice; nothing was written to {Where}", e);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Names the first event that repeats an earlier event's id, before the unique index would refuse it unnamed.</summary>
    private static async Task EnsureUniqueEventIdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT seq_id, id FROM (
                SELECT seq_id, id, row_number() OVER (PARTITION BY id ORDER BY seq_id) AS occurrence FROM timeline_restore
            ) AS numbered
            WHERE occurrence > 1 ORDER BY seq_id LIMIT 1
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidDataException(
                $"event {reader.GetInt64(0)} repeats the event id {reader.GetGuid(1)} of an earlier event; event ids must be unique, so nothing was written");
        }
    }

    private async Task EnsureEmptyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT (SELECT count(*) FROM {_schema}.mt_events WHERE {NotTombstone}) + (SELECT count(*) FROM {_schema}.mt_streams WHERE id <> 'mt_tombstone')
                 + (SELECT count(*) FROM {_schema}.timeline_commands)
            """;
        if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0)
        {
            throw new StoreNotEmpty(
                $"the Timeline schema '{_schema}' in {Where} already holds events; restore only into an empty store (nothing was written)");
        }
    }

    /// <summary>Checks each event's order and version while copying it into the temporary table.</summary>
    private static async Task<long> CopyAsync(NpgsqlConnection connection, IAsyncEnumerable<StoredEvent> events, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<MeetingId, long>();
        var previous = 0L;
        var count = 0L;
        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY timeline_restore (seq_id, stream_id, version, id, type, data, dotnet_type, recorded_at, recorded_by, command_id, headers)
            FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken).ConfigureAwait(false);
        await foreach (var stored in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // The export may not watch the token itself.
            cancellationToken.ThrowIfCancellationRequested();
            if (stored is null)
            {
                throw new InvalidDataException($"event {count + 1} of the restore is missing (null); nothing was written");
            }
            if (stored.Sequence <= previous)
            {
                throw new InvalidDataException(
                    $"event sequence {stored.Sequence} follows {previous}: restored events must be in strictly increasing sequence order, from 1 up; nothing was written");
            }
            var expected = versions.GetValueOrDefault(stored.Stream) + 1;
            if (stored.StreamVersion != expected)
            {
                throw new InvalidDataException(
                    $"event {stored.Sequence} of meeting '{stored.Stream}' has stream version {stored.StreamVersion}, but {expected} comes next: "
                    + "a stream's versions must run 1, 2, 3… without gaps; nothing was written");
            }
            if (!string.Equals(stored.EventType, EventTypeMap.NameOf(stored.Event), StringComparison.Ordinal))
            {
                throw new InvalidDataException(
                    $"event {stored.Sequence} is called '{stored.EventType}' but holds a {EventTypeMap.NameOf(stored.Event)} event; nothing was written");
            }
            if (string.IsNullOrEmpty(stored.CommandId) || stored.RecordedBy is null)
            {
                throw new InvalidDataException($"event {stored.Sequence} has no command id or recordedBy; nothing was written");
            }
            if (stored.RecordedAt.UtcTicks % TimeSpan.TicksPerMicrosecond != 0)
            {
                throw new InvalidDataException(
                    $"event {stored.Sequence} was recorded at {stored.RecordedAt:O}, finer than the whole microseconds a store keeps; it would not restore exactly, so nothing was written");
            }
            versions[stored.Stream] = stored.StreamVersion;
            previous = stored.Sequence;
            count++;

            var type = stored.Event.GetType();
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(stored.Sequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(stored.Stream.Value, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(stored.StreamVersion, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(stored.EventId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(stored.EventType, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(EventTypeMap.Serialize(stored.Event), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
            // What Marten writes in its own column for an appended event of this type.
            await copy.WriteAsync($"{type.FullName}, {type.Assembly.GetName().Name}", NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(stored.RecordedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(stored.RecordedBy, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(stored.CommandId, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(
                JsonSerializer.Serialize(Envelope.Headers(stored.ReportedAt, stored.Source)), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
        }
        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
