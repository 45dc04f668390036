using System.Text.Json;
using Marten.Services;
using Npgsql;
using NpgsqlTypes;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;

namespace Timeline.Store.Marten;

public sealed partial class MartenEventStore
{
    /// <summary>The tenant Marten gives every event of a store without tenancy.</summary>
    private const string DefaultTenant = "*DEFAULT*";

    /// <inheritdoc />
    /// <remarks>
    /// Streams the events through a temporary table (binary COPY, so memory stays flat), checking each on the way
    /// (<see cref="RestoreCheck"/>), then fills <c>mt_streams</c>, <c>mt_events</c> and <c>timeline_commands</c> from it
    /// and <c>timeline_chain</c> and moves Marten's event sequence to the highest restored sequence, all in one transaction under the writer
    /// lock. Sequence, stream version, event id, recordedAt and recordedBy are written as given, not assigned.
    /// <para>
    /// Raw SQL over Marten's tables, because Marten's append assigns sequences (and its session has no way to keep
    /// given ones), and its bulk importer (<c>BulkInsertEventStreamAsync</c>) runs outside the transaction that must
    /// also hold the writer lock, the emptiness check and <c>timeline_commands</c>, so a failed restore leaves nothing.
    /// </para>
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
            var check = new RestoreCheck(RestoreTarget);
            await ExecuteAsync(connection, transaction, """
                CREATE TEMPORARY TABLE timeline_restore (
                    seq_id bigint NOT NULL, stream_id varchar NOT NULL, version bigint NOT NULL, id uuid NOT NULL,
                    type varchar NOT NULL, data jsonb NOT NULL, dotnet_type varchar NOT NULL, recorded_at timestamptz NOT NULL,
                    recorded_by varchar NOT NULL, command_id varchar NOT NULL, headers jsonb NOT NULL, hash varchar NOT NULL
                ) ON COMMIT DROP
                """, cancellationToken).ConfigureAwait(false);

            var count = await CopyAsync(connection, events, check, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                return 0;
            }
            await EnsureUniqueEventIdsAsync(connection, transaction, check, cancellationToken).ConfigureAwait(false);
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

                INSERT INTO {_schema}.timeline_chain (seq_id, hash) SELECT seq_id, hash FROM timeline_restore;

                SELECT setval('{_schema}.mt_events_sequence', (SELECT max(seq_id) FROM timeline_restore));
                """, cancellationToken).ConfigureAwait(false);
            // The inline projection never saw these events: an index of format 0 is rebuilt before it is read, even by
            // a process that stops right after this commit.
            await using (var session = _store.LightweightSession(SessionOptions.ForTransaction(transaction)))
            {
                session.Store(new IndexFormatDocument { Version = 0 });
                await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            await RebuildAsync(onlyIfStale: false, cancellationToken).ConfigureAwait(false);
            _indexReady = true;
            return count;
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The store, as the messages of a restore name it.</summary>
    private string RestoreTarget => $"the Timeline schema '{_schema}' in {Where}";

    /// <summary>Names the first event that repeats an earlier event's id, before the unique index would refuse it unnamed.</summary>
    private static async Task EnsureUniqueEventIdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RestoreCheck check, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT seq_id, id, first FROM (
                SELECT seq_id, id, row_number() OVER same_id AS occurrence, first_value(seq_id) OVER same_id AS first
                FROM timeline_restore
                WINDOW same_id AS (PARTITION BY id ORDER BY seq_id)
            ) AS numbered
            WHERE occurrence > 1 ORDER BY seq_id LIMIT 1
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw check.EventIdRepeated(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2));
        }
    }

    private async Task EnsureEmptyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT (SELECT count(*) FROM {_schema}.mt_events WHERE {NotTombstone}),
                   EXISTS (SELECT 1 FROM {_schema}.mt_streams WHERE id <> 'mt_tombstone') OR EXISTS (SELECT 1 FROM {_schema}.timeline_commands)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        RestoreCheck.EnsureEmpty(RestoreTarget, reader.GetInt64(0), reader.GetBoolean(1));
    }

    /// <summary>Checks each event while copying it into the temporary table.</summary>
    private static async Task<long> CopyAsync(NpgsqlConnection connection, IAsyncEnumerable<StoredEvent> events, RestoreCheck check, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY timeline_restore (seq_id, stream_id, version, id, type, data, dotnet_type, recorded_at, recorded_by, command_id, headers, hash)
            FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken).ConfigureAwait(false);
        await foreach (var next in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // The export may not watch the token itself.
            cancellationToken.ThrowIfCancellationRequested();
            var stored = check.Accept(next);

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
            await copy.WriteAsync(stored.RecordedAt.Instant, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(stored.RecordedBy, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(stored.CommandId, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(
                JsonSerializer.Serialize(Envelope.Headers(stored.ReportedAt, stored.Source)), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
            // RestoreCheck has checked the hash, or computed it for an export made before the chain.
            await copy.WriteAsync(stored.Hash!.Value.Hex, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
        }
        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return check.Count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
