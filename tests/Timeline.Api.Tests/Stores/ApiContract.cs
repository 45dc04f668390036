using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Stores;

/// <summary>
/// An API contract suite: tests written once, run on each backend by a one-line subclass in <see cref="OnSqlite"/> and
/// <see cref="OnPostgres"/> that says where the stores come from.
/// </summary>
/// <typeparam name="T">
/// What <see cref="PrepareAsync"/> gives each test: a client with the key it needs, say, or the host itself when a test
/// needs nothing more.
/// </typeparam>
public abstract class ApiContract<T>(ApiStores stores) : IAsyncLifetime
    where T : notnull
{
    private ApiHost? _own;

    /// <summary>
    /// True when the tests of a class share one host, prepared once (they only read, or write what every test may
    /// see); false when each test gets a host of its own on a new store.
    /// </summary>
    protected abstract bool SharesHost { get; }

    /// <summary>Whether the host lets requests without a key read (<c>--allow-anonymous-read</c>).</summary>
    protected virtual bool AllowAnonymousRead => false;

    /// <summary>The host of this test.</summary>
    protected ApiHost Host { get; private set; } = null!;

    /// <summary>What <see cref="PrepareAsync"/> returned for <see cref="Host"/>.</summary>
    protected T Prepared { get; private set; } = default!;

    /// <summary>Fills a new host before its first test (keys, seeds); uses no state of the instance it runs on.</summary>
    protected abstract Task<T> PrepareAsync(ApiHost host);

    public async ValueTask InitializeAsync()
    {
        if (SharesHost)
        {
            (Host, Prepared) = await stores.SharedAsync(PrepareAsync, AllowAnonymousRead);
            return;
        }
        _own = await stores.NewHostAsync(AllowAnonymousRead);
        Host = _own;
        Prepared = await PrepareAsync(_own);
    }

    public async ValueTask DisposeAsync()
    {
        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
