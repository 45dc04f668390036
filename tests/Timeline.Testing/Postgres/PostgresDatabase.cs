namespace Timeline.Testing.Postgres;

/// <summary>
/// A class fixture: one new database per test class, so test classes run in parallel without seeing each other.
/// Dropped when the class is done.
/// </summary>
/// <remarks>
/// The fixture itself never fails or skips: without PostgreSQL, each test that calls <see cref="RequireAsync"/>
/// is skipped (or failed when <c>CI=true</c>) with the reason; see <see cref="PostgresServer"/>.
/// </remarks>
public class PostgresDatabase : PostgresDatabases
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _connectionString;

    /// <summary>The connection string of this class's database; skips or fails the test when PostgreSQL is missing.</summary>
    public async Task<string> RequireAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return _connectionString ??= await NewAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }
}
