using System.Net;
using System.Text.Json.Nodes;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;

namespace Timeline.Api.Tests.Schedule;

/// <summary>
/// GET /api/schedule in pages (<c>limit</c>, <c>after</c>) and with a search (<c>search</c>), on the seeds: pages put together
/// are the whole schedule within any bounds, and without those parameters the answer has no <c>next</c>. (The
/// unbounded walk, a participant search and bad parameters are in CliParityContract and ProblemDetailsContract.)
/// </summary>
public abstract class SchedulePagesContract(ApiStores stores) : ApiContract<HttpClient>(stores)
{
    protected override bool SharesHost => true;

    private HttpClient Reader => Prepared;

    protected override async Task<HttpClient> PrepareAsync(ApiHost host)
    {
        await Seeds.PostAllAsEditorAsync(host, "seed-editor");
        return host.Client(await host.KeyAsync("reader", "reader"));
    }

    private async Task<JsonObject> ScheduleAsync(string query)
    {
        using var response = await Reader.GetAsync("/api/schedule" + query, Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).AsObject();
    }

    private static List<string> Ids(JsonObject schedule) => [.. schedule["meetings"]!.AsArray().Select(m => (string)m!["id"]!)];

    [Theory]
    [InlineData(1, "")]
    [InlineData(2, "&asOf=2022-09-10")]
    [InlineData(2, "&from=2022-11&participant=vladimir%20putin")]
    public async Task Pages_followed_by_their_next_cursor_give_the_whole_schedule_in_order(int limit, string bounds)
    {
        var whole = await ScheduleAsync("?" + bounds.TrimStart('&'));
        Assert.False(whole.ContainsKey("next"));

        var paged = new List<string>();
        var page = await ScheduleAsync($"?limit={limit}{bounds}");
        for (var pages = 1; ; pages++)
        {
            var ids = Ids(page);
            Assert.InRange(ids.Count, 1, limit);
            paged.AddRange(ids);
            if (page["next"] is not { } next)
            {
                break;
            }
            Assert.True(pages < 50, "the pages never end");
            page = await ScheduleAsync($"?limit={limit}&after={Uri.EscapeDataString((string)next!)}{bounds}");
        }
        Assert.Equal(Ids(whole), paged);
        Assert.True(Ids(whole).Count > limit);
    }

    [Fact]
    public async Task A_search_finds_meetings_by_title_organization_or_participant_in_any_case()
    {
        Assert.Equal(["g20-2022"], Ids(await ScheduleAsync("?search=g20%20SUMMIT")));
        var xi = Ids(await ScheduleAsync("?search=xi%20jinping"));
        Assert.Contains("putin-xi-2022", xi);
        Assert.DoesNotContain("g20-2022", xi);
        Assert.Empty(Ids(await ScheduleAsync("?search=no%20such%20meeting")));
    }
}
