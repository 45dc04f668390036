using Timeline.Api.Hosting;

namespace Timeline.Api;

/// <summary>
/// The standalone server: <c>dotnet Timeline.Api.dll [--urls URL] [--Timeline:Store sqlite:PATH]</c>. The store comes
/// from <c>Timeline:Store</c>, else <c>TIMELINE_STORE</c>, else <c>sqlite:timeline.db</c>; other settings from the
/// section <c>Timeline</c> (<see cref="ApiOptions"/>). <c>timeline serve</c> calls <see cref="TimelineApi"/> instead.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static async Task Main(string[] args)
    {
        await using var app = TimelineApi.CreateApp(args, options: null, ApiStores.FromConfiguration, TimeProvider.System);
        await app.RunAsync();
    }
}
