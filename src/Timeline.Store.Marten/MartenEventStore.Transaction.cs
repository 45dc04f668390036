using JasperFx.Events;
using Marten.Services;
using Npgsql;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;
using Timeline.Store.Relational;

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
        private readonly TransactionState _state = new();

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
                _state.Failed = true;
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
            _state.Failed = true;
            try
            {
                var stored = await store.AppendBatchAsync(connection, transaction, appends, recordedAt, recordedBy, cancellationToken).ConfigureAwait(false);
                _state.Failed = false;
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
            _state.Commit();
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
            if (!_state.Dispose())
            {
                return;
            }
            // Disposing the transaction without a commit rolls everything back and releases the writer lock.
            await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        private void EnsureOpen() => _state.EnsureOpen(this);

        private async Task<List<T>> Rows<T>(Action<NpgsqlCommand> prepare, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        {
            try
            {
                return await DbRows.ListInAsync(connection, transaction, prepare, read, store.Translate, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // PostgreSQL aborts the transaction at an error, a read's too.
                _state.Failed = true;
                throw;
            }
        }
    }
}
