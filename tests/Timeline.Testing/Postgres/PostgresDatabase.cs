namespace Timeline.Testing.Postgres;

/// <summary>
/// A class fixture: one new database per test class, so test classes run in parallel without seeing each other.
/// Dropped when the class is done.
/// </summary>
/// <remarks>
/// The fixture itself never fails or skips: without PostgreSQL, each test that calls <see cref="RequireAsync"/>
/// is skipped (or failed when <c>CI=true</c>) with the reason; see <see cref="PostgresServer"/>.
/// </remarks>
public class PostgresDatabase : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgresServer? _server;
    private string? _connectionString;

    /// <summary>Prefix of the database name, e.g. the test project.</summary>
    protected virtual string Prefix => "timeline_test";

    /// <summary>The connection string of this class's database; skips or fails the test when PostgreSQL is missing.</summary>
    public async Task<string> RequireAsync()
    {
        var server = await PostgresServer.Require().ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _server = server;
            return _connectionString ??= await server.CreateDatabaseAsync(Prefix, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The server, once <see cref="RequireAsync"/> has succeeded.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("call RequireAsync first");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        if (_server is not null && _connectionString is not null)
        {
            await _server.DropDatabaseAsync(_connectionString).ConfigureAwait(false);
        }
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }
}
