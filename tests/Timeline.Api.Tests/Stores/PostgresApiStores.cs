using System.Collections.Concurrent;
using Npgsql;
using Timeline.Api.Tests.Hosting;
using Timeline.Testing.Postgres;

namespace Timeline.Api.Tests.Stores;

/// <summary>
/// A new database of the throwaway PostgreSQL for every store, opened from its <c>postgres://</c> URI as
/// <c>timeline serve</c> opens it; all are dropped when the class is done.
/// </summary>
public sealed class PostgresApiStores : ApiStores
{
    private readonly Databases _databases = new();
    private readonly ConcurrentDictionary<string, string> _connectionStrings = new(StringComparer.Ordinal);

    protected override async Task<string?> NewStoreAsync()
    {
        var connectionString = await _databases.NewAsync();
        var uri = PostgresServer.UriOf(connectionString);
        _connectionStrings[uri] = connectionString;
        return uri;
    }

    /// <summary>Runs one scalar query straight against <paramref name="host"/>'s database, past the store.</summary>
    public async Task<T> ScalarAsync<T>(ApiHost host, string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionStrings[host.Store]);
        await connection.OpenAsync(Web.Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Web.Cancel))!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _databases.DisposeAsync();
    }

    private sealed class Databases : PostgresDatabases
    {
        protected override string Prefix => "timeline_api";
    }
}
