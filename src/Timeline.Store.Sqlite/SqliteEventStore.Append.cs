using Microsoft.Data.Sqlite;
using Timeline.Core.Chain;
using Timeline.Core.Storage;
using Timeline.Core.Telemetry;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    /// <remarks>
    /// In one IMMEDIATE transaction: the write lock is taken before anything is read, so no other writer can move a
    /// stream or draw a sequence between the checks and the inserts. Then every expected version is checked, the
    /// sequences are drawn after the highest ever used, recordedAt is read from the clock, the complete events are
    /// made (<see cref="StreamAppend.Stamp"/>) and chained from the last stored event (<see cref="HashChain"/>), their
    /// rows written, and the as-of index of the touched meetings recomputed.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// A stream appears twice, has no events or a negative expected version, or an event lacks a command id.
    /// </exception>
    /// <exception cref="InvalidOperationException">An event id is already stored (event ids must be new).</exception>
    public async Task<IReadOnlyList<StoredEvent>> AppendAsync(
        IReadOnlyList<StreamAppend> appends, string recordedBy, CancellationToken cancellationToken)
    {
        using var activity = TimelineTelemetry.StartStoreActivity("append", "sqlite");
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
            // Disposing the transaction without a commit rolls everything back.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var writer = new EventWriter(connection, transaction);
            foreach (var append in appends)
            {
                var actual = await writer.StreamVersionAsync(append.Stream, cancellationToken).ConfigureAwait(false);
                if (actual != append.ExpectedVersion)
                {
                    throw WriteConflict.StreamMoved(append, actual);
                }
            }
            var first = await writer.NextSequenceAsync(cancellationToken).ConfigureAwait(false);
            var sequences = new long[appends.Sum(a => a.Events.Count)];
            for (var i = 0; i < sequences.Length; i++)
            {
                sequences[i] = first + i;
            }
            // Chained under the write lock, from the last event committed: sequences and hashes follow commit order.
            var stored = HashChain.Link(
                await writer.LastHashAsync(cancellationToken).ConfigureAwait(false),
                StreamAppend.Stamp(appends, sequences, RecordedAt.FromClock(_clock), recordedBy));

            var claimed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in stored)
            {
                if (claimed.Add(e.CommandId) && !await writer.ClaimCommandAsync(e, cancellationToken).ConfigureAwait(false))
                {
                    throw WriteConflict.CommandStored(e.CommandId, e.Stream);
                }
                await writer.InsertAsync(e, cancellationToken).ConfigureAwait(false);
            }
            await IndexAppendedAsync(connection, transaction, appends, stored, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
        catch (SqliteException e) when (EventWriter.IsEventIdTaken(e))
        {
            throw StreamAppend.EventIdTaken(Where, e);
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
}
