using System.Collections.Concurrent;

namespace Timeline.Testing.Postgres;

/// <summary>
/// A class fixture that hands out a new, empty database for every store a test asks for (the CLI and the API always
/// keep their events in the schema <c>timeline</c>, so stores cannot share a database), and drops them all when the
/// class is done.
/// </summary>
/// <remarks>
/// Nothing happens until a test asks, so that a missing PostgreSQL skips the test that asked (with the hint of
/// <see cref="PostgresServer"/>), or fails it when <c>CI=true</c>, instead of breaking the fixture.
/// </remarks>
public class PostgresDatabases : IAsyncLifetime
{
    private readonly ConcurrentBag<(PostgresServer Server, string ConnectionString)> _databases = [];

    /// <summary>Prefix of the database names, e.g. the test project.</summary>
    protected virtual string Prefix => "timeline_test";

    /// <summary>The connection string of a new, empty database the test role owns (with <paramref name="icuCollation"/> as its collation, when given).</summary>
    public async Task<string> NewAsync(string? icuCollation = null)
    {
        var server = await PostgresServer.Require().ConfigureAwait(false);
        var connectionString = await server.CreateDatabaseAsync(Prefix, CancellationToken.None, icuCollation).ConfigureAwait(false);
        _databases.Add((server, connectionString));
        return connectionString;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var (server, connectionString) in _databases)
        {
            await server.DropDatabaseAsync(connectionString).ConfigureAwait(false);
        }
        GC.SuppressFinalize(this);
    }
}
