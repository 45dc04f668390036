using Microsoft.Data.Sqlite;

namespace Timeline.Benchmarks.Measuring;

/// <summary>
/// Counts the pages that commits to a SQLite store write to its write-ahead log. <see cref="HoldAsync"/> checkpoints
/// the log to empty and then holds a read transaction that sees only the database file, so no checkpoint can copy a
/// frame back or start the log over while it is held: the log's length then counts every page written since.
/// </summary>
internal sealed class WalFrames : IAsyncDisposable
{
    /// <summary>The write-ahead log's own header; each frame has a header of its own before its page.</summary>
    private const long LogHeader = 32, FrameHeader = 24;

    private readonly SqliteConnection _reader;
    private readonly SqliteTransaction _snapshot;
    private readonly string _log;
    private readonly long _pageSize;
    private readonly long _start;

    private WalFrames(SqliteConnection reader, SqliteTransaction snapshot, string log, long pageSize)
    {
        (_reader, _snapshot, _log, _pageSize) = (reader, snapshot, log, pageSize);
        // Where counting starts: after the log's header, or after what the checkpoint could not take back (a writer
        // of another process).
        _start = Math.Max(LogHeader, Length);
    }

    public static async Task<WalFrames> HoldAsync(string database, CancellationToken cancellationToken)
    {
        var reader = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await reader.OpenAsync(cancellationToken);
        await using (var checkpoint = reader.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            checkpoint.CommandText = "PRAGMA page_size";
            var pageSize = (long)(await checkpoint.ExecuteScalarAsync(cancellationToken))!;
            var snapshot = reader.BeginTransaction(deferred: true);
            checkpoint.Transaction = snapshot;
            // A deferred transaction starts reading at its first statement.
            checkpoint.CommandText = "SELECT COUNT(*) FROM sqlite_schema";
            await checkpoint.ExecuteScalarAsync(cancellationToken);
            return new WalFrames(reader, snapshot, database + "-wal", pageSize);
        }
    }

    /// <summary>Pages written to the log since <see cref="HoldAsync"/>.</summary>
    public long Written => Math.Max(0, Length - _start) / (_pageSize + FrameHeader);

    private long Length => File.Exists(_log) ? new FileInfo(_log).Length : 0;

    public async ValueTask DisposeAsync()
    {
        await _snapshot.DisposeAsync();
        await _reader.DisposeAsync();
    }
}
