using Timeline.Core.Storage;
using Timeline.Store.Sqlite;

namespace Timeline.Api.Hosting;

/// <summary>The standalone server's store, from <c>Timeline:Store</c>, else <c>TIMELINE_STORE</c>, else <c>sqlite:timeline.db</c>.</summary>
internal static class ApiStores
{
    public const string Default = "sqlite:timeline.db";

    public static IEventStore FromConfiguration(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var text = configuration[$"{ApiOptions.Section}:Store"] is { Length: > 0 } configured ? configured
            : configuration["TIMELINE_STORE"] is { Length: > 0 } fromEnvironment ? fromEnvironment
            : Default;
        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && text.Length > "sqlite:".Length)
        {
            return new SqliteEventStore(Path.GetFullPath(text["sqlite:".Length..]), services.GetRequiredService<TimeProvider>());
        }
        throw new InvalidOperationException($"the store '{text}' is not one this server can open; use sqlite:<path>");
    }
}
