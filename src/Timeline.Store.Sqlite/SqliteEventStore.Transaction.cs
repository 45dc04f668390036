using Microsoft.Data.Sqlite;
using Timeline.Core.Chain;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;
using Timeline.Store.Relational;

namespace Timeline.Store.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <summary>
    /// An IMMEDIATE transaction on its own connection, holding this instance's write gate and SQLite's write lock until
    /// it is disposed. Its reads run on its connection, so they see its own uncommitted rows.
    /// </summary>
    private sealed class WriteTransaction(
        SqliteEventStore store, SqliteConnection connection, SqliteTransaction transaction, RecordedAt recordedAt, string recordedBy) : IEventTransaction
    {
        private readonly EventWriter _writer = new(connection, transaction);
        private readonly TouchedStreams _touched = new();
        private readonly TransactionState _state = new();

        public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(MeetingId stream, CancellationToken cancellationToken)
        {
            EnsureOpen();
            return await Rows(command => PrepareReadStream(command, stream), store.ReadEvent, cancellationToken).ConfigureAwait(false);
        }

        public async Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(commandIds);
            EnsureOpen();
            if (commandIds.Count == 0)
            {
                return new HashSet<string>(StringComparer.Ordinal);
            }
            var found = await Rows(command => PrepareFindCommands(command, commandIds), reader => reader.GetString(0), cancellationToken).ConfigureAwait(false);
            return found.ToHashSet(StringComparer.Ordinal);
        }

        /// <remarks>
        /// Every expected version is checked, the sequences are drawn after the highest ever used, the complete events are
        /// made (<see cref="StreamAppend.Stamp"/>) and chained from the last stored event, this transaction's included
        /// (<see cref="HashChain"/>), their rows and report days written. The touched meetings' as-of index rows are
        /// advanced once, at <see cref="CommitAsync"/>, from the streams as the appends brought them where they can be
        /// kept (<see cref="TouchedStreams"/>).
        /// </remarks>
        public async Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
        {
            StreamAppend.EnsureWellFormed(appends);
            EnsureOpen();
            if (appends.Count == 0)
            {
                return [];
            }
            // A statement that fails inside a transaction undoes only itself: the rows before it stay, so the batch
            // is half written and the transaction can only be rolled back.
            _state.Failed = true;
            try
            {
                foreach (var append in appends)
                {
                    var actual = await _writer.StreamVersionAsync(append.Stream, cancellationToken).ConfigureAwait(false);
                    if (actual != append.ExpectedVersion)
                    {
                        throw WriteConflict.StreamMoved(append, actual);
                    }
                }
                var first = await _writer.NextSequenceAsync(cancellationToken).ConfigureAwait(false);
                var sequences = new long[appends.Sum(a => a.Events.Count)];
                for (var i = 0; i < sequences.Length; i++)
                {
                    sequences[i] = first + i;
                }
                // Chained under the write lock, from the last event written: sequences and hashes follow commit order.
                var stored = HashChain.Link(
                    await _writer.LastHashAsync(cancellationToken).ConfigureAwait(false),
                    StreamAppend.Stamp(appends, sequences, recordedAt, recordedBy));

                var claimed = new HashSet<string>(StringComparer.Ordinal);
                foreach (var e in stored)
                {
                    if (claimed.Add(e.CommandId) && !await _writer.ClaimCommandAsync(e, cancellationToken).ConfigureAwait(false))
                    {
                        throw WriteConflict.CommandStored(e.CommandId, e.Stream);
                    }
                    await _writer.InsertAsync(e, cancellationToken).ConfigureAwait(false);
                }
                await IndexReportDaysAsync(connection, transaction, stored, cancellationToken).ConfigureAwait(false);
                _touched.Add(appends, stored);
                _state.Failed = false;
                return stored;
            }
            catch (SqliteException e) when (EventWriter.IsEventIdTaken(e))
            {
                throw StreamAppend.EventIdTaken(store.Where, e);
            }
            catch (SqliteException e) when (store.Translate(e) is { } translated)
            {
                throw translated;
            }
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            EnsureOpen();
            cancellationToken.ThrowIfCancellationRequested();
            _state.Commit();
            try
            {
                await store.IndexTouchedAsync(connection, transaction, _touched, recordedAt, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e) when (store.Translate(e) is { } translated)
            {
                throw translated;
            }
            // The next writer need not wait for the caller to dispose this.
            await ReleaseAsync().ConfigureAwait(false);
        }

        public ValueTask DisposeAsync() => ReleaseAsync();

        private async ValueTask ReleaseAsync()
        {
            if (!_state.Dispose())
            {
                return;
            }
            try
            {
                await _writer.DisposeAsync().ConfigureAwait(false);
                // Disposing the transaction without a commit rolls everything back.
                await transaction.DisposeAsync().ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                store._writeGate.Release();
            }
        }

        private void EnsureOpen() => _state.EnsureOpen(this);

        private Task<List<T>> Rows<T>(Action<SqliteCommand> prepare, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
            DbRows.ListInAsync(connection, transaction, prepare, read, e => e is SqliteException sqlite ? store.Translate(sqlite) : null, cancellationToken);
    }
}
