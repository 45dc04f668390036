using System.Net;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;

namespace Timeline.Api.Tests.Security;

/// <summary>
/// Every caller against every endpoint group: 401 without a good key, 403 for the wrong role. The rows share one
/// seeded store with a key per role, a revoked key and a spare key for every DELETE row; they only read, or write
/// idempotently.
/// </summary>
public abstract class AuthMatrixContract(ApiStores stores) : ApiContract<IReadOnlyDictionary<string, string>>(stores)
{
    public static readonly string[] Callers = ["anonymous", "reader", "editor", "admin", "revoked", "garbage", "not-bearer"];

    protected override bool SharesHost => true;

    /// <summary>The key of each caller that has one, by caller.</summary>
    private IReadOnlyDictionary<string, string> Keys => Prepared;

    protected override async Task<IReadOnlyDictionary<string, string>> PrepareAsync(ApiHost host)
    {
        var keys = new Dictionary<string, string>
        {
            ["reader"] = await host.KeyAsync("reader", "reader"),
            ["editor"] = await host.KeyAsync("editor", "editor"),
            ["admin"] = await host.KeyAsync("admin", "admin"),
            ["revoked"] = await host.KeyAsync("revoked", "admin"),
        };
        await host.RevokeAsync("revoked");
        foreach (var caller in Callers)
        {
            await host.KeyAsync($"spare-{caller}", "reader");
        }
        await Seeds.PostAllAsync(host.Client(keys["editor"]));
        return keys;
    }

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var caller in Callers)
        {
            foreach (var endpoint in Endpoint.All)
            {
                rows.Add(caller, endpoint.Name);
            }
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_caller_gets_what_its_role_allows(string caller, string endpointName)
    {
        var endpoint = Endpoint.All.Single(e => e.Name == endpointName);
        using var client = caller switch
        {
            "anonymous" => Host.Client(),
            "garbage" => Host.Client("tl_this-is-not-a-key"),
            "not-bearer" => Host.ClientWithAuthorization("Basic YWRtaW46YWRtaW4="),
            _ => Host.Client(Keys[caller]),
        };

        using var response = await endpoint.Call(client, caller);

        var expected = Expected(caller, endpoint);
        Assert.True(expected == response.StatusCode, $"{caller} → {endpoint}: expected {expected}, got {response.StatusCode}: {await response.TextAsync()}");
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.Single().Scheme, StringComparison.Ordinal);
            await response.ProblemAsync();
        }
        else if (expected == HttpStatusCode.Forbidden)
        {
            var problem = await response.ProblemAsync();
            Assert.Contains($"'{caller}'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/")]
    public async Task Health_the_OpenAPI_document_and_the_page_need_no_key(string path)
    {
        using var response = await Host.Client().GetAsync(path, Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpStatusCode Expected(string caller, Endpoint endpoint) => (caller, endpoint.Access) switch
    {
        ("reader", Access.Read) or ("editor", Access.Read or Access.Write) or ("admin", _) => endpoint.Allowed,
        ("reader" or "editor", _) => HttpStatusCode.Forbidden,
        _ => HttpStatusCode.Unauthorized,
    };
}
