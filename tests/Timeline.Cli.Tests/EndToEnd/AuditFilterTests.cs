using System.Text.Json;
using Timeline.Cli.Tests.Harness;

namespace Timeline.Cli.Tests.EndToEnd;

/// <summary>
/// "Everything recorded by user X", "every report that cites Ushakov", "every postponement in 2022": the audit
/// filters, each checked against the unfiltered audit.
/// </summary>
public sealed class AuditFilterTests(AuditFilterTests.Store store) : IClassFixture<AuditFilterTests.Store>
{
    /// <summary>The article (by analyst), the later reports (by editor, a day later) and one postponement (by desk, from TASS).</summary>
    public sealed class Store : IAsyncLifetime
    {
        internal const string Postponement = """
            [
              {
                "command": "PostponeMeeting",
                "meetingId": "eaeu-2022",
                "reportedAt": "2022-10-20",
                "dates": "2022-12-09",
                "reason": "to fit the leaders' calendars",
                "source": { "outlet": "TASS", "speaker": "Kremlin press service" }
              }
            ]
            """;

        internal CliWorkspace Workspace { get; } = new();

        internal IReadOnlyList<JsonElement> All { get; private set; } = [];

        public async ValueTask InitializeAsync()
        {
            (await Workspace.OnStore("import", Seeds.Article)).Succeeded();
            Workspace.Clock.Advance(TimeSpan.FromDays(1));
            Workspace.Variables["TIMELINE_USER"] = "editor";
            (await Workspace.OnStore(["import", .. Seeds.Later])).Succeeded();
            Workspace.Clock.Advance(TimeSpan.FromDays(1));
            Workspace.Variables["TIMELINE_USER"] = "desk";
            (await Workspace.OnStore("import", Workspace.Write("postponement.json", Postponement))).Succeeded();
            All = (await Workspace.OnStore("audit", "--format", "json")).Succeeded().Json().Items("events");
        }

        public ValueTask DisposeAsync()
        {
            Workspace.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private async Task<IReadOnlyList<JsonElement>> Audit(params string[] filters)
    {
        var audit = (await store.Workspace.OnStore(["audit", .. filters, "--format", "json"])).Succeeded().Json();
        Assert.Equal(JsonValueKind.Null, audit.GetProperty("next").ValueKind);
        return audit.Items("events");
    }

    private static IEnumerable<long> Sequences(IEnumerable<JsonElement> events) => events.Select(e => e.GetProperty("sequence").GetInt64());

    [Fact]
    public void Without_a_limit_the_audit_prints_every_event()
    {
        Assert.Equal(Seeds.ArticleCommands + Seeds.LaterCommands + 1, store.All.Count);
    }

    /// <summary>16 statements of the article and the two Samarkand confirmations.</summary>
    [Theory]
    [InlineData("ushakov")]
    [InlineData("USHAKOV")]
    [InlineData("Yury Ushakov")]
    public async Task Speaker_finds_every_report_citing_ushakov_in_any_case(string speaker)
    {
        var expected = store.All.Where(e => e.GetProperty("source").Text("speaker")?.Contains("Ushakov", StringComparison.OrdinalIgnoreCase) == true).ToList();

        var events = await Audit("--speaker", speaker);

        Assert.Equal(18, expected.Count);
        Assert.Equal(Sequences(expected), Sequences(events));
    }

    [Fact]
    public async Task Outlet_finds_the_tass_report_in_any_case()
    {
        var events = await Audit("--outlet", "tass");

        Assert.Equal("MeetingPostponed", Assert.Single(events).Text("event"));
    }

    [Fact]
    public async Task Meeting_keeps_that_meetings_events_only()
    {
        var events = await Audit("--meeting", "g20-2022");

        Assert.Equal(Sequences(store.All.Where(e => e.Text("meetingId") == "g20-2022")), Sequences(events));
        Assert.Equal(4, events.Count);
    }

    [Theory]
    [InlineData("PostponeMeeting")]
    [InlineData("MeetingPostponed")]
    public async Task Command_finds_every_postponement_by_command_or_event_name(string name)
    {
        var events = await Audit("--command", name);

        var postponed = Assert.Single(events);
        Assert.Equal("MeetingPostponed", postponed.Text("event"));
        Assert.Equal("eaeu-2022", postponed.Text("meetingId"));
        Assert.Equal("2022-12-09", postponed.GetProperty("data").Text("dates"));
    }

    [Fact]
    public async Task Command_finds_every_declined_attendance()
    {
        var events = await Audit("--command", "DeclineAttendance");

        Assert.All(events, e => Assert.Equal("AttendanceDeclined", e.Text("event")));
        Assert.Equal(["apec-2022", "asean-2022", "g20-2022"], events.Select(e => e.Text("meetingId")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var events = await Audit("--meeting", "g20-2022", "--command", "DeclineAttendance", "--recorded-by", "editor");

        Assert.Equal("2022-11-10", Assert.Single(events).Text("reportedAt"));
    }

    [Theory]
    [InlineData("analyst", Seeds.ArticleCommands)]
    [InlineData("editor", Seeds.LaterCommands)]
    [InlineData("desk", 1)]
    [InlineData("nobody", 0)]
    public async Task Recorded_by_finds_everything_one_user_recorded(string user, int count)
    {
        var events = await Audit("--recorded-by", user);

        Assert.Equal(count, events.Count);
        Assert.All(events, e => Assert.Equal(user, e.Text("recordedBy")));
    }

    [Fact]
    public async Task Reported_from_and_to_keep_the_reports_made_in_between_whole_days_included()
    {
        var expected = store.All.Where(e => string.CompareOrdinal(e.Text("reportedAt"), "2022-11-01") >= 0 && string.CompareOrdinal(e.Text("reportedAt"), "2022-11-30") <= 0).ToList();

        var events = await Audit("--reported-from", "2022-11-01", "--reported-to", "2022-11-30");

        Assert.Equal(7, expected.Count);
        Assert.Equal(Sequences(expected), Sequences(events));
    }

    [Fact]
    public async Task Reported_from_and_to_the_same_day_keep_that_days_reports()
    {
        var events = await Audit("--reported-from", "2022-11-16", "--reported-to", "2022-11-16");

        var held = Assert.Single(events);
        Assert.Equal("g20-2022", held.Text("meetingId"));
        Assert.Equal("MeetingHeld", held.Text("event"));
    }

    [Fact]
    public async Task Limit_pages_through_every_event_with_the_after_cursor()
    {
        var seen = new List<long>();
        string[] cursor = [];
        for (var page = 0; page < 10; page++)
        {
            var audit = (await store.Workspace.OnStore(["audit", "--limit", "10", .. cursor, "--format", "json"])).Succeeded().Json();
            var events = audit.Items("events");
            Assert.InRange(events.Count, 1, 10);
            seen.AddRange(Sequences(events));
            if (audit.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                break;
            }
            Assert.Equal(10, events.Count);
            Assert.Equal(seen[^1], audit.GetProperty("next").GetInt64());
            cursor = ["--after", audit.GetProperty("next").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        Assert.Equal(Sequences(store.All), seen);
    }

    [Fact]
    public async Task The_audit_table_says_how_to_get_the_next_page()
    {
        var run = (await store.Workspace.OnStore("audit", "--limit", "5")).Succeeded();

        Assert.Contains("5 events. More match: add --after 5 for the next page.", run.Out, StringComparison.Ordinal);
    }
}
