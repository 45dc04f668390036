using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Timeline.Api.Hosting;
using Timeline.Core.Storage;

namespace Timeline.Api;

/// <summary>
/// The HTTP API as a library: the one composition root that <see cref="Program"/>, <c>timeline serve</c> and the tests
/// share. The same Mediator requests as the CLI answer every endpoint.
/// </summary>
public static class TimelineApi
{
    /// <summary>Builds the app, ready to run.</summary>
    /// <param name="args">Command-line arguments for ASP.NET Core's own configuration (<c>--urls</c> and so on).</param>
    /// <param name="options">The settings; null binds them from the configuration section <see cref="ApiOptions.Section"/>.</param>
    /// <param name="openStore">
    /// Makes the store, once, from the app's services (its <see cref="TimeProvider"/> included); it holds the API keys
    /// too. The app disposes it.
    /// </param>
    /// <param name="clock">The one clock: live reportedAt, recordedAt (through the store) and key times.</param>
    public static WebApplication CreateApp(string[] args, ApiOptions? options, Func<IServiceProvider, IStore> openStore, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(openStore);
        ArgumentNullException.ThrowIfNull(clock);
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddTimelineApi(options, openStore, clock);
        builder.Services.AddOtlpWhenConfigured(builder.Configuration);
        if (options?.Urls is { Length: > 0 } urls)
        {
            builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        var app = builder.Build();
        app.UseTimelineApi();
        return app;
    }

    /// <summary>
    /// Serves until <paramref name="cancellationToken"/> is cancelled or the process is asked to stop (Ctrl+C,
    /// SIGTERM), then stops cleanly. Writes the addresses it listens on to <paramref name="output"/> once it is up.
    /// </summary>
    public static async Task RunAsync(ApiOptions options, Func<IServiceProvider, IStore> openStore, TimeProvider clock, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        await using var app = CreateApp([], options, openStore, clock);
        await app.StartAsync(cancellationToken);
        foreach (var address in ListeningOn(app))
        {
            await output.WriteLineAsync($"Timeline is listening on {address}");
        }
        await output.WriteLineAsync("Press Ctrl+C to stop.");
        await output.FlushAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        await output.WriteLineAsync("Stopped.");
    }

    /// <summary>Checks a <see cref="ApiOptions.TrustedProxies"/> list; on failure <paramref name="error"/> quotes the entry that is no IP address.</summary>
    public static bool TryTrustedProxies(string? list, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        try
        {
            ForwardedClients.Proxies(list);
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>The addresses a started app listens on, with real port numbers where port 0 was asked for.</summary>
    public static IReadOnlyCollection<string> ListeningOn(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses is { Count: > 0 } ? [.. addresses] : [.. app.Urls];
    }
}
