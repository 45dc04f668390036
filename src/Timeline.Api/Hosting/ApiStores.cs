using Timeline.Core.Storage;
using Timeline.Store.Selection;

namespace Timeline.Api.Hosting;

/// <summary>
/// The standalone server's store, from <c>Timeline:Store</c>, else <c>TIMELINE_STORE</c>, else
/// <c>sqlite:timeline.db</c>: any store text the CLI takes (<see cref="StoreLocation"/>).
/// </summary>
internal static class ApiStores
{
    public static IStore FromConfiguration(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var text = configuration[$"{ApiOptions.Section}:Store"] is { Length: > 0 } configured ? configured
            : configuration["TIMELINE_STORE"] is { Length: > 0 } fromEnvironment ? fromEnvironment
            : StoreLocation.Default;
        return StoreLocation.Parse(text, Directory.GetCurrentDirectory()).Open(services.GetRequiredService<TimeProvider>());
    }
}
