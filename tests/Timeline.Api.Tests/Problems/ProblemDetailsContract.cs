using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;

namespace Timeline.Api.Tests.Problems;

/// <summary>
/// Every refusal is a ProblemDetails body with the right status, naming what is wrong and where, and writes nothing.
/// The tests share one store with the seeds posted by the editor key <c>editor</c>: a refusal leaves it as it was.
/// </summary>
public abstract class ProblemDetailsContract(ApiStores stores) : ApiContract<HttpClient>(stores)
{
    /// <summary>A JSON body of about 4.5 MB, over the 4 MiB limit.</summary>
    private static readonly string OverTheBodyLimit = "[" + string.Join(",", Enumerable.Repeat("\"" + new string('x', 1000) + "\"", 4500)) + "]";

    protected override bool SharesHost => true;

    private HttpClient Editor => Prepared;

    protected override Task<HttpClient> PrepareAsync(ApiHost host) => Seeds.PostAllAsEditorAsync(host, "editor");

    [Fact]
    public async Task A_malformed_command_gets_400_with_errors_keyed_by_index_and_field_and_writes_nothing()
    {
        var problem = await RefusedAsync(HttpStatusCode.BadRequest, """
            [
              {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Xi Jinping"},
              {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-13-01"},
              {"command": "confirmAttendance", "meetingId": "g20-2022"},
              {"command": "CancelMeeting", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "colour": "red"}
            ]
            """);

        Assert.Contains(problem.Errors("2.command"), m => m.Contains("did you mean 'ConfirmAttendance'", StringComparison.Ordinal));
        Assert.Contains(problem.Errors("3.colour"), m => m.Length > 0);
        Assert.DoesNotContain("0.participant", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("request[", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shape_checks_name_the_index_and_the_field_and_write_nothing()
    {
        var problem = await RefusedAsync(HttpStatusCode.BadRequest, """
            [
              {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Xi Jinping"},
              {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-13-01"}
            ]
            """);

        Assert.Contains(problem.Errors("1.reportedAt"), m => m.Contains("2022-13-01", StringComparison.Ordinal));
        Assert.NotEmpty(problem.Errors("1.participant"));
        Assert.Equal(2, problem["errors"]!.AsObject().Count);
    }

    [Theory]
    [InlineData("/api/schedule?asOf=yesterday", "asOf")]
    [InlineData("/api/schedule?from=2022-14", "from")]
    [InlineData("/api/attendance?recordedAsOf=soon", "recordedAsOf")]
    [InlineData("/api/schedule?limit=0", "limit")]
    [InlineData("/api/schedule?limit=1001", "limit")]
    [InlineData("/api/schedule?limit=ten", "limit")]
    [InlineData("/api/schedule?after=page-2", "after")]
    [InlineData("/api/schedule?after=2022-11-16~g20-2022", "after")]
    [InlineData("/api/schedule?search=%E2%80%AEevil%00", "search")]
    [InlineData("/api/audit?limit=lots", "limit")]
    [InlineData("/api/audit?limit=0", "limit")]
    [InlineData("/api/audit?after=-1", "after")]
    [InlineData("/api/audit?command=Teleport", "command")]
    [InlineData("/api/meetings/Not%20A%20Slug", "id")]
    [InlineData("/api/diff", "from")]
    [InlineData("/api/diff?from=2022-11-12&to=2022-09-10", "from")]
    [InlineData("/api/diff?from=2022-09-10&to=12%20Nov", "to")]
    [InlineData("/api/diff?from=2022-09-10&recordedFrom=2026-11-29", "recordedFrom")]
    [InlineData("/api/diff?recordedFrom=2026-11-30&recordedTo=2026-11-29", "recordedFrom")]
    [InlineData("/api/diff?from=2022-09-10&asOf=2022-11-12", "asOf")]
    [InlineData("/api/conflicts?within=week", "within")]
    [InlineData("/api/conflicts?within=3651", "within")]
    [InlineData("/api/conflicts?asOf=tomorrow", "asOf")]
    [InlineData("/api/conflicts?meeting=g20-2022&meeting=Not%20A%20Slug", "meeting[1]")]
    [InlineData("/api/schedule?from=2023&to=2022-12", "from")]
    [InlineData("/api/audit?reportedFrom=2022-11-13&reportedTo=2022-11-12", "reportedFrom")]
    [InlineData("/api/schedule?participant=Xi%E2%80%AEJinping", "participant")]
    [InlineData("/api/changes?after=soon", "after")]
    [InlineData("/api/changes?meeting=Not%20A%20Slug", "meeting")]
    [InlineData("/api/changes?participant=%01", "participant")]
    public async Task A_bad_query_parameter_gets_400_naming_it(string path, string field)
    {
        using var response = await Editor.GetAsync(path, Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ProblemAsync()).Errors(field));
    }

    [Theory]
    [InlineData("/api/meetings/olympics-2024")]
    [InlineData("/api/meetings/olympics-2024/history")]
    [InlineData("/api/meetings/g20-2022?asOf=2022-09-01")]
    [InlineData("/api/diff?from=2022-09-10&meeting=olympics-2024")]
    [InlineData("/api/conflicts?meeting=olympics-2024")]
    public async Task An_unknown_meeting_gets_404(string path)
    {
        using var response = await Editor.GetAsync(path, Web.Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.NotNull(problem["meetingId"]);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/nothing-here.css")]
    public async Task An_unknown_route_gets_404_problem_details(string path)
    {
        using var response = await Editor.GetAsync(path, Web.Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task A_wrong_method_gets_405_problem_details()
    {
        using var response = await Editor.DeleteAsync("/api/schedule", Web.Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task A_rule_rejection_gets_409_with_the_rule_and_writes_nothing()
    {
        var problem = await RefusedAsync(HttpStatusCode.Conflict, """
            [
              {"command": "ConfirmAttendance", "meetingId": "apec-2022", "reportedAt": "2022-11-01", "participant": "Xi Jinping"},
              {"command": "PostponeMeeting", "meetingId": "eef-2022", "reportedAt": "2022-11-01"}
            ]
            """);

        Assert.Equal("meeting-held", problem["rule"]!.GetValue<string>());
        Assert.Equal(1, problem["index"]!.GetValue<int>());
        Assert.Equal("PostponeMeeting", problem["command"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_command_on_a_meeting_not_yet_announced_gets_409_meeting_not_announced()
    {
        using var response = await Editor.PostAsync("/api/commands", Seeds.Json("""
            {"command": "CancelMeeting", "meetingId": "g20-2022", "reportedAt": "2022-01-01"}
            """), Web.Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("meeting-not-announced", (await response.ProblemAsync())["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        using var response = await Editor.PostAsync("/api/commands", Seeds.Json(OverTheBodyLimit), Web.Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("4194304 bytes", (await response.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_without_a_length_gets_413_too()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(OverTheBodyLimit)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/commands") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Editor.SendAsync(request, Web.Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task A_batch_over_the_command_limit_gets_413()
    {
        var commands = Enumerable.Range(0, 5001).Select(i =>
            $$"""{"command": "CancelMeeting", "meetingId": "m-{{i}}", "reportedAt": "2022-11-01"}""");

        using var response = await Editor.PostAsync("/api/commands", Seeds.Json("[" + string.Join(",", commands) + "]"), Web.Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("5001 commands", (await response.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"command\": ")]
    [InlineData("[{\"command\": \"CancelMeeting\",}]")]
    [InlineData("not json")]
    public async Task Malformed_json_gets_400(string body)
    {
        using var response = await Editor.PostAsync("/api/commands", Seeds.Json(body), Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The body is not valid JSON", (await response.ProblemAsync())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_batch_gets_400()
    {
        using var response = await Editor.PostAsync("/api/commands", Seeds.Json("[]"), Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ProblemAsync()).Errors("commands"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        using var response = await Editor.PostAsync("/api/commands", new StringContent("command=CancelMeeting", Encoding.UTF8, "application/x-www-form-urlencoded"), Web.Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", (await response.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_a_right_to_left_override_gets_400_naming_the_field_and_the_code_point()
    {
        var problem = await RefusedAsync(HttpStatusCode.BadRequest, """
            {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Xi\u202eJinping"}
            """);

        Assert.Contains(problem.Errors("0.participant"), m => m.Contains("U+202E (right-to-left override)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 }, "is not valid UTF-8: byte 0xC3 at line 1 (byte offset 104)")]
    [InlineData(new byte[] { 0x00, 0x41 }, "holds a zero byte at line 1 (byte offset 104): it looks like UTF-16 without a byte order mark")]
    public async Task A_body_that_is_not_utf8_gets_400_naming_the_byte_offset(byte[] inName, string detail)
    {
        var before = await Editor.AuditCountAsync();
        var head = Encoding.UTF8.GetBytes("""{"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Xi""");
        using var content = new ByteArrayContent([.. head, .. inName, .. Encoding.UTF8.GetBytes("\"}")]);
        content.Headers.ContentType = new("application/json");

        using var response = await Editor.PostAsync("/api/commands", content, Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"the body {detail}", (await response.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await Editor.AuditCountAsync());
    }

    /// <summary>Posts <paramref name="commands"/>, expects <paramref name="status"/> and nothing written; returns the problem.</summary>
    private async Task<JsonObject> RefusedAsync(HttpStatusCode status, string commands)
    {
        var before = await Editor.AuditCountAsync();

        using var response = await Editor.PostAsync("/api/commands", Seeds.Json(commands), Web.Cancel);

        Assert.Equal(status, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(before, await Editor.AuditCountAsync());
        return problem;
    }
}
