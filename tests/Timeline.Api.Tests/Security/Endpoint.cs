using System.Net;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Security;

/// <summary>What a caller needs for an endpoint.</summary>
public enum Access
{
    Read,
    Write,
    Admin,
}

/// <summary>One endpoint of the matrix: how to call it and what it answers when the caller may.</summary>
public sealed record Endpoint(string Name, Access Access, HttpStatusCode Allowed, Func<HttpClient, string, Task<HttpResponseMessage>> Call)
{
    public override string ToString() => Name;

    /// <summary>Every endpoint group, each with a call that succeeds for a caller with the right role.</summary>
    public static IReadOnlyList<Endpoint> All { get; } =
    [
        new("GET /api/schedule", Access.Read, HttpStatusCode.OK, (c, _) => c.GetAsync("/api/schedule?asOf=2022-09-10", Web.Cancel)),
        new("GET /api/meetings/{id}", Access.Read, HttpStatusCode.OK, (c, _) => c.GetAsync("/api/meetings/g20-2022", Web.Cancel)),
        new("GET /api/meetings/{id}/history", Access.Read, HttpStatusCode.OK, (c, _) => c.GetAsync("/api/meetings/g20-2022/history", Web.Cancel)),
        new("GET /api/attendance", Access.Read, HttpStatusCode.OK, (c, _) => c.GetAsync("/api/attendance", Web.Cancel)),
        new("GET /api/diff", Access.Read, HttpStatusCode.OK, (c, _) => c.GetAsync("/api/diff?from=2022-09-10&to=2022-11-12", Web.Cancel)),
        new("GET /api/conflicts", Access.Read, HttpStatusCode.OK, (c, _) => c.GetAsync("/api/conflicts", Web.Cancel)),
        new("GET /api/audit", Access.Read, HttpStatusCode.OK, (c, _) => c.GetAsync("/api/audit?limit=5", Web.Cancel)),
        new("GET /api/me", Access.Read, HttpStatusCode.OK, (c, _) => c.GetAsync("/api/me", Web.Cancel)),
        new("GET /api/dates", Access.Read, HttpStatusCode.OK, (c, _) => c.GetAsync("/api/dates?value=2022-11", Web.Cancel)),
        new("GET /api/schedule.ics", Access.Read, HttpStatusCode.OK, (c, _) => c.GetAsync("/api/schedule.ics", Web.Cancel)),
        new("GET /api/changes", Access.Read, HttpStatusCode.OK, (c, _) => HeadersOfAsync(c, "/api/changes?after=0")),
        new("POST /api/commands", Access.Write, HttpStatusCode.OK, (c, _) => c.PostAsync("/api/commands", Seeds.Json("""
            {"command": "ConfirmAttendance", "meetingId": "sco-2022", "reportedAt": "2022-09-13", "participant": "Xi Jinping", "commandId": "matrix-confirm"}
            """), Web.Cancel)),
        new("GET /api/keys", Access.Admin, HttpStatusCode.OK, (c, _) => c.GetAsync("/api/keys", Web.Cancel)),
        new("POST /api/keys", Access.Admin, HttpStatusCode.Created, (c, unique) => c.PostAsync("/api/keys", Seeds.Json($$"""{"name": "made-{{unique}}", "role": "reader"}"""), Web.Cancel)),
        new("DELETE /api/keys/{name}", Access.Admin, HttpStatusCode.NoContent, (c, unique) => c.DeleteAsync($"/api/keys/spare-{unique}", Web.Cancel)),
    ];

    /// <summary>
    /// A stream that never ends (the change feed) as its status and headers alone: the connection is closed once they
    /// are in, and the answer given in its place has no body to wait for.
    /// </summary>
    private static async Task<HttpResponseMessage> HeadersOfAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, Web.Cancel);
        if (!response.IsSuccessStatusCode)
        {
            var failure = new HttpResponseMessage(response.StatusCode) { Content = new ByteArrayContent(await response.Content.ReadAsByteArrayAsync(Web.Cancel)) };
            foreach (var header in response.Content.Headers)
            {
                failure.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            foreach (var header in response.Headers)
            {
                failure.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            return failure;
        }
        return new HttpResponseMessage(response.StatusCode) { Content = new StringContent(response.Content.Headers.ContentType?.MediaType ?? string.Empty) };
    }
}
