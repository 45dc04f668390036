using System.Net;
using System.Net.Http.Headers;
using Timeline.Api.Tests.Hosting;

namespace Timeline.Api.Tests.Postgres;

/// <summary>
/// POST /api/commands on PostgreSQL: versions as ETags, If-Match, rule rejections and bad commands. Each test has its
/// own database with the seeds posted by the editor key <c>newsroom-editor</c>.
/// </summary>
public sealed class PostgresCommandTests(ApiPostgres postgres) : IClassFixture<ApiPostgres>
{
    [Fact]
    public async Task The_meeting_version_is_its_etag_and_a_write_with_a_matching_if_match_moves_it_on()
    {
        var (host, editor) = await SeededAsync();
        await using var _ = host;
        using var before = await editor.GetAsync("/api/meetings/g20-2022", Web.Cancel);
        var version = (await before.JsonAsync())["version"]!.GetValue<long>();
        Assert.Equal($"\"{version}\"", before.Headers.ETag!.Tag);

        using var response = await Post(editor, """{"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"}""", $"\"{version}\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{version + 1}\"", response.Headers.ETag!.Tag);
        using var after = await editor.GetAsync("/api/meetings/g20-2022", Web.Cancel);
        Assert.Equal($"\"{version + 1}\"", after.Headers.ETag!.Tag);
        Assert.Equal(version + 1, (await after.JsonAsync())["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_stale_if_match_gets_409_expected_version_and_writes_nothing()
    {
        var (host, editor) = await SeededAsync();
        await using var _ = host;
        using var before = await editor.GetAsync("/api/meetings/g20-2022", Web.Cancel);
        var etag = before.Headers.ETag!.Tag;
        using var first = await Post(editor, """{"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"}""", etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var written = await AuditCountAsync(editor);

        using var second = await Post(editor, """{"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Rishi Sunak"}""", etag);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("expected-version", (await second.ProblemAsync())["rule"]!.GetValue<string>());
        Assert.Equal(written, await AuditCountAsync(editor));
        using var meeting = await editor.GetAsync("/api/meetings/g20-2022", Web.Cancel);
        Assert.DoesNotContain("Rishi Sunak", await meeting.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_rejection_gets_409_with_the_rule_and_writes_nothing()
    {
        var (host, editor) = await SeededAsync();
        await using var _ = host;
        var before = await AuditCountAsync(editor);

        using var response = await editor.PostAsync("/api/commands", Seeds.Json("""
            [
              {"command": "ConfirmAttendance", "meetingId": "apec-2022", "reportedAt": "2022-11-01", "participant": "Xi Jinping"},
              {"command": "PostponeMeeting", "meetingId": "eef-2022", "reportedAt": "2022-11-01"}
            ]
            """), Web.Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("meeting-held", problem["rule"]!.GetValue<string>());
        Assert.Equal(1, problem["index"]!.GetValue<int>());
        Assert.Equal("PostponeMeeting", problem["command"]!.GetValue<string>());
        Assert.Equal(before, await AuditCountAsync(editor));
    }

    [Fact]
    public async Task A_bad_command_gets_400_with_errors_keyed_by_index_and_field_and_writes_nothing()
    {
        var (host, editor) = await SeededAsync();
        await using var _ = host;
        var before = await AuditCountAsync(editor);

        using var response = await editor.PostAsync("/api/commands", Seeds.Json("""
            [
              {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Xi Jinping"},
              {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-13-01"},
              {"command": "confirmAttendance", "meetingId": "g20-2022"},
              {"command": "CancelMeeting", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "colour": "red"}
            ]
            """), Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains(problem.Errors("2.command"), m => m.Contains("did you mean 'ConfirmAttendance'", StringComparison.Ordinal));
        Assert.Contains(problem.Errors("3.colour"), m => m.Length > 0);
        Assert.DoesNotContain("0.participant", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await AuditCountAsync(editor));
    }

    [Fact]
    public async Task Shape_checks_name_the_index_and_the_field_and_write_nothing()
    {
        var (host, editor) = await SeededAsync();
        await using var _ = host;
        var before = await AuditCountAsync(editor);

        using var response = await editor.PostAsync("/api/commands", Seeds.Json("""
            [
              {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Xi Jinping"},
              {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-13-01"}
            ]
            """), Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains(problem.Errors("1.reportedAt"), m => m.Contains("2022-13-01", StringComparison.Ordinal));
        Assert.NotEmpty(problem.Errors("1.participant"));
        Assert.Equal(2, problem["errors"]!.AsObject().Count);
        Assert.Equal(before, await AuditCountAsync(editor));
    }

    private async Task<(ApiHost Host, HttpClient Editor)> SeededAsync()
    {
        var host = await postgres.NewHostAsync();
        try
        {
            var editor = host.Client(await host.KeyAsync("newsroom-editor", "editor"));
            await Seeds.PostAllAsync(editor);
            return (host, editor);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static async Task<HttpResponseMessage> Post(HttpClient editor, string json, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/commands") { Content = Seeds.Json(json) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return await editor.SendAsync(request, Web.Cancel);
    }

    private static async Task<int> AuditCountAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/audit?limit=100000", Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())["events"]!.AsArray().Count;
    }
}
