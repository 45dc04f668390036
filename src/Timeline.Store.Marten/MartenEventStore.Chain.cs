using Npgsql;
using NpgsqlTypes;
using Timeline.Core.Chain;
using Timeline.Core.Storage;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Timeline.Store.Marten;

public sealed partial class MartenEventStore
{
    /// <summary>
    /// <c>timeline_chain</c> (since schema version 3): the hash of every event, keyed by its sequence.
    /// </summary>
    /// <remarks>
    /// A table of Timeline's own beside <c>mt_events</c>, not a header of the event: the hash covers the sequence, and
    /// Marten draws sequences inside <c>SaveChangesAsync</c>, after the headers are written. So an append computes the
    /// hashes once Marten has drawn the sequences and writes them here, in the same transaction and under the same
    /// writer lock, which makes the chain follow sequence order even with many writers.
    /// </remarks>
    private static Table ChainTable(string schema)
    {
        var chain = new Table(new PostgresqlObjectName(schema, "timeline_chain", SchemaUtils.IdentifierUsage.General));
        chain.AddColumn("seq_id", "bigint").AsPrimaryKey();
        chain.AddColumn("hash", "varchar").NotNull();
        return chain;
    }

    /// <summary>
    /// The hash the next append chains from: the last event's. Called under the writer lock. Events that have no hash
    /// yet (a store that predates the chain) are hashed first, from the last event that has one.
    /// </summary>
    private async Task<EventHash> ChainHeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        (long Sequence, string? Hash)? last;
        await using (var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { LastEventQuery() } })
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            last = await ReadLastEventAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        return await HeadAfterAsync(last, connection, transaction, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last event's sequence and stored hash, if it has one.</summary>
    private NpgsqlBatchCommand LastEventQuery() => new($"""
        SELECT e.seq_id, c.hash FROM {_schema}.mt_events e LEFT JOIN {_schema}.timeline_chain c ON c.seq_id = e.seq_id
        WHERE e.{NotTombstone} ORDER BY e.seq_id DESC LIMIT 1
        """);

    private static async Task<(long Sequence, string? Hash)?> ReadLastEventAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;

    /// <summary>The head after the <paramref name="last"/> event: the genesis hash in an empty store, its hash, or the chain's hashed on to it.</summary>
    private async Task<EventHash> HeadAfterAsync(
        (long Sequence, string? Hash)? last, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (last is null)
        {
            return EventHash.Genesis;
        }
        var (sequence, text) = last.Value;
        if (text is null)
        {
            return await ChainUnchainedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }
        return EventHash.TryParse(text, out var hash, out var error)
            ? hash
            : throw new InvalidDataException(
                $"the last event (sequence {sequence}) in {RestoreTarget} has no valid hash ({error}), so no event can be chained after it; run 'timeline verify'");
    }

    /// <summary>Hashes, in sequence order, every event after the last one that has a hash, and returns the new head.</summary>
    private async Task<EventHash> ChainUnchainedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var previous = EventHash.Genesis;
        long after = 0;
        await using (var last = connection.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = $"SELECT seq_id, hash FROM {_schema}.timeline_chain ORDER BY seq_id DESC LIMIT 1";
            await using var reader = await last.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                after = reader.GetInt64(0);
                previous = EventHash.Parse(reader.GetString(1));
            }
        }
        var sequences = new List<long>();
        var hashes = new List<string>();
        // Read in a session of its own: the caller holds the writer lock, so no event can commit meanwhile. Not through
        // ReadAllAsync, which ensures the schema first: a migration calls this while it holds the schema gate.
        await foreach (var stored in ReadMatchingAsync(EventQuery.All with { AfterSequence = after }, cancellationToken).ConfigureAwait(false))
        {
            previous = HashChain.Next(previous, stored);
            sequences.Add(stored.Sequence);
            hashes.Add(previous.Hex);
        }
        await WriteChainAsync(connection, transaction, [.. sequences], [.. hashes], cancellationToken).ConfigureAwait(false);
        return previous;
    }

    /// <summary>Stores the hashes of events just appended (or chained late).</summary>
    private async Task WriteChainAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long[] sequences, string[] hashes, CancellationToken cancellationToken)
    {
        if (sequences.Length == 0)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {_schema}.timeline_chain (seq_id, hash) SELECT * FROM unnest(@sequences, @hashes)";
        command.Parameters.AddWithValue("sequences", NpgsqlDbType.Array | NpgsqlDbType.Bigint, sequences);
        command.Parameters.AddWithValue("hashes", NpgsqlDbType.Array | NpgsqlDbType.Varchar, hashes);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
