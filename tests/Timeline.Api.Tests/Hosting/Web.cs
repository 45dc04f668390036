using System.Text.Json;
using System.Text.Json.Nodes;

namespace Timeline.Api.Tests.Hosting;

/// <summary>Small helpers for reading answers.</summary>
public static class Web
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(Cancel);

    /// <summary>A ProblemDetails body, checked for its content type and its status member.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.JsonAsync()).AsObject();
        Assert.Equal((int)response.StatusCode, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem;
    }

    /// <summary>How many events the store holds, read through <c>GET /api/audit</c>: to show that a refusal wrote nothing.</summary>
    public static async Task<int> AuditCountAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/api/audit?limit=100000", Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())["events"]!.AsArray().Count;
    }

    public static string[] Errors(this JsonObject problem, string key) =>
        problem["errors"]?[key]?.AsArray().Select(e => e!.GetValue<string>()).ToArray()
        ?? throw new Xunit.Sdk.XunitException($"no errors[\"{key}\"] in {problem.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
}
