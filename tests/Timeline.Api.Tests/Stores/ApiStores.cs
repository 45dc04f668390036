using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Stores;

/// <summary>
/// Where an API contract suite's hosts keep their events: a class fixture, so one per test class. Each backend says
/// how to make a new, empty store (<see cref="NewStoreAsync"/>); a suite runs on a backend through a one-line
/// subclass in <see cref="OnSqlite"/> or <see cref="OnPostgres"/>.
/// </summary>
/// <remarks>
/// Nothing is made until a test asks, so that a missing PostgreSQL skips (or, with <c>CI=true</c>, fails) the test
/// that asked instead of breaking the fixture.
/// </remarks>
public abstract class ApiStores : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (ApiHost Host, object Prepared)? _shared;

    /// <summary>
    /// The store text (as <c>--store</c> takes it) of a new, empty store, or null for a new SQLite file in the host's
    /// own folder. The fixture removes what it made when the class is done.
    /// </summary>
    protected abstract Task<string?> NewStoreAsync();

    /// <summary>A host on a new, empty store, for one test; the test disposes it.</summary>
    public async Task<ApiHost> NewHostAsync(bool allowAnonymousRead = false) =>
        new(allowAnonymousRead, store: await NewStoreAsync());

    /// <summary>
    /// The host this test class shares, on a new store that <paramref name="prepare"/> fills on the first call; every
    /// call returns that host and what <paramref name="prepare"/> returned. Tests that share it only read, or write
    /// what every test may see.
    /// </summary>
    public async Task<(ApiHost Host, T Prepared)> SharedAsync<T>(Func<ApiHost, Task<T>> prepare, bool allowAnonymousRead = false)
        where T : notnull
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_shared is null)
            {
                var host = await NewHostAsync(allowAnonymousRead);
                try
                {
                    _shared = (host, await prepare(host));
                }
                catch
                {
                    await host.DisposeAsync();
                    throw;
                }
            }
            return (_shared.Value.Host, (T)_shared.Value.Prepared);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        if (_shared is { Host: var host })
        {
            await host.DisposeAsync();
        }
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }
}
