using Npgsql;
using Timeline.Store.Marten;
using Timeline.Store.Selection;
using Timeline.Testing.Postgres;

namespace Timeline.Benchmarks.Running;

/// <summary>PostgreSQL was asked for and cannot be had: no server binaries, or the given server cannot be used.</summary>
internal sealed class StoreUnavailable(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The stores of one run, as <c>--store</c> texts: the main store, and a second one for the 10k-event archive the
/// growth figure compares with. SQLite: files in the work folder. PostgreSQL: databases on the server given with
/// <c>--postgres</c>, or on a throwaway cluster started the way the tests start theirs (fsync off: say so when
/// reading its figures). Every PostgreSQL session of the run commits with <c>synchronous_commit=on</c>.
/// </summary>
internal sealed class StoreTargets : IAsyncDisposable
{
    private readonly Func<Task> _cleanUp;

    private StoreTargets(StoreKind kind, string main, string? growth, string? growthProblem, string where, Func<Task> cleanUp)
    {
        Kind = kind;
        Main = main;
        Growth = growth;
        GrowthProblem = growthProblem;
        Where = where;
        _cleanUp = cleanUp;
    }

    public StoreKind Kind { get; }

    public string Main { get; }

    /// <summary>The growth figure's store; null when it could not be made (see <see cref="GrowthProblem"/>).</summary>
    public string? Growth { get; }

    public string? GrowthProblem { get; }

    /// <summary>Where the stores are, for the report; never a password.</summary>
    public string Where { get; }

    /// <param name="growth">Whether the run needs the second store.</param>
    public static async Task<StoreTargets> OpenAsync(StoreKind kind, string? postgres, string workFolder, bool growth, CancellationToken cancellationToken)
    {
        if (kind == StoreKind.Sqlite)
        {
            var main = Path.Combine(workFolder, "timeline.db");
            var small = Path.Combine(workFolder, "growth.db");
            foreach (var file in new[] { main, small }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
            {
                File.Delete(file);
            }
            return new StoreTargets(kind, "sqlite:" + main, "sqlite:" + small, null, main, () => Task.CompletedTask);
        }
        return postgres is null
            ? await ThrowawayClusterAsync(growth, cancellationToken)
            : await GivenServerAsync(postgres, growth, cancellationToken);
    }

    public async ValueTask DisposeAsync() => await _cleanUp();

    private static async Task<StoreTargets> ThrowawayClusterAsync(bool growth, CancellationToken cancellationToken)
    {
        PostgresServer server;
        try
        {
            server = await PostgresServer.Require();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The shared test library skips or fails a test here; the benchmark reports the same reason and stops.
            throw new StoreUnavailable($"cannot start a throwaway PostgreSQL cluster: {e.Message}", e);
        }
        var main = Durable(await server.CreateDatabaseAsync("timeline_bench", cancellationToken));
        var second = growth ? Durable(await server.CreateDatabaseAsync("timeline_bench_growth", cancellationToken)) : null;
        return new StoreTargets(StoreKind.Postgres, main, second, null, server.Description, () => Task.CompletedTask);
    }

    private static async Task<StoreTargets> GivenServerAsync(string given, bool growth, CancellationToken cancellationToken)
    {
        string main;
        try
        {
            main = Durable(PostgresConnectionString.ToNpgsql(given));
        }
        catch (ArgumentException e)
        {
            throw new StoreUnavailable($"--postgres: {e.Message}", e);
        }
        var builder = new NpgsqlConnectionStringBuilder(main);
        var where = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        await using (var connection = await ConnectAsync(main, where, cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT to_regclass('{MartenEventStoreOptions.DefaultSchema}.mt_events') IS NOT NULL";
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new StoreUnavailable($"{where} already holds a Timeline store (schema {MartenEventStoreOptions.DefaultSchema}); give an empty database, the benchmark fills it");
            }
        }

        if (!growth)
        {
            return new StoreTargets(StoreKind.Postgres, main, null, null, where, () => Task.CompletedTask);
        }
        // The growth archive needs a second store; a role that may not create databases leaves that figure out.
        var growthDatabase = $"{builder.Database}_growth_{Environment.ProcessId}";
        try
        {
            await ExecuteAsync(main, $"CREATE DATABASE \"{growthDatabase}\"", cancellationToken);
        }
        catch (PostgresException e)
        {
            return new StoreTargets(StoreKind.Postgres, main, null, $"not measured: cannot create a second database ({e.MessageText})", where, () => Task.CompletedTask);
        }
        var secondStore = new NpgsqlConnectionStringBuilder(main) { Database = growthDatabase }.ConnectionString;
        return new StoreTargets(StoreKind.Postgres, main, secondStore, null, where, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(main, $"DROP DATABASE IF EXISTS \"{growthDatabase}\" WITH (FORCE)", CancellationToken.None);
        });
    }

    /// <summary>Every session commits durably, whatever the server's default: the product's and the baselines' alike.</summary>
    private static string Durable(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c synchronous_commit=on" }.ConnectionString;

    private static async Task<NpgsqlConnection> ConnectAsync(string connectionString, string where, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new StoreUnavailable($"cannot connect to {where}: {e.Message}", e);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
