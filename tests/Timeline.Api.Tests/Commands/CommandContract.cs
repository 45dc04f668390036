using System.Net;
using System.Net.Http.Headers;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;

namespace Timeline.Api.Tests.Commands;

/// <summary>
/// POST /api/commands: live entry, recordedBy, versions as ETags, and If-Match. Each test has its own store with the
/// seeds posted by the editor key <c>newsroom-editor</c>.
/// </summary>
public abstract class CommandContract(ApiStores stores) : ApiContract<HttpClient>(stores)
{
    private const string TwoMeetings = """
        [
          {"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"},
          {"command": "InviteParticipant", "meetingId": "apec-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"}
        ]
        """;

    protected override bool SharesHost => false;

    private HttpClient Editor => Prepared;

    protected override Task<HttpClient> PrepareAsync(ApiHost host) => Seeds.PostAllAsEditorAsync(host, "newsroom-editor");

    [Fact]
    public async Task A_command_without_reportedAt_is_reported_now_and_recorded_by_the_key()
    {
        Host.Clock.Advance(TimeSpan.FromMinutes(90));

        using var response = await Editor.PostAsync("/api/commands", Seeds.Json("""
            {"command": "InviteParticipant", "meetingId": "eaeu-2022", "participant": "Kassym-Jomart Tokayev"}
            """), Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal("applied", report["outcomes"]![0]!["result"]!.GetValue<string>());
        Assert.Equal("request", report["outcomes"]![0]!["origin"]!["file"]!.GetValue<string>());
        using var history = await Editor.GetAsync("/api/meetings/eaeu-2022/history", Web.Cancel);
        var last = (await history.JsonAsync())["entries"]!.AsArray()[^1]!;
        Assert.Equal("2023-01-10T10:30:00Z", last["reportedAt"]!.GetValue<string>());
        Assert.Equal("2023-01-10T10:30:00.000000Z", last["recordedAt"]!.GetValue<string>());
        Assert.Equal("newsroom-editor", last["recordedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_meeting_version_is_its_etag_and_a_write_with_a_matching_if_match_moves_it_on()
    {
        using var before = await Editor.GetAsync("/api/meetings/g20-2022", Web.Cancel);
        var version = (await before.JsonAsync())["version"]!.GetValue<long>();
        Assert.Equal($"\"{version}\"", before.Headers.ETag!.Tag);

        using var response = await Post("""{"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"}""", ifMatch: $"\"{version}\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{version + 1}\"", response.Headers.ETag!.Tag);
        using var after = await Editor.GetAsync("/api/meetings/g20-2022", Web.Cancel);
        Assert.Equal($"\"{version + 1}\"", after.Headers.ETag!.Tag);
        Assert.Equal(version + 1, (await after.JsonAsync())["version"]!.GetValue<long>());
        using var history = await Editor.GetAsync("/api/meetings/g20-2022/history", Web.Cancel);
        Assert.Equal($"\"{version + 1}\"", history.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_stale_if_match_gets_409_expected_version_and_writes_nothing()
    {
        using var before = await Editor.GetAsync("/api/meetings/g20-2022", Web.Cancel);
        var etag = before.Headers.ETag!.Tag;
        using var first = await Post("""{"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"}""", etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var written = await Editor.AuditCountAsync();

        using var second = await Post("""{"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Rishi Sunak"}""", etag);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("expected-version", (await second.ProblemAsync())["rule"]!.GetValue<string>());
        Assert.Equal(written, await Editor.AuditCountAsync());
        using var meeting = await Editor.GetAsync("/api/meetings/g20-2022", Web.Cancel);
        Assert.DoesNotContain("Rishi Sunak", await meeting.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task If_match_on_several_commands_of_one_meeting_checks_the_version_before_the_first()
    {
        using var before = await Editor.GetAsync("/api/meetings/apec-2022", Web.Cancel);

        using var response = await Post("""
            [
              {"command": "InviteParticipant", "meetingId": "apec-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"},
              {"command": "ConfirmAttendance", "meetingId": "apec-2022", "reportedAt": "2022-11-02", "participant": "Joe Biden"}
            ]
            """, before.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("W/\"3\"")]
    [InlineData("\"three\"")]
    [InlineData("3")]
    public async Task A_malformed_if_match_gets_400(string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/commands")
        {
            Content = Seeds.Json("""{"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"}"""),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        using var response = await Editor.SendAsync(request, Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("If-Match", (await response.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task If_match_on_a_request_about_two_meetings_gets_400()
    {
        using var response = await Post(TwoMeetings, "\"1\"");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("apec-2022", (await response.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_about_two_meetings_has_no_etag_and_reports_both_versions()
    {
        using var response = await Post(TwoMeetings);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        var versions = (await response.JsonAsync())["streamVersions"]!.AsObject();
        Assert.Equal(["apec-2022", "g20-2022"], versions.Select(v => v.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Posting_the_same_command_twice_applies_it_once()
    {
        const string Command = """{"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"}""";
        using var first = await Post(Command);

        using var second = await Post(Command);

        Assert.Equal("applied", (await first.JsonAsync())["outcomes"]![0]!["result"]!.GetValue<string>());
        var report = await second.JsonAsync();
        Assert.Equal("duplicate", report["outcomes"]![0]!["result"]!.GetValue<string>());
        Assert.Equal(0, report["eventsAppended"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_retried_live_command_with_its_id_is_a_duplicate_even_though_now_has_moved_on()
    {
        const string Command = """{"command": "InviteParticipant", "commandId": "desk-7", "meetingId": "g20-2022", "participant": "Joe Biden"}""";
        using var first = await Post(Command);
        Host.Clock.Advance(TimeSpan.FromMinutes(5));

        using var retry = await Post(Command);

        Assert.Equal("applied", (await first.JsonAsync())["outcomes"]![0]!["result"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("duplicate", (await retry.JsonAsync())["outcomes"]![0]!["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_used_command_id_on_another_meeting_gets_409_command_id_reused()
    {
        using var first = await Post("""{"command": "InviteParticipant", "commandId": "desk-8", "meetingId": "g20-2022", "participant": "Joe Biden"}""");

        using var reused = await Post("""{"command": "InviteParticipant", "commandId": "desk-8", "meetingId": "apec-2022", "participant": "Joe Biden"}""");

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("command-id-reused", (await reused.JsonAsync())["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Twenty_writers_racing_on_one_meeting_without_if_match_all_get_through()
    {
        var written = await Editor.AuditCountAsync();
        var names = Enumerable.Range(1, 20).Select(i => $"Envoy Number {i:D2}").ToList();

        var responses = await Task.WhenAll(names.Select(name => Post(
            $$"""{"command": "AnnounceAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "{{name}}", "level": "expected"}""")));

        foreach (var response in responses)
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.TextAsync());
                Assert.Equal("applied", (await response.JsonAsync())["outcomes"]![0]!["result"]!.GetValue<string>());
            }
        }
        Assert.Equal(written + 20, await Editor.AuditCountAsync());
        using var meeting = await Editor.GetAsync("/api/meetings/g20-2022", Web.Cancel);
        var participants = (await meeting.JsonAsync())["participants"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(names.ToHashSet(), participants);
    }

    [Fact]
    public async Task Ten_callers_racing_with_one_command_id_all_succeed_and_one_event_is_stored()
    {
        const string Command = """{"command": "InviteParticipant", "commandId": "desk-race", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"}""";
        var written = await Editor.AuditCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Post(Command)));

        var results = new List<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.TextAsync());
                results.Add((await response.JsonAsync())["outcomes"]![0]!["result"]!.GetValue<string>());
            }
        }
        Assert.Equal(1, results.Count(r => r == "applied"));
        Assert.Equal(9, results.Count(r => r == "duplicate"));
        Assert.Equal(written + 1, await Editor.AuditCountAsync());
    }

    [Fact]
    public async Task Writers_racing_with_one_if_match_get_one_winner_and_409s_naming_the_version_found()
    {
        using var before = await Editor.GetAsync("/api/meetings/g20-2022", Web.Cancel);
        var version = (await before.JsonAsync())["version"]!.GetValue<long>();
        var written = await Editor.AuditCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Post(
            $$"""{"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Envoy Number {{i}}"}""",
            $"\"{version}\"")));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Conflict));
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await response.ProblemAsync();
            Assert.Equal("expected-version", problem["rule"]!.GetValue<string>());
            Assert.Contains($"is at version {version + 1}, not {version}", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        foreach (var response in responses)
        {
            response.Dispose();
        }
        Assert.Equal(written + 1, await Editor.AuditCountAsync());
    }

    [Fact]
    public async Task A_dry_run_reports_each_outcome_and_writes_nothing()
    {
        using var seen = await Post("""{"command": "InviteParticipant", "commandId": "desk-9", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"}""");
        using var before = await Editor.GetAsync("/api/meetings/g20-2022", Web.Cancel);
        var version = (await before.JsonAsync())["version"]!.GetValue<long>();
        var written = await Editor.AuditCountAsync();

        using var response = await Editor.PostAsync("/api/commands?dryRun=true", Seeds.Json("""
            [
              {"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-02", "participant": "Rishi Sunak"},
              {"command": "InviteParticipant", "commandId": "desk-9", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Joe Biden"},
              {"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-02", "participant": "Rishi Sunak"},
              {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-03", "participant": "Rishi Sunak"}
            ]
            """), Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.True(report["dryRun"]!.GetValue<bool>());
        Assert.Equal(["applied", "duplicate", "duplicate", "applied"], report["outcomes"]!.AsArray().Select(o => o!["result"]!.GetValue<string>()));
        Assert.Equal(2, report["eventsToAppend"]!.GetValue<int>());
        Assert.Equal(version, report["currentVersions"]!["g20-2022"]!.GetValue<long>());
        Assert.Equal(written, await Editor.AuditCountAsync());
    }

    [Fact]
    public async Task A_dry_run_with_a_rejected_command_answers_409_with_the_report_and_decides_the_rest()
    {
        var written = await Editor.AuditCountAsync();

        using var response = await Editor.PostAsync("/api/commands?dryRun=true", Seeds.Json("""
            [
              {"command": "InviteParticipant", "meetingId": "no-such-meeting", "reportedAt": "2022-11-02", "participant": "Rishi Sunak"},
              {"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-02", "participant": "Rishi Sunak"}
            ]
            """), Web.Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var report = await response.JsonAsync();
        var rejected = report["outcomes"]![0]!;
        Assert.Equal("rejected", rejected["result"]!.GetValue<string>());
        Assert.Equal("meeting-not-announced", rejected["rule"]!.GetValue<string>());
        Assert.Contains("no-such-meeting", rejected["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, report["rejected"]!.GetValue<int>());
        Assert.Equal("applied", report["outcomes"]![1]!["result"]!.GetValue<string>());
        Assert.Equal(written, await Editor.AuditCountAsync());
    }

    [Fact]
    public async Task A_dry_run_with_a_malformed_command_gets_400_like_a_real_request()
    {
        using var response = await Editor.PostAsync("/api/commands?dryRun=true", Seeds.Json("""
            {"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2022-11-02"}
            """), Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("participant", (await response.ProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Post(string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/commands") { Content = Seeds.Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        return await Editor.SendAsync(request, Web.Cancel);
    }
}
