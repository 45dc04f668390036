using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Timeline.Store.Marten;

namespace Timeline.Benchmarks.Baselines;

/// <summary>
/// PostgreSQL's raw baselines, in the store's own database: binary COPY of the store's event rows (Marten's
/// <c>mt_events</c>, every column) into a scratch table of the same columns (no index, no constraint but NOT NULL),
/// <see cref="RawBaseline.BatchRows"/> rows per COPY, each COPY its own transaction; a prepared single-row INSERT for
/// the durable one; and a plain read of <c>mt_events</c>. The benchmark's sessions run with
/// <c>synchronous_commit=on</c>, the product's and the baselines' alike.
/// </summary>
internal sealed class PostgresBaseline(string storeText) : RawBaseline
{
    private const string ScratchTable = "timeline_bench_raw.events";

    private static readonly string Events = $"{MartenEventStoreOptions.DefaultSchema}.mt_events";

    private readonly string _connectionString = PostgresConnectionString.ToNpgsql(storeText);
    private IReadOnlyList<(string Name, NpgsqlDbType Type)>? _columns;

    private string ColumnList => string.Join(", ", _columns!.Select(c => c.Name));

    protected override string ScanSql => $"SELECT {ColumnList} FROM {Events} ORDER BY seq_id";

    protected override string BatchSql => $"SELECT {ColumnList} FROM {Events} WHERE seq_id > @after ORDER BY seq_id LIMIT {BatchRows}";

    protected override string AfterParameter => "after";

    public override async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenStoreAsync(cancellationToken);
        var settings = new List<string>();
        foreach (var name in new[] { "fsync", "synchronous_commit", "full_page_writes", "shared_buffers" })
        {
            await using var show = connection.CreateCommand();
            show.CommandText = $"SHOW {name}";
            settings.Add($"{name}={await show.ExecuteScalarAsync(cancellationToken)}");
        }
        return $"PostgreSQL {((NpgsqlConnection)connection).PostgreSqlVersion}; {string.Join(", ", settings)}";
    }

    protected override async Task<DbConnection> OpenStoreAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        _columns ??= await ColumnsAsync(connection, cancellationToken);
        return connection;
    }

    protected override Task<DbConnection> OpenScratchAsync(CancellationToken cancellationToken) => OpenStoreAsync(cancellationToken);

    protected override async Task PrepareScratchAsync(DbConnection scratch, CancellationToken cancellationToken)
    {
        await using var command = scratch.CreateCommand();
        command.CommandText = $"""
            CREATE SCHEMA IF NOT EXISTS timeline_bench_raw;
            DROP TABLE IF EXISTS {ScratchTable};
            CREATE TABLE {ScratchTable} (LIKE {Events});
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task DropScratchAsync(DbConnection scratch, CancellationToken cancellationToken)
    {
        await using var command = scratch.CreateCommand();
        command.CommandText = "DROP SCHEMA timeline_bench_raw CASCADE";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task InsertBatchAsync(DbConnection scratch, List<object[]> rows, CancellationToken cancellationToken)
    {
        await using var copy = await ((NpgsqlConnection)scratch).BeginBinaryImportAsync(
            $"COPY {ScratchTable} ({ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is DBNull)
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await copy.WriteAsync(row[i], _columns![i].Type, cancellationToken);
                }
            }
        }
        await copy.CompleteAsync(cancellationToken);
    }

    protected override async Task<DbCommand> PrepareDurableInsertAsync(DbConnection scratch, object[] row, CancellationToken cancellationToken)
    {
        var insert = (NpgsqlCommand)scratch.CreateCommand();
        insert.CommandText = $"INSERT INTO {ScratchTable} ({ColumnList}) VALUES ({string.Join(", ", _columns!.Select((_, i) => "$" + (i + 1)))})";
        for (var i = 0; i < row.Length; i++)
        {
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = _columns![i].Type, Value = row[i] });
        }
        await insert.PrepareAsync(cancellationToken);
        return insert;
    }

    /// <summary>The columns of <c>mt_events</c> with the order key first, as Marten created them.</summary>
    private static async Task<IReadOnlyList<(string Name, NpgsqlDbType Type)>> ColumnsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT column_name, udt_name FROM information_schema.columns
            WHERE table_schema = @schema AND table_name = 'mt_events'
            ORDER BY column_name <> 'seq_id', ordinal_position
            """;
        command.Parameters.AddWithValue("schema", MartenEventStoreOptions.DefaultSchema);
        var columns = new List<(string, NpgsqlDbType)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var udt = reader.GetString(1);
            columns.Add((reader.GetString(0), udt switch
            {
                "int8" => NpgsqlDbType.Bigint,
                "int4" => NpgsqlDbType.Integer,
                "uuid" => NpgsqlDbType.Uuid,
                "varchar" => NpgsqlDbType.Varchar,
                "text" => NpgsqlDbType.Text,
                "jsonb" => NpgsqlDbType.Jsonb,
                "timestamptz" => NpgsqlDbType.TimestampTz,
                "bool" => NpgsqlDbType.Boolean,
                "bytea" => NpgsqlDbType.Bytea,
                _ => throw new InvalidDataException($"mt_events has a column {reader.GetString(0)} of type {udt}, which the raw baseline does not copy"),
            }));
        }
        return columns.Count > 0 ? columns : throw new InvalidDataException($"{Events} has no columns: the store holds no Timeline schema");
    }
}
