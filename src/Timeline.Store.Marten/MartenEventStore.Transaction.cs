using JasperFx.Events;
using Marten.Services;
using Npgsql;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Store.Marten;

public sealed partial class MartenEventStore
{
    /// <summary>
    /// A PostgreSQL transaction on its own connection, holding the schema's writer lock until it ends. Its reads run in
    /// it, so they see its own uncommitted rows.
    /// </summary>
    private sealed class WriteTransaction(
        MartenEventStore store, NpgsqlConnection connection, NpgsqlTransaction transaction, RecordedAt recordedAt, string recordedBy) : IEventTransaction
    {
        private bool _failed;
        private bool _committed;
        private bool _disposed;

        public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken)
        {
            EnsureOpen();
            try
            {
                // A query session enlisted in this transaction sees its own uncommitted events.
                IReadOnlyList<IEvent> events;
                await using (var session = store._store.QuerySession(SessionOptions.ForTransaction(transaction)))
                {
                    events = await session.Events.FetchStreamAsync(stream.Value, token: cancellationToken).ConfigureAwait(false);
                }
                if (events.Count == 0)
                {
                    return [];
                }
                // Their hashes, this transaction's included, as every read of the store returns them.
                var hashes = await Rows(command => store.PrepareHashes(command, events), ReadHash, cancellationToken).ConfigureAwait(false);
                var bySequence = hashes.ToDictionary(row => row.Sequence, row => row.Hash);
                return [.. events.Select(e => store.ToStoredEvent(e, bySequence))];
            }
            catch (Exception e)
            {
                _failed = true;
                if (store.Translate(e) is { } translated)
                {
                    throw translated;
                }
                throw;
            }
        }

        public async Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(commandIds);
            EnsureOpen();
            if (commandIds.Count == 0)
            {
                return new HashSet<string>(StringComparer.Ordinal);
            }
            var found = await Rows(command => store.PrepareFindCommands(command, commandIds), reader => reader.GetString(0), cancellationToken).ConfigureAwait(false);
            return found.ToHashSet(StringComparer.Ordinal);
        }

        public async Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
        {
            StreamAppend.EnsureWellFormed(appends);
            EnsureOpen();
            if (appends.Count == 0)
            {
                return [];
            }
            // PostgreSQL aborts a transaction at its first error: after a failed batch only a rollback is left.
            _failed = true;
            try
            {
                var stored = await store.AppendBatchAsync(connection, transaction, appends, recordedAt, recordedBy, cancellationToken).ConfigureAwait(false);
                _failed = false;
                return stored;
            }
            catch (Exception e)
            {
                if (await store.AppendErrorAsync(e, appends, CancellationToken.None).ConfigureAwait(false) is { } described)
                {
                    throw described;
                }
                throw;
            }
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            EnsureOpen();
            cancellationToken.ThrowIfCancellationRequested();
            _committed = true;
            try
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (store.Translate(e) is { } translated)
            {
                throw translated;
            }
            await ReleaseAsync().ConfigureAwait(false);
        }

        public ValueTask DisposeAsync() => ReleaseAsync();

        private async ValueTask ReleaseAsync()
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            // Disposing the transaction without a commit rolls everything back and releases the writer lock.
            await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        private void EnsureOpen()
        {
            if (_committed || _failed)
            {
                throw new InvalidOperationException(
                    _committed ? "this transaction is committed; begin another to write more" : "an append of this transaction failed; nothing of it will be written, dispose it");
            }
            ObjectDisposedException.ThrowIf(_disposed, this);
        }

        private async Task<List<T>> Rows<T>(Action<NpgsqlCommand> prepare, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                prepare(command);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(read(reader));
                }
                return rows;
            }
            catch (Exception e)
            {
                // PostgreSQL aborts the transaction at an error, a read's too.
                _failed = true;
                if (store.Translate(e) is { } translated)
                {
                    throw translated;
                }
                throw;
            }
        }
    }
}
