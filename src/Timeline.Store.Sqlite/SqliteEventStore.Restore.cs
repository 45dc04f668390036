using Microsoft.Data.Sqlite;
using Timeline.Core.Storage;

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
    /// The input is read one event at a time, checked as it goes (<see cref="RestoreCheck"/>) and written as an append
    /// writes it; memory grows only with the number of streams. Sequences are stored as given, gaps included, and the
    /// next append takes the highest restored sequence + 1. The <c>commands</c> table gets one row per command id, with
    /// the recordedAt and recordedBy of its first event, so the restored commands stay duplicates. The as-of index is
    /// then built from the restored log, in the same transaction. An exception thrown
    /// by the input itself propagates unchanged, and nothing is written.
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

            var check = new RestoreCheck(Where);
            await using var writer = new EventWriter(connection, transaction);
            await foreach (var next in events.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                // An input that ignores the token must still not run to the end after a cancel.
                cancellationToken.ThrowIfCancellationRequested();
                var stored = check.Accept(next);
                // Events come in sequence order, so the first event of a command stores its row and later ones leave it.
                await writer.ClaimCommandAsync(stored, cancellationToken).ConfigureAwait(false);
                try
                {
                    await writer.InsertAsync(stored, cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException e) when (EventWriter.IsEventIdTaken(e))
                {
                    // Only the failed statement was undone; the transaction can still say which event had the id first.
                    var first = await writer.SequenceOfAsync(stored.EventId, cancellationToken).ConfigureAwait(false);
                    throw check.EventIdRepeated(stored.Sequence, stored.EventId, first, e);
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            await RebuildAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
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
        RestoreCheck.EnsureEmpty(Where, reader.GetInt64(0), reader.GetBoolean(1));
    }
}
