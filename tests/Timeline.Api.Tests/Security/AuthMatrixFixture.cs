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

    public async ValueTask InitializeAsync()
    {
        Keys["reader"] = await Host.KeyAsync("reader", "reader");
        Keys["editor"] = await Host.KeyAsync("editor", "editor");
        Keys["admin"] = await Host.KeyAsync("admin", "admin");
        Keys["revoked"] = await Host.KeyAsync("revoked", "admin");
        await Host.RevokeAsync("revoked");
        foreach (var caller in AuthMatrixTests.Callers)
        {
            await Host.KeyAsync($"spare-{caller}", "reader");
        }
        await Seeds.PostAllAsync(Host.Client(Keys["editor"]));
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
