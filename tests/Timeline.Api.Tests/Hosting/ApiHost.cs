using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Timeline.Api.Keys;
using Timeline.Cli;
using Timeline.Core.Storage;
using Timeline.Store.Selection;

namespace Timeline.Api.Tests.Hosting;

/// <summary>
/// The API through <see cref="WebApplicationFactory{TEntryPoint}"/> on its own store, with a fake clock shared by the
/// API, the store and the CLI runs against the same store. The store is a temporary SQLite file unless a store text is
/// given (e.g. the PostgreSQL URI of a throwaway database); either is opened with <see cref="StoreLocation"/>, as
/// <c>timeline serve</c> opens it, and the keys live in it.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    /// <summary>When the fake clock starts: after every seed report, so none is in the future.</summary>
    public static readonly DateTimeOffset Start = new(2023, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;
    // The keys are issued and revoked through an instance of their own, as `timeline keys` would from another process.
    private readonly IStore _keysStore;

    /// <param name="store">
    /// A store text as <c>--store</c> takes it (<c>sqlite:PATH</c>, a PostgreSQL URI or connection string); by default
    /// a new SQLite file in <see cref="Folder"/>. The caller owns a PostgreSQL database and drops it.
    /// </param>
    public ApiHost(bool allowAnonymousRead = false, Action<IServiceCollection>? services = null, Action<ApiOptions>? options = null, string? store = null)
    {
        Folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"timeline-api-tests-{Guid.NewGuid():N}")).FullName;
        Store = store ?? $"sqlite:{Path.Combine(Folder, "timeline.db")}";
        Location = StoreLocation.Parse(Store, Folder);
        _keysStore = Location.Open(Clock);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<IStore>(provider => Location.Open(provider.GetRequiredService<TimeProvider>()));
            s.Configure<ApiOptions>(o =>
            {
                o.AllowAnonymousRead = allowAnonymousRead;
                // Every test client shares one (empty) address and the auth tests send hundreds of bad keys on
                // purpose; the tests of the limit itself set their own (FailedAuthenticationTests).
                o.FailedAuthenticationLimit = 1_000_000;
                options?.Invoke(o);
            });
            services?.Invoke(s);
        }));
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public string Folder { get; }

    /// <summary>The store text given to the CLI runs: <c>sqlite:PATH</c>, or what the constructor was given.</summary>
    public string Store { get; }

    public StoreLocation Location { get; }

    /// <summary>The SQLite file of a SQLite host.</summary>
    /// <exception cref="InvalidOperationException">The host runs on PostgreSQL.</exception>
    public string StorePath => Location.SqlitePath ?? throw new InvalidOperationException($"{Location} is not a SQLite file");

    /// <summary>A client that sends <paramref name="key"/> as a bearer token, or nothing.</summary>
    public HttpClient Client(string? key = null)
    {
        var client = _factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    /// <summary>A client with a raw Authorization header.</summary>
    public HttpClient ClientWithAuthorization(string header)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        return client;
    }

    /// <summary>Issues a key straight into the store, as <c>timeline keys create</c> would.</summary>
    public async Task<string> KeyAsync(string name, string role) =>
        (await new KeyRing(Keys, Clock).IssueAsync(name, role, "test", TestContext.Current.CancellationToken)).Key;

    public Task RevokeAsync(string name) => new KeyRing(Keys, Clock).RevokeAsync(name, TestContext.Current.CancellationToken);

    private IKeyStore Keys => _keysStore;

    /// <summary>Runs <c>timeline ARGS --store STORE</c> in process, on this host's store and clock.</summary>
    public async Task<CliRun> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, () => Stream.Null, name => name == "TIMELINE_USER" ? "cli-user" : null, Folder, Clock, IsInteractive: false);
        var code = await TimelineCli.RunAsync([.. args, "--store", Store], environment);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _keysStore.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean up.
        }
    }
}

public sealed record CliRun(int ExitCode, string Out, string Error);
