using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Timeline.Benchmarks.Baselines;

/// <summary>
/// SQLite's raw baselines: prepared inserts of the store's event rows into a scratch table of the same columns (no
/// index but the primary key, no constraint) in a scratch file in WAL mode with <c>synchronous=FULL</c>,
/// <see cref="RawBaseline.BatchRows"/> rows per transaction; one row per transaction for the durable insert; and a
/// plain read of the store's <c>events</c> table.
/// </summary>
internal sealed class SqliteBaseline(string storePath, string scratchFolder) : RawBaseline
{
    private const string Columns =
        "sequence, stream_id, stream_version, event_id, event_type, data, reported_at, reported_at_utc, recorded_at, recorded_by, "
        + "outlet, outlet_key, url, published_at, speaker, speaker_key, quote, command_id";

    private string ScratchPath => Path.Combine(scratchFolder, "raw-events.db");

    protected override string ScanSql => $"SELECT {Columns} FROM events ORDER BY sequence";

    protected override string BatchSql => $"SELECT {Columns} FROM events WHERE sequence > $after ORDER BY sequence LIMIT {BatchRows}";

    protected override string AfterParameter => "$after";

    public override async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenStoreAsync(cancellationToken);
        var journal = await ScalarAsync(connection, "PRAGMA journal_mode", cancellationToken);
        var synchronous = await ScalarAsync(connection, "PRAGMA synchronous", cancellationToken);
        var level = synchronous switch
        {
            "0" => "OFF",
            "1" => "NORMAL",
            "2" => "FULL",
            "3" => "EXTRA",
            _ => synchronous,
        };
        return $"SQLite {connection.ServerVersion}; journal_mode={journal}, synchronous={level} (the store keeps SQLite's default); raw baselines: WAL, synchronous=FULL";
    }

    protected override async Task<DbConnection> OpenStoreAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection($"Data Source={storePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override async Task<DbConnection> OpenScratchAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(scratchFolder);
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(ScratchPath + suffix);
        }
        var connection = new SqliteConnection($"Data Source={ScratchPath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await ScalarAsync(connection, "PRAGMA journal_mode = WAL", cancellationToken);
        await ScalarAsync(connection, "PRAGMA synchronous = FULL", cancellationToken);
        return connection;
    }

    protected override async Task PrepareScratchAsync(DbConnection scratch, CancellationToken cancellationToken) =>
        await ScalarAsync(scratch, """
            CREATE TABLE raw_events (
                sequence INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL, event_id TEXT NOT NULL,
                event_type TEXT NOT NULL, data TEXT NOT NULL, reported_at TEXT NOT NULL, reported_at_utc TEXT NOT NULL,
                recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL, outlet TEXT, outlet_key TEXT, url TEXT, published_at TEXT,
                speaker TEXT, speaker_key TEXT, quote TEXT, command_id TEXT NOT NULL
            ) STRICT
            """, cancellationToken);

    protected override async Task DropScratchAsync(DbConnection scratch, CancellationToken cancellationToken) =>
        await ScalarAsync(scratch, "DROP TABLE raw_events", cancellationToken);

    protected override async Task InsertBatchAsync(DbConnection scratch, List<object[]> rows, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await scratch.BeginTransactionAsync(cancellationToken);
        await using var insert = Insert((SqliteConnection)scratch, Columns);
        insert.Transaction = transaction;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                insert.Parameters[i].Value = row[i];
            }
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    protected override Task<DbCommand> PrepareDurableInsertAsync(DbConnection scratch, object[] row, CancellationToken cancellationToken)
    {
        // Without the sequence: each repetition is a new row.
        var insert = Insert((SqliteConnection)scratch, Columns[(Columns.IndexOf(',', StringComparison.Ordinal) + 2)..]);
        for (var i = 1; i < row.Length; i++)
        {
            insert.Parameters[i - 1].Value = row[i];
        }
        return Task.FromResult<DbCommand>(insert);
    }

    private static SqliteCommand Insert(SqliteConnection connection, string columns)
    {
        var names = columns.Split(", ");
        var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO raw_events ({columns}) VALUES ({string.Join(", ", names.Select(n => "$" + n))})";
        foreach (var name in names)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = "$" + name, Value = DBNull.Value });
        }
        return insert;
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
