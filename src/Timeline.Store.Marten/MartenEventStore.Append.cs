using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using ExistingStreamIdCollisionException = Marten.Exceptions.ExistingStreamIdCollisionException;
using Marten.Services;
using Npgsql;
using NpgsqlTypes;
using Timeline.Core.Chain;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Core.Telemetry;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Marten;

public sealed partial class MartenEventStore
{
    private const string UniqueViolation = "23505";

    /// <inheritdoc />
    /// <remarks>One <see cref="BeginTransactionAsync"/> with one batch, committed.</remarks>
    /// <exception cref="ArgumentException">
    /// A stream appears twice, has no events or a negative expected version, or an event lacks a command id.
    /// </exception>
    /// <exception cref="InvalidOperationException">An event id is already stored (event ids must be new).</exception>
    public async Task<IReadOnlyList<StoredEvent>> AppendAsync(
        IReadOnlyList<StreamAppend> appends, string recordedBy, CancellationToken cancellationToken)
    {
        using var activity = TimelineTelemetry.StartStoreActivity("append", "postgresql");
        ArgumentNullException.ThrowIfNull(recordedBy);
        StreamAppend.EnsureWellFormed(appends);
        if (appends.Count == 0)
        {
            return [];
        }
        await using var transaction = await BeginTransactionAsync(recordedBy, cancellationToken).ConfigureAwait(false);
        var stored = await transaction.AppendAsync(appends, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One PostgreSQL transaction on one connection that first takes the schema's writer lock (an advisory lock held
    /// until it ends); recordedAt is read from the clock once the lock is held. Each batch is written by its own Marten
    /// session enlisted in that transaction (Marten's <c>SessionOptions.ForTransaction</c>), so Marten
    /// keeps only one batch's events in memory and commits nothing itself.
    /// </remarks>
    public async Task<IEventTransaction> BeginTransactionAsync(string recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockWritersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            return new WriteTransaction(this, connection, transaction, RecordedAt.FromClock(_clock), recordedBy);
        }
        catch (Exception e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (Translate(e) is { } translated)
            {
                throw translated;
            }
            throw;
        }
    }

    /// <summary>Writes one batch in <paramref name="transaction"/>, under the writer lock it holds.</summary>
    private async Task<IReadOnlyList<StoredEvent>> AppendBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StreamAppend> appends, RecordedAt recordedAt, string recordedBy, CancellationToken cancellationToken)
    {
        var head = await CheckAndClaimAsync(connection, transaction, appends, recordedAt, recordedBy, cancellationToken).ConfigureAwait(false);

        await using var session = _store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var written = new List<IEvent>(appends.Sum(a => a.Events.Count));
        foreach (var append in appends)
        {
            var events = new object[append.Events.Count];
            for (var i = 0; i < events.Length; i++)
            {
                var pending = append.Events[i];
                var @event = session.Events.BuildEvent(pending.Event);
                @event.Id = pending.EventId;
                @event.Timestamp = recordedAt.Instant;
                @event.UserName = recordedBy;
                @event.CausationId = pending.CommandId;
                foreach (var (key, value) in Envelope.Headers(pending.ReportedAt, pending.Source))
                {
                    @event.SetHeader(key, value);
                }
                events[i] = @event;
                written.Add(@event);
            }
            // Marten's expected version is the stream's version after the append.
            session.Events.Append(append.Stream.Value, append.ExpectedVersion + events.Length, events);
        }
        await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        // Marten has drawn the sequences: the complete events exist here, inside the transaction, before the commit.
        var stored = HashChain.Link(head, StreamAppend.Stamp(appends, written.ConvertAll(e => e.Sequence), recordedAt, recordedBy));
        await WriteChainAsync(connection, transaction, [.. stored.Select(e => e.Sequence)], [.. stored.Select(e => e.Hash!.Value.Hex)], cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>The append's errors as every store reports them: a <see cref="WriteConflict"/> naming the stream, a taken event id.</summary>
    private async Task<Exception?> AppendErrorAsync(Exception e, IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        if (AsConflict(e) is { } conflict)
        {
            // The transaction is aborted by now; name the stream and the version it is really at.
            return await DescribeConflictAsync(conflict, appends, cancellationToken).ConfigureAwait(false);
        }
        return IsViolationOf(e, "idx_mt_events_event_id") ? StreamAppend.EventIdTaken(Where, e) : Translate(e);
    }

    /// <summary>
    /// Serialises the writers of this schema, across processes, until the transaction ends: versions are read and
    /// sequence numbers drawn only by the one writer that holds it, so sequences follow commit order.
    /// </summary>
    private async Task LockWritersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@class, hashtext(@schema))";
        command.Parameters.AddWithValue("class", WriterLockClass);
        command.Parameters.AddWithValue("schema", _schema);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What an append asks under the writer lock before Marten writes, in one round trip (an <see cref="NpgsqlBatch"/>
    /// of three statements): every stream's version, the hash the append chains from (the last event's, this
    /// transaction's included), and the claim of its command ids. Should a check fail, the claim dies with the
    /// transaction, which a failed append aborts anyway.
    /// </summary>
    /// <remarks>
    /// The versions are checked here, before Marten draws sequence numbers: a clash found here costs nothing, where one
    /// found by Marten's own check (which stays, for writers that do not take the lock) makes Marten fill the drawn
    /// numbers with tombstone events. The command ids go into <c>timeline_commands</c>, whose primary key is what
    /// keeps them unique; an id that is already there is a <see cref="WriteConflict"/> that names it.
    /// </remarks>
    private async Task<EventHash> CheckAndClaimAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<StreamAppend> appends,
        RecordedAt recordedAt,
        string recordedBy,
        CancellationToken cancellationToken)
    {
        Dictionary<string, long> versions;
        (long Sequence, string? Hash)? last;
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(VersionsQuery(appends.Select(a => a.Stream.Value).ToArray()));
            batch.BatchCommands.Add(LastEventQuery());
            batch.BatchCommands.Add(ClaimStatement(appends, recordedAt, recordedBy));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            versions = await ReadVersionsAsync(reader, cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            last = await ReadLastEventAsync(reader, cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(reader.GetString(0));
            }
        }
        foreach (var append in appends)
        {
            var actual = versions.GetValueOrDefault(append.Stream.Value);
            if (actual != append.ExpectedVersion)
            {
                throw WriteConflict.StreamMoved(append, actual);
            }
        }
        foreach (var append in appends)
        {
            if (append.Events.FirstOrDefault(p => !claimed.Contains(p.CommandId)) is { } taken)
            {
                throw WriteConflict.CommandStored(taken.CommandId, append.Stream);
            }
        }
        return await HeadAfterAsync(last, connection, transaction, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first key of Timeline's advisory locks ("TL" in ASCII); the second is the schema's hash.</summary>
    private const int WriterLockClass = 0x544C;

    private NpgsqlBatchCommand ClaimStatement(IReadOnlyList<StreamAppend> appends, RecordedAt recordedAt, string recordedBy)
    {
        var ids = appends.SelectMany(a => a.Events).Select(p => p.CommandId).Distinct(StringComparer.Ordinal).ToArray();
        var command = new NpgsqlBatchCommand($"""
            INSERT INTO {_schema}.timeline_commands (command_id, recorded_at, recorded_by)
            SELECT id, @recorded_at, @recorded_by FROM unnest(@ids) AS id
            ON CONFLICT (command_id) DO NOTHING
            RETURNING command_id
            """);
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar, ids);
        command.Parameters.AddWithValue("recorded_at", recordedAt.Instant);
        command.Parameters.AddWithValue("recorded_by", recordedBy);
        return command;
    }

    /// <summary>Marten's and PostgreSQL's ways of saying that a stream moved; null for anything else.</summary>
    private static Exception? AsConflict(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: > 0 } aggregate => AsConflict(aggregate.InnerExceptions[0]),
        ConcurrencyException or ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException => e,
        _ when IsViolationOf(e, "pk_mt_events_stream_and_version") || IsViolationOf(e, "pkey_mt_streams_id") => e,
        _ => null,
    };

    private static bool IsViolationOf(Exception e, string constraint)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException { SqlState: UniqueViolation } postgres
                && (postgres.ConstraintName?.StartsWith(constraint, StringComparison.Ordinal) ?? false))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A <see cref="WriteConflict"/> like every store's: the stream, the expected and the actual version.</summary>
    private async Task<WriteConflict> DescribeConflictAsync(Exception cause, IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
    {
        var named = cause switch
        {
            ConcurrencyException { Id: { } id } => id.ToString(),
            ExistingStreamIdCollisionException { Id: { } id } => id.ToString(),
            JasperFx.Events.ExistingStreamIdCollisionException { Id: { } id } => id.ToString(),
            _ => null,
        };
        Dictionary<string, long> versions;
        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            versions = await CurrentVersionsAsync(connection, null, appends.Select(a => a.Stream.Value).ToArray(), cancellationToken).ConfigureAwait(false);
        }
        var moved = appends.FirstOrDefault(a => a.Stream.Value == named)
            ?? appends.FirstOrDefault(a => versions.GetValueOrDefault(a.Stream.Value) != a.ExpectedVersion);
        if (moved is null)
        {
            return new WriteConflict($"a stream of this append moved while it was written; read again and decide again ({cause.Message})", innerException: cause);
        }
        return WriteConflict.StreamMoved(moved, versions.GetValueOrDefault(moved.Stream.Value), cause);
    }

    // Raw SQL over mt_streams: one statement for every stream of an append (an import appends thousands), inside the
    // writer's transaction; Marten's FetchStreamStateAsync reads one stream per query.
    private NpgsqlBatchCommand VersionsQuery(string[] streams)
    {
        var command = new NpgsqlBatchCommand($"SELECT id, version FROM {_schema}.mt_streams WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar, streams);
        return command;
    }

    private static async Task<Dictionary<string, long>> ReadVersionsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }
        return versions;
    }

    private async Task<Dictionary<string, long>> CurrentVersionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string[] streams, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { VersionsQuery(streams) } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ReadVersionsAsync(reader, cancellationToken).ConfigureAwait(false);
    }
}
