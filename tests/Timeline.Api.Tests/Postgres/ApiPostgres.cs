using System.Collections.Concurrent;
using Npgsql;
using Timeline.Api.Tests.Hosting;
using Timeline.Testing.Postgres;

namespace Timeline.Api.Tests.Postgres;

/// <summary>
/// The throwaway PostgreSQL of <see cref="PostgresServer"/> for API tests: every store a test asks for is a new, empty
/// database (the store always keeps its events in the schema <c>timeline</c>), dropped with the fixture.
/// </summary>
/// <remarks>
/// Nothing happens until a test asks for a store, so that a missing PostgreSQL skips the test that asked (with the
/// hint of <see cref="PostgresServer"/>), or fails it when <c>CI=true</c>, instead of breaking the fixture.
/// </remarks>
public sealed class ApiPostgres : IAsyncLifetime
{
    private const string Prefix = "timeline_api";

    private readonly ConcurrentBag<(PostgresServer Server, string ConnectionString)> _databases = [];

    /// <summary>A new, empty database the test role owns.</summary>
    public async Task<ApiPostgresStore> NewStoreAsync()
    {
        var server = await PostgresServer.Require();
        var connectionString = await server.CreateDatabaseAsync(Prefix, CancellationToken.None);
        _databases.Add((server, connectionString));
        return new ApiPostgresStore(connectionString);
    }

    /// <summary>An API host on a new, empty database, opened from its <c>postgres://</c> URI. The caller disposes it.</summary>
    public async Task<ApiHost> NewHostAsync(bool allowAnonymousRead = false) =>
        new(allowAnonymousRead, store: (await NewStoreAsync()).Uri);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var (server, connectionString) in _databases)
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }
}

/// <summary>One PostgreSQL database: the store text the API and the CLI are given, and a way to look inside.</summary>
public sealed record ApiPostgresStore(string ConnectionString)
{
    /// <summary><c>postgres://user:password@host:port/database</c>.</summary>
    public string Uri
    {
        get
        {
            var parts = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"postgres://{System.Uri.EscapeDataString(parts.Username!)}:{System.Uri.EscapeDataString(parts.Password ?? string.Empty)}@{parts.Host}:{parts.Port}/{parts.Database}";
        }
    }

    /// <summary>Runs one scalar query straight against the database, past the store.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(Web.Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Web.Cancel))!;
    }
}

/// <summary>
/// An API host on its own PostgreSQL database with the seeds posted once by the editor key <c>seed-editor</c>, and a
/// reader. Built by the first test that asks, so a missing PostgreSQL skips (or with CI=true fails) each test.
/// </summary>
public sealed class SeededPostgres : IAsyncLifetime
{
    private readonly ApiPostgres _postgres = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ApiHost? _host;

    public ApiPostgresStore Store { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    /// <summary>The seeded host; seeds it on first call.</summary>
    public async Task<ApiHost> HostAsync()
    {
        await _gate.WaitAsync(Web.Cancel);
        try
        {
            if (_host is null)
            {
                Store = await _postgres.NewStoreAsync();
                var host = new ApiHost(store: Store.Uri);
                try
                {
                    await Seeds.PostAllAsync(host.Client(await host.KeyAsync("seed-editor", "editor")));
                    Reader = host.Client(await host.KeyAsync("reader", "reader"));
                }
                catch
                {
                    await host.DisposeAsync();
                    throw;
                }
                _host = host;
            }
            return _host;
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await _postgres.DisposeAsync();
        _gate.Dispose();
    }
}
