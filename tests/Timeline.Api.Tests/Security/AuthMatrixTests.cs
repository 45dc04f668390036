using System.Net;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Security;

/// <summary>Every caller against every endpoint group: 401 without a good key, 403 for the wrong role.</summary>
public sealed class AuthMatrixTests(AuthMatrixFixture fixture) : IClassFixture<AuthMatrixFixture>
{
    public static readonly string[] Callers = ["anonymous", "reader", "editor", "admin", "revoked", "garbage", "not-bearer"];

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
    public Task Each_caller_gets_what_its_role_allows(string caller, string endpointName) =>
        CheckAsync(fixture.Host, fixture.Keys, caller, endpointName);

    /// <summary>One row of the matrix on <paramref name="host"/>, prepared by <see cref="AuthMatrixFixture.PrepareAsync"/>.</summary>
    internal static async Task CheckAsync(ApiHost host, IReadOnlyDictionary<string, string> keys, string caller, string endpointName)
    {
        var endpoint = Endpoint.All.Single(e => e.Name == endpointName);
        using var client = caller switch
        {
            "anonymous" => host.Client(),
            "garbage" => host.Client("tl_this-is-not-a-key"),
            "not-bearer" => host.ClientWithAuthorization("Basic YWRtaW46YWRtaW4="),
            _ => host.Client(keys[caller]),
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

    internal static HttpStatusCode Expected(string caller, Endpoint endpoint) => (caller, endpoint.Access) switch
    {
        ("reader", Access.Read) or ("editor", Access.Read or Access.Write) or ("admin", _) => endpoint.Allowed,
        ("reader" or "editor", _) => HttpStatusCode.Forbidden,
        _ => HttpStatusCode.Unauthorized,
    };

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/")]
    public async Task Health_the_OpenAPI_document_and_the_page_need_no_key(string path)
    {
        using var response = await fixture.Host.Client().GetAsync(path, Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
