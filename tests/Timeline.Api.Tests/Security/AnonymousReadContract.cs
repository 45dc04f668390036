using System.Net;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;

namespace Timeline.Api.Tests.Security;

/// <summary>
/// <c>--allow-anonymous-read</c>: GETs open to requests without a key; nothing else opens. The tests share one seeded
/// store; every write they try is refused.
/// </summary>
public abstract class AnonymousReadContract(ApiStores stores) : ApiContract<ApiHost>(stores)
{
    protected override bool SharesHost => true;

    protected override bool AllowAnonymousRead => true;

    protected override async Task<ApiHost> PrepareAsync(ApiHost host)
    {
        // The DELETE rows name a spare key after their caller: it must exist for a refusal to mean anything.
        await host.KeyAsync("spare-anonymous", "reader");
        await host.KeyAsync("spare-garbage", "reader");
        await Seeds.PostAllAsEditorAsync(host, "editor");
        return host;
    }

    public static TheoryData<string> Endpoints() => [.. Endpoint.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_key_reads_are_open_and_writes_are_not(string endpointName)
    {
        var endpoint = Endpoint.All.Single(e => e.Name == endpointName);

        using var response = await endpoint.Call(Host.Client(), "anonymous");

        Assert.Equal(endpoint.Access == Access.Read ? endpoint.Allowed : HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_bad_key_is_still_refused(string endpointName)
    {
        var endpoint = Endpoint.All.Single(e => e.Name == endpointName);

        using var response = await endpoint.Call(Host.Client("tl_not-a-key"), "garbage");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
