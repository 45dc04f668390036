using System.Data.Common;
using System.Diagnostics;
using Timeline.Benchmarks.Measuring;
using Timeline.Benchmarks.Running;
using Timeline.Store.Selection;

namespace Timeline.Benchmarks.Baselines;

/// <summary>A count of rows moved and the time it took.</summary>
internal sealed record Rate(long Rows, double Seconds)
{
    public double PerSecond => Seconds > 0 ? Rows / Seconds : 0;
}

/// <summary>
/// The raw baselines of one store: the event rows the import wrote, moved with plain ADO.NET and no Timeline code in
/// between. They are the ceilings the product's figures are compared with, measured in the same run on the same
/// machine.
/// </summary>
internal abstract class RawBaseline
{
    /// <summary>Rows per insert transaction (SQLite) or per COPY (PostgreSQL).</summary>
    public const int BatchRows = 10_000;

    /// <summary>The store's durability settings, for the report.</summary>
    public abstract Task<string> DescribeAsync(CancellationToken cancellationToken);

    /// <summary>Inserts every event row of the store again, in batches, into a scratch table; only the inserts are timed.</summary>
    public async Task<Rate> BatchedInsertAsync(CancellationToken cancellationToken)
    {
        await using var source = await OpenStoreAsync(cancellationToken);
        await using var target = await OpenScratchAsync(cancellationToken);
        await PrepareScratchAsync(target, cancellationToken);
        // A whole batch once, untimed, then a fresh table: the timed pass should not pay for JIT compilation.
        var warmUp = await ReadBatchAsync(source, null, cancellationToken);
        if (warmUp.Count > 0)
        {
            await InsertBatchAsync(target, warmUp, cancellationToken);
            await DropScratchAsync(target, cancellationToken);
            await PrepareScratchAsync(target, cancellationToken);
        }
        var rows = 0L;
        var timed = TimeSpan.Zero;
        object? last = null;
        while (true)
        {
            var batch = await ReadBatchAsync(source, last, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            var watch = Stopwatch.StartNew();
            await InsertBatchAsync(target, batch, cancellationToken);
            timed += watch.Elapsed;
            rows += batch.Count;
            last = batch[^1][0];
        }
        await DropScratchAsync(target, cancellationToken);
        return new Rate(rows, timed.TotalSeconds);
    }

    /// <summary>Reads every event row of the store with a plain reader, every column.</summary>
    public async Task<Rate> SequentialReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenStoreAsync(cancellationToken);
        // The whole scan once, untimed: the timed pass should not pay for JIT compilation or a cold cache.
        await ScanAsync(connection, cancellationToken);
        var watch = Stopwatch.StartNew();
        var rows = await ScanAsync(connection, cancellationToken);
        return new Rate(rows, watch.Elapsed.TotalSeconds);
    }

    private async Task<long> ScanAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = ScanSql;
        var rows = 0L;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(cancellationToken))
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }

    /// <summary>One event row inserted and committed durably, again and again, each in its own transaction.</summary>
    public async Task<Latency> DurableInsertAsync(Repetitions repetitions, CancellationToken cancellationToken)
    {
        object[] row;
        await using (var source = await OpenStoreAsync(cancellationToken))
        {
            row = (await ReadBatchAsync(source, null, cancellationToken))[0];
        }
        await using var target = await OpenScratchAsync(cancellationToken);
        await PrepareScratchAsync(target, cancellationToken);
        await using var insert = await PrepareDurableInsertAsync(target, row, cancellationToken);
        var latency = await repetitions.MeasureAsync(async _ => await insert.ExecuteNonQueryAsync(cancellationToken));
        await DropScratchAsync(target, cancellationToken);
        return latency;
    }

    /// <summary>Every event row, in order, every column; the first column is the order key.</summary>
    protected abstract string ScanSql { get; }

    protected abstract Task<DbConnection> OpenStoreAsync(CancellationToken cancellationToken);

    protected abstract Task<DbConnection> OpenScratchAsync(CancellationToken cancellationToken);

    /// <summary>Creates the scratch table, empty, with the events table's columns.</summary>
    protected abstract Task PrepareScratchAsync(DbConnection scratch, CancellationToken cancellationToken);

    protected abstract Task DropScratchAsync(DbConnection scratch, CancellationToken cancellationToken);

    /// <summary>
    /// The next <see cref="BatchRows"/> rows, every column, after the order key given by the parameter
    /// <see cref="AfterParameter"/>.
    /// </summary>
    protected abstract string BatchSql { get; }

    /// <summary>The name of <see cref="BatchSql"/>'s parameter, as the provider writes it.</summary>
    protected abstract string AfterParameter { get; }

    protected abstract Task InsertBatchAsync(DbConnection scratch, List<object[]> rows, CancellationToken cancellationToken);

    /// <summary>A prepared single-row insert of <paramref name="row"/> that commits durably on its own.</summary>
    protected abstract Task<DbCommand> PrepareDurableInsertAsync(DbConnection scratch, object[] row, CancellationToken cancellationToken);

    /// <summary>The next <see cref="BatchRows"/> rows after the order key <paramref name="after"/> (from the start when null).</summary>
    private async Task<List<object[]>> ReadBatchAsync(DbConnection store, object? after, CancellationToken cancellationToken)
    {
        await using var command = store.CreateCommand();
        command.CommandText = BatchSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = AfterParameter;
        parameter.Value = after ?? 0L;
        command.Parameters.Add(parameter);
        var rows = new List<object[]>(BatchRows);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The baselines of the plan's store.</summary>
    public static RawBaseline For(BenchmarkPlan plan) => plan.Store switch
    {
        StoreKind.Sqlite => new SqliteBaseline(StoreLocation.Parse(plan.StoreText, Directory.GetCurrentDirectory()).SqlitePath!, plan.Scratch),
        _ => new PostgresBaseline(plan.StoreText),
    };
}
