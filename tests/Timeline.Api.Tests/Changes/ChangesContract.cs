using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;

namespace Timeline.Api.Tests.Changes;

/// <summary>
/// What changed, who disagrees and what is overdue, through the API on a store holding only the seed article: then
/// two sources contradict each other about the G20, and the diff over system time finds what they added.
/// </summary>
public abstract class ChangesContract(ApiStores stores) : ApiContract<HttpClient>(stores)
{
    private const string TwoSources = """
        [
          {"command": "AnnounceAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Vladimir Putin",
           "level": "planned", "mode": "in-person", "source": {"outlet": "TASS", "speaker": "Dmitry Peskov", "quote": "in person"}},
          {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-03", "participant": "Vladimir Putin",
           "mode": "virtual", "source": {"outlet": "Reuters", "quote": "by video link"}}
        ]
        """;

    protected override bool SharesHost => false;

    private HttpClient Editor => Prepared;

    protected override async Task<HttpClient> PrepareAsync(ApiHost host)
    {
        var editor = host.Client(await host.KeyAsync("desk", "editor"));
        using var response = await editor.PostAsync("/api/commands", Seeds.Json(await File.ReadAllTextAsync(Seeds.Files[0], Web.Cancel)), Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return editor;
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        using var response = await Editor.GetAsync(path, Web.Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.TextAsync()}");
        return await response.JsonAsync();
    }

    private static JsonNode Meeting(JsonNode schedule, string id) =>
        schedule["meetings"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task With_only_the_briefing_the_SCO_summit_is_overdue_by_the_servers_clock_but_not_as_of_10_Sep()
    {
        Assert.True(Meeting(await GetAsync("/api/schedule"), "sco-2022")["overdue"]!.GetValue<bool>());
        Assert.False(Meeting(await GetAsync("/api/schedule?asOf=2022-09-10"), "sco-2022")["overdue"]!.GetValue<bool>());
        Assert.True((await GetAsync("/api/meetings/sco-2022"))["overdue"]!.GetValue<bool>());
        var ledger = await GetAsync("/api/attendance?participant=Xi%20Jinping");
        Assert.True(ledger["rows"]!.AsArray().Single(r => r!["meetingId"]!.GetValue<string>() == "sco-2022")!["overdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Two_sources_that_disagree_are_flagged_and_the_restatement_shows_what_they_changed()
    {
        var before = Host.Clock.GetUtcNow();
        Host.Clock.Advance(TimeSpan.FromHours(1));
        using (var posted = await Editor.PostAsync("/api/commands", Seeds.Json(TwoSources), Web.Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var conflict = Assert.Single((await GetAsync("/api/conflicts?meeting=g20-2022"))["conflicts"]!.AsArray())!;
        Assert.Equal("mode", conflict["fact"]!.GetValue<string>());
        Assert.Equal("in-person", conflict["first"]!["claim"]!.GetValue<string>());
        Assert.Equal("virtual", conflict["second"]!["claim"]!.GetValue<string>());
        Assert.Equal("by video link", conflict["second"]!["source"]!["quote"]!.GetValue<string>());
        // Several meetings at once (what the page asks for the rows it shows): only theirs, an unknown one simply absent.
        Assert.True(JsonNode.DeepEquals(
            conflict,
            Assert.Single((await GetAsync("/api/conflicts?meeting=sco-2022&meeting=g20-2022&meeting=olympics-2024"))["conflicts"]!.AsArray())));
        Assert.Empty((await GetAsync("/api/conflicts?meeting=sco-2022&meeting=apec-2022"))["conflicts"]!.AsArray());
        using (var tooMany = await Editor.GetAsync("/api/conflicts?" + string.Join('&', Enumerable.Repeat("meeting=g20-2022", 201)), Web.Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        }

        var recordedFrom = Uri.EscapeDataString(before.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        var restated = await GetAsync($"/api/diff?recordedFrom={recordedFrom}");
        var g20 = Assert.Single(restated["changes"]!.AsArray())!;
        Assert.Equal("g20-2022", g20["meetingId"]!.GetValue<string>());
        Assert.Equal(["attendance", "mode"], g20["fields"]!.AsArray().Select(f => f!["field"]!.GetValue<string>()));
        Assert.Equal(["expected", "confirmed"], g20["fields"]!.AsArray().Take(1).SelectMany(f => new[] { f!["before"]!.GetValue<string>(), f["after"]!.GetValue<string>() }));
        Assert.Equal(["2022-11-01", "2022-11-03"], g20["reports"]!.AsArray().Select(r => r!["reportedAt"]!.GetValue<string>()));
    }
}
