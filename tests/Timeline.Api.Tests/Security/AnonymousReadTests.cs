using System.Net;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Security;

/// <summary><c>--allow-anonymous-read</c>: GETs open to requests without a key; nothing else opens.</summary>
public sealed class AnonymousReadTests : IAsyncLifetime
{
    private readonly ApiHost _host = new(allowAnonymousRead: true);

    public async ValueTask InitializeAsync()
    {
        await _host.KeyAsync($"spare-anonymous", "reader");
        await _host.KeyAsync($"spare-garbage", "reader");
        await Seeds.PostAllAsync(_host.Client(await _host.KeyAsync("editor", "editor")));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Endpoints() => [.. Endpoint.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_key_reads_are_open_and_writes_are_not(string endpointName)
    {
        var endpoint = Endpoint.All.Single(e => e.Name == endpointName);

        using var response = await endpoint.Call(_host.Client(), "anonymous");

        Assert.Equal(endpoint.Access == Access.Read ? endpoint.Allowed : HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_bad_key_is_still_refused(string endpointName)
    {
        var endpoint = Endpoint.All.Single(e => e.Name == endpointName);

        using var response = await endpoint.Call(_host.Client("tl_not-a-key"), "garbage");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
