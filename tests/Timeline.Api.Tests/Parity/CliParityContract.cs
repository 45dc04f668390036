using System.Net;
using System.Text.Json.Nodes;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;

namespace Timeline.Api.Tests.Parity;

/// <summary>
/// The seeds go in through POST (by the editor key <c>seed-editor</c>, once for the class); then each GET must answer
/// with exactly the bytes <c>timeline … --format json</c> prints for the same query on the same store, with the host's
/// fake clock.
/// </summary>
public abstract class CliParityContract(ApiStores stores) : ApiContract<HttpClient>(stores)
{
    protected override bool SharesHost => true;

    private HttpClient Reader => Prepared;

    protected override Task<HttpClient> PrepareAsync(ApiHost host) => Seeds.SeededReaderAsync(host);

    public static TheoryData<string, string[]> Queries() => new()
    {
        { "/api/schedule", ["schedule"] },
        { "/api/schedule?asOf=2022-09-10", ["schedule", "--as-of", "2022-09-10"] },
        { "/api/schedule?asOf=2022-11-12&participant=vladimir%20putin", ["schedule", "--as-of", "2022-11-12", "--participant", "vladimir putin"] },
        { "/api/schedule?from=2022-11&to=2022-11", ["schedule", "--from", "2022-11", "--to", "2022-11"] },
        { "/api/schedule?recordedAsOf=2023-01-10T09:00:00Z", ["schedule", "--recorded-as-of", "2023-01-10T09:00:00Z"] },
        { "/api/schedule?limit=3", ["schedule", "--limit", "3"] },
        { "/api/schedule?search=lavrov", ["schedule", "--search", "lavrov"] },
        { "/api/diff?from=2022-09-10&to=2022-11-12", ["diff", "--from", "2022-09-10", "--to", "2022-11-12"] },
        { "/api/diff?from=2022-09-10&participant=Vladimir%20Putin&meeting=apec-2022", ["diff", "--from", "2022-09-10", "--participant", "Vladimir Putin", "--meeting", "apec-2022"] },
        { "/api/diff?recordedFrom=2020-01-01&asOf=2022-09-10", ["diff", "--recorded-from", "2020-01-01", "--as-of", "2022-09-10"] },
        { "/api/conflicts", ["conflicts"] },
        { "/api/digest", ["digest"] },
        { "/api/conflicts?within=90&asOf=2022-11-12", ["conflicts", "--within", "90", "--as-of", "2022-11-12"] },
        { "/api/meetings/g20-2022/history", ["history", "g20-2022"] },
        { "/api/meetings/g20-2022/history?asOf=2022-09-10", ["history", "g20-2022", "--as-of", "2022-09-10"] },
        { "/api/meetings/csto-2022/history?recordedAsOf=2023-01-10", ["history", "csto-2022", "--recorded-as-of", "2023-01-10"] },
        { "/api/attendance", ["attendance"] },
        { "/api/attendance?participant=Vladimir%20Putin&asOf=2022-11-12", ["attendance", "--participant", "Vladimir Putin", "--as-of", "2022-11-12"] },
        { "/api/audit?limit=500", ["audit", "--limit", "500"] },
        { "/api/audit", ["audit", "--limit", "500"] },
        { "/api/audit?meeting=g20-2022&limit=100000", ["audit", "--meeting", "g20-2022", "--limit", "100000"] },
        { "/api/audit?speaker=ushakov&limit=5", ["audit", "--speaker", "ushakov", "--limit", "5"] },
        { "/api/audit?speaker=ushakov&limit=5&after=7", ["audit", "--speaker", "ushakov", "--limit", "5", "--after", "7"] },
        { "/api/audit?command=DeclineAttendance&recordedBy=seed-editor&reportedFrom=2022-11-01&reportedTo=2022-11-30&limit=50",
            ["audit", "--command", "DeclineAttendance", "--recorded-by", "seed-editor", "--reported-from", "2022-11-01", "--reported-to", "2022-11-30", "--limit", "50"] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_api_answers_with_the_bytes_the_cli_prints(string path, string[] cli)
    {
        using var response = await Reader.GetAsync(path, Web.Cancel);
        var run = await Host.CliAsync([.. cli, "--format", "json"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(run.Out, await response.TextAsync());
    }

    [Fact]
    public async Task Report_days_span_the_seed_article_to_the_last_later_report()
    {
        using var response = await Reader.GetAsync("/api/report-days", Web.Cancel);
        var body = (await response.JsonAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2022-09-08", body["first"]!.GetValue<string>());
        Assert.Equal("2022-12-09", body["last"]!.GetValue<string>());
        var days = body["days"]!.AsArray().Select(d => (Day: d!["day"]!.GetValue<string>(), Reports: d["reports"]!.GetValue<int>())).ToList();
        Assert.Equal(days.OrderBy(d => d.Day, StringComparer.Ordinal), days);
        Assert.Contains(("2022-11-10", 1), days);
        Assert.Equal(22, days.Single(d => d.Day == "2022-09-08").Reports);
    }

    [Fact]
    public async Task A_meeting_as_of_a_day_is_its_entry_in_the_cli_schedule_with_that_version_as_etag()
    {
        using var response = await Reader.GetAsync("/api/meetings/g20-2022?asOf=2022-09-10", Web.Cancel);
        var run = await Host.CliAsync("schedule", "--as-of", "2022-09-10", "--format", "json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fromCli = JsonNode.Parse(run.Out)!["meetings"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "g20-2022");
        var meeting = await response.JsonAsync();
        Assert.True(JsonNode.DeepEquals(fromCli, meeting), await response.TextAsync());
        Assert.Equal($"\"{meeting["version"]}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task The_answers_compared_are_not_empty_and_every_event_is_recorded_by_the_seed_editor()
    {
        using var response = await Reader.GetAsync("/api/audit?limit=100000", Web.Cancel);
        var events = (await response.JsonAsync())["events"]!.AsArray();

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("seed-editor", e!["recordedBy"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e!["sequence"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_digest_is_the_last_events_sequence_with_a_hash_that_verify_accepts()
    {
        using var audit = await Reader.GetAsync("/api/audit?limit=100000", Web.Cancel);
        using var response = await Reader.GetAsync("/api/digest", Web.Cancel);
        var digest = await response.JsonAsync();
        var verify = await Host.CliAsync("verify", "--digest", digest["digest"]!.GetValue<string>(), "--format", "json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((await audit.JsonAsync())["events"]!.AsArray()[^1]!["sequence"]!.GetValue<long>(), digest["sequence"]!.GetValue<long>());
        Assert.Matches("^[0-9a-f]{64}$", digest["hash"]!.GetValue<string>());
        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.True(JsonNode.Parse(verify.Out)!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Paging_through_the_schedule_with_its_cursor_gives_the_whole_schedule_once()
    {
        using var whole = await Reader.GetAsync("/api/schedule", Web.Cancel);
        var expected = (await whole.JsonAsync())["meetings"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();

        var paged = new List<string>();
        var path = "/api/schedule?limit=4";
        for (var pages = 0; path is not null; pages++)
        {
            Assert.True(pages < expected.Count, "the cursor must move on");
            using var response = await Reader.GetAsync(path, Web.Cancel);
            var page = await response.JsonAsync();
            paged.AddRange(page["meetings"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
            path = page["next"] is { } next ? $"/api/schedule?limit=4&after={Uri.EscapeDataString(next.GetValue<string>())}" : null;
        }

        Assert.True(expected.Count > 4);
        Assert.Equal(expected, paged);
    }

    [Fact]
    public async Task Search_finds_a_meeting_by_a_participant_and_leaves_the_others_out()
    {
        using var response = await Reader.GetAsync("/api/schedule?search=LAVROV", Web.Cancel);
        var ids = (await response.JsonAsync())["meetings"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();

        Assert.Contains("g20-2022", ids);
        Assert.DoesNotContain("sco-2022", ids);
    }

    [Fact]
    public async Task The_default_audit_page_is_500_events_with_a_cursor()
    {
        using var response = await Reader.GetAsync("/api/audit?limit=10", Web.Cancel);
        var page = await response.JsonAsync();

        Assert.Equal(10, page["events"]!.AsArray().Count);
        Assert.Equal(page["events"]![9]!["sequence"]!.GetValue<long>(), page["next"]!.GetValue<long>());
        using var rest = await Reader.GetAsync($"/api/audit?after={page["next"]}", Web.Cancel);
        var last = await rest.JsonAsync();
        Assert.Null(last["next"]);
        Assert.Equal(page["next"]!.GetValue<long>() + 1, last["events"]![0]!["sequence"]!.GetValue<long>());
    }
}
