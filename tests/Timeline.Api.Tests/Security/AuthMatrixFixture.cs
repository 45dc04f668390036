using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Security;

/// <summary>
/// One seeded store for the whole matrix, with a key per role, a revoked key, and a spare key for every DELETE row.
/// The rows only read, or write idempotently, so they can share it.
/// </summary>
public sealed class AuthMatrixFixture : IAsyncLifetime
{
    public ApiHost Host { get; } = new();

    public Dictionary<string, string> Keys { get; } = [];

    public ValueTask InitializeAsync() => new(PrepareAsync(Host, Keys));

    /// <summary>Issues a key per role, a revoked key and the spare keys into <paramref name="host"/>'s store, and posts the seeds.</summary>
    internal static async Task PrepareAsync(ApiHost host, Dictionary<string, string> keys)
    {
        keys["reader"] = await host.KeyAsync("reader", "reader");
        keys["editor"] = await host.KeyAsync("editor", "editor");
        keys["admin"] = await host.KeyAsync("admin", "admin");
        keys["revoked"] = await host.KeyAsync("revoked", "admin");
        await host.RevokeAsync("revoked");
        foreach (var caller in AuthMatrixTests.Callers)
        {
            await host.KeyAsync($"spare-{caller}", "reader");
        }
        await Seeds.PostAllAsync(host.Client(keys["editor"]));
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
