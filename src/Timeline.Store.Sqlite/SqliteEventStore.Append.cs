using Microsoft.Data.Sqlite;
using Timeline.Core.Storage;
using Timeline.Core.Telemetry;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One <see cref="BeginTransactionAsync"/> with one batch, committed: the checks, the chained events and the as-of
    /// index rows of <see cref="WriteTransaction.AppendAsync"/>, in one IMMEDIATE transaction.
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
        await using var transaction = await BeginTransactionAsync(recordedBy, cancellationToken).ConfigureAwait(false);
        var stored = await transaction.AppendAsync(appends, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One IMMEDIATE transaction on one connection: the write lock is taken before anything is read, so no other writer
    /// can move a stream or draw a sequence until it ends. recordedAt is read from the clock once the lock is held.
    /// </remarks>
    public async Task<IEventTransaction> BeginTransactionAsync(string recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        // Writers of this instance queue here without blocking a thread; other processes wait on SQLite's lock.
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        SqliteConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = connection.BeginTransaction(deferred: false);
            return new WriteTransaction(this, connection, transaction, RecordedAt.FromClock(_clock), recordedBy);
        }
        catch (Exception e)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            _writeGate.Release();
            if (e is SqliteException sqlite && Translate(sqlite) is { } translated)
            {
                throw translated;
            }
            throw;
        }
    }
}
