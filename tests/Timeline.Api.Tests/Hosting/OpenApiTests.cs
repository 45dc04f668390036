using System.Net;

namespace Timeline.Api.Tests.Hosting;

/// <summary>/openapi/v1.json describes every endpoint, its documents and the bearer key.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task The_document_lists_every_endpoint_the_documents_and_the_bearer_scheme()
    {
        await using var host = new ApiHost();

        using var response = await host.Client().GetAsync("/openapi/v1.json", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.JsonAsync();
        var paths = document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["/api/attendance", "/api/audit", "/api/changes", "/api/commands", "/api/conflicts", "/api/dates", "/api/diff", "/api/digest", "/api/keys", "/api/keys/{name}", "/api/me", "/api/meetings/{id}", "/api/meetings/{id}/history", "/api/report-days", "/api/schedule", "/api/schedule.ics"],
            paths);
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.All(["ScheduleDocument", "HistoryDocument", "AttendanceDocument", "AuditDocument", "ApplyReport", "KeyListDocument", "DiffDocument", "ConflictsDocument"], name => Assert.True(schemas.ContainsKey(name), name));
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        var kinds = schemas["MeetingKind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>());
        Assert.Contains("summit", kinds);
        Assert.Contains("next", document["paths"]!["/api/audit"]!["get"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(document["paths"]!["/api/changes"]!["get"]!["responses"]!["200"]!["content"]!.AsObject().ContainsKey("text/event-stream"));
    }
}
