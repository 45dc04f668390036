using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Timeline.Api.Keys;
using Timeline.Cli;
using Timeline.Core.Storage;
using Timeline.Store.Sqlite;

namespace Timeline.Api.Tests.Hosting;

/// <summary>
/// The API through <see cref="WebApplicationFactory{TEntryPoint}"/> on its own temporary SQLite store, with a fake
/// clock shared by the API, the store and the CLI runs against the same file.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    /// <summary>When the fake clock starts: after every seed report, so none is in the future.</summary>
    public static readonly DateTimeOffset Start = new(2023, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;
    private readonly SqliteEventStore _keysStore;

    public ApiHost(bool allowAnonymousRead = false, Action<IServiceCollection>? services = null, Action<ApiOptions>? options = null)
    {
        Folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"timeline-api-tests-{Guid.NewGuid():N}")).FullName;
        StorePath = Path.Combine(Folder, "timeline.db");
        _keysStore = new SqliteEventStore(StorePath, Clock);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<IEventStore>(provider => new SqliteEventStore(StorePath, provider.GetRequiredService<TimeProvider>()));
            s.Configure<ApiOptions>(o =>
            {
                o.AllowAnonymousRead = allowAnonymousRead;
                options?.Invoke(o);
            });
            services?.Invoke(s);
        }));
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public string Folder { get; }

    public string StorePath { get; }

    public string Store => $"sqlite:{StorePath}";

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
        (await new KeyRing(_keysStore, Clock).IssueAsync(name, role, "test", TestContext.Current.CancellationToken)).Key;

    public Task RevokeAsync(string name) => new KeyRing(_keysStore, Clock).RevokeAsync(name, TestContext.Current.CancellationToken);

    /// <summary>Runs <c>timeline ARGS --store sqlite:PATH</c> in process, on this host's store and clock.</summary>
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
        _keysStore.Dispose();
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
