using System.Net;
using System.Text.Json.Nodes;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;

namespace Timeline.Api.Tests.Feed;

/// <summary>
/// <c>GET /api/changes</c> on a store holding the seed article: the log replayed from a sequence, new reports as they
/// are posted, a cut connection resumed with nothing lost or repeated, the filters, the heartbeat and bad positions.
/// </summary>
public abstract class ChangeFeedContract(ApiStores stores) : ApiContract<HttpClient>(stores)
{
    protected override bool SharesHost => false;

    private HttpClient Editor => Prepared;

    protected override async Task<HttpClient> PrepareAsync(ApiHost host)
    {
        var editor = host.Client(await host.KeyAsync("desk", "editor"));
        using var response = await editor.PostAsync("/api/commands", Seeds.Json(await File.ReadAllTextAsync(Seeds.Files[0], Web.Cancel)), Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return editor;
    }

    /// <summary>Every audit entry, in sequence order.</summary>
    private async Task<IReadOnlyList<JsonNode>> AuditAsync(string filter = "")
    {
        using var response = await Editor.GetAsync($"/api/audit?limit=100000{filter}", Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync())["events"]!.AsArray().Select(e => e!)];
    }

    private async Task<long> PostAsync(string json)
    {
        using var response = await Editor.PostAsync("/api/commands", Seeds.Json(json), Web.Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.TextAsync());
        return (await response.JsonAsync())["outcomes"]![0]!["sequences"]![0]!.GetValue<long>();
    }

    private static string Confirm(string meeting, string participant, string day) => $$"""
        {"command": "ConfirmAttendance", "meetingId": "{{meeting}}", "reportedAt": "{{day}}", "participant": "{{participant}}",
         "source": {"speaker": "Yury Ushakov", "quote": "confirmed"} }
        """;

    private static void AssertSameAsAudit(IReadOnlyList<JsonNode> audit, IReadOnlyList<FeedMessage> events)
    {
        Assert.Equal(audit.Select(e => e["sequence"]!.GetValue<long>()), events.Select(e => e.Sequence));
        for (var i = 0; i < events.Count; i++)
        {
            Assert.DoesNotContain('\n', events[i].Data);
            Assert.True(JsonNode.DeepEquals(audit[i], JsonNode.Parse(events[i].Data)), $"{events[i].Data}\nis not\n{audit[i].ToJsonString()}");
        }
    }

    [Fact]
    public async Task After_0_replays_the_log_as_audit_entries_under_their_stored_names_then_sends_each_new_report_as_it_is_posted()
    {
        var audit = await AuditAsync();
        await using var feed = await FeedConnection.OpenAsync(Editor, "?after=0");

        var first = await feed.NextAsync();
        var replayed = await feed.EventsAsync(audit.Count);
        var sequence = await PostAsync(Confirm("sco-2022", "Xi Jinping", "2022-09-13"));
        var landed = (await feed.EventsAsync(1))[0];

        Assert.True(first!.IsHeartbeat, $"the first message tells the client it is connected: {first}");
        Assert.Equal("0", first.Id);
        AssertSameAsAudit(audit, replayed);
        Assert.Equal(audit.Select(e => Core.Serialization.EventTypeMap.Resolve(e["event"]!.GetValue<string>())), replayed.Select(m => m.Event));
        Assert.Equal("meeting-announced.v1", replayed[0].Event);
        Assert.Equal(sequence, landed.Sequence);
        Assert.Equal("attendance-confirmed.v1", landed.Event);
        AssertSameAsAudit([(await AuditAsync())[^1]], [landed]);
    }

    [Fact]
    public async Task Without_a_position_only_what_is_appended_from_then_on_comes()
    {
        var head = (await AuditAsync())[^1]["sequence"]!.GetValue<long>();
        await using var feed = await FeedConnection.OpenAsync(Editor);
        var opening = await feed.NextAsync();

        var sequence = await PostAsync(Confirm("sco-2022", "Xi Jinping", "2022-09-13"));

        Assert.True(opening!.IsHeartbeat);
        Assert.Equal(head, opening.Sequence);
        Assert.Equal(sequence, (await feed.EventsAsync(1))[0].Sequence);
    }

    [Fact]
    public async Task A_connection_cut_mid_stream_resumes_with_Last_Event_ID_losing_and_repeating_nothing()
    {
        var before = await AuditAsync();
        var received = new List<FeedMessage>();
        await using (var feed = await FeedConnection.OpenAsync(Editor, "?after=0"))
        {
            received.AddRange(await feed.EventsAsync(3));
        }
        // Reports land while the client is away.
        await PostAsync(Confirm("sco-2022", "Xi Jinping", "2022-09-13"));
        await PostAsync(Confirm("putin-xi-2022", "Xi Jinping", "2022-09-14"));
        var after = await AuditAsync();

        // EventSource reconnects to the same URL and adds the last id it saw; the header wins over ?after=0.
        await using (var resumed = await FeedConnection.OpenAsync(Editor, "?after=0", lastEventId: received[^1].Id))
        {
            received.AddRange(await resumed.EventsAsync(after.Count - 3));
            await PostAsync(Confirm("sco-2022", "Vladimir Putin", "2022-09-15"));
            received.AddRange(await resumed.EventsAsync(1));
        }
        await using (var fromQuery = await FeedConnection.OpenAsync(Editor, $"?after={received[^2].Id}"))
        {
            Assert.Equal(received[^1].Sequence, (await fromQuery.EventsAsync(1))[0].Sequence);
        }

        Assert.Equal(before.Count + 3, received.Count);
        Assert.Equal(received.Select(m => m.Sequence).Distinct().Count(), received.Count);
        AssertSameAsAudit(await AuditAsync(), received);
    }

    [Fact]
    public async Task Meeting_keeps_one_meetings_events()
    {
        var g20 = await AuditAsync("&meeting=g20-2022");
        await using var feed = await FeedConnection.OpenAsync(Editor, "?after=0&meeting=g20-2022");

        var replayed = await feed.EventsAsync(g20.Count);
        await PostAsync(Confirm("sco-2022", "Xi Jinping", "2022-09-13"));
        var sequence = await PostAsync(Confirm("g20-2022", "Vladimir Putin", "2022-09-20"));

        AssertSameAsAudit(g20, replayed);
        Assert.Equal(sequence, (await feed.EventsAsync(1))[0].Sequence);
    }

    [Fact]
    public async Task Participant_keeps_the_events_of_meetings_from_the_report_that_names_them_on()
    {
        var audit = await AuditAsync();
        // A meeting names Xi from its first event that mentions him; that event and the meeting's later ones count.
        var expected = audit.Where(e =>
        {
            var sequence = e["sequence"]!.GetValue<long>();
            return audit.Any(earlier => earlier["meetingId"]!.GetValue<string>() == e["meetingId"]!.GetValue<string>()
                && earlier["sequence"]!.GetValue<long>() <= sequence
                && earlier["data"]!.ToJsonString().Contains("Xi Jinping", StringComparison.Ordinal));
        }).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < audit.Count);
        await using var feed = await FeedConnection.OpenAsync(Editor, "?after=0&participant=xi%20jinping");

        var replayed = await feed.EventsAsync(expected.Count);
        await PostAsync(Confirm("g20-2022", "Vladimir Putin", "2022-09-20"));
        // The SCO summit names Xi, so a report about Putin there is his news too.
        var sequence = await PostAsync(Confirm("sco-2022", "Vladimir Putin", "2022-09-13"));

        AssertSameAsAudit(expected, replayed);
        Assert.Equal(sequence, (await feed.EventsAsync(1))[0].Sequence);
    }

    [Fact]
    public async Task An_idle_feed_sends_a_heartbeat_with_no_id_whenever_it_has_been_silent_for_15_seconds()
    {
        await using var feed = await FeedConnection.OpenAsync(Editor);
        Assert.True((await feed.NextAsync())!.IsHeartbeat);

        var next = feed.NextAsync();
        for (var i = 0; i < 100 && !next.IsCompleted; i++)
        {
            // The server arms its timer once it has written the last message; the fake clock moves until it rings.
            Host.Clock.Advance(TimeSpan.FromSeconds(15));
            await Task.WhenAny(next, Task.Delay(100, Web.Cancel));
        }

        var beat = await next;
        Assert.True(beat!.IsHeartbeat, $"{beat}");
        Assert.Null(beat.Id);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    public async Task A_Last_Event_ID_that_is_not_a_sequence_gets_400_naming_it(string lastEventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/changes");
        request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);

        using var response = await Editor.SendAsync(request, Web.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(lastEventId, (await response.ProblemAsync()).Errors("Last-Event-ID")[0], StringComparison.Ordinal);
    }
}
