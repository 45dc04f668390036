using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using Timeline.Api;
using Timeline.Api.Keys;
using Timeline.Store.Sqlite;

namespace Timeline.Web.Tests.Support;

/// <summary>
/// The real API (<see cref="TimelineApi.CreateApp"/>, the composition root of <c>timeline serve</c>) listening with
/// Kestrel on a free loopback port, on a SQLite store in a temp folder, with a fake clock so recordedAt is known.
/// The store is seeded the way a user would: by POSTing the repository's seed files to <c>/api/commands</c>.
/// </summary>
public sealed class TimelineServer : IAsyncDisposable
{
    /// <summary>When the seeds are recorded: an ordinary weekday morning, long after the events.</summary>
    public static readonly DateTimeOffset RecordedFrom = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The name of the key that posts the seeds: recordedBy on every seeded event.</summary>
    public const string EditorName = "web-tests-editor";

    private readonly string _folder;
    private readonly SqliteEventStore _store;
    private readonly WebApplication _app;

    private TimelineServer(string folder, SqliteEventStore store, WebApplication app, FakeTimeProvider clock, Uri address)
    {
        _folder = folder;
        _store = store;
        _app = app;
        Clock = clock;
        Address = address;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>A reader key for the browser.</summary>
    public string ReaderKey { get; private set; } = "";

    /// <summary>The editor key that posted the seeds (its name is <see cref="EditorName"/>).</summary>
    public string EditorKey { get; private set; } = "";

    /// <summary>
    /// Starts a server on a fresh store. allowAnonymousRead is <c>--allow-anonymous-read</c>. bodies, when given, are
    /// posted instead of the repository's seeds.
    /// </summary>
    public static async Task<TimelineServer> StartAsync(bool allowAnonymousRead, CancellationToken cancellationToken, IReadOnlyList<string>? bodies = null)
    {
        var folder = Directory.CreateTempSubdirectory("timeline-web-tests-").FullName;
        var clock = new FakeTimeProvider(RecordedFrom);
        var store = new SqliteEventStore(Path.Combine(folder, "timeline.db"), clock);
        var options = new ApiOptions { Urls = "http://127.0.0.1:0", AllowAnonymousRead = allowAnonymousRead };
        var app = TimelineApi.CreateApp([], options, _ => store, clock);
        await app.StartAsync(cancellationToken);
        var address = TimelineApi.ListeningOn(app).Select(a => new Uri(a)).First(a => a.IsLoopback);
        var server = new TimelineServer(folder, store, app, clock, new Uri($"http://127.0.0.1:{address.Port}/"));
        var keys = new KeyRing(store, clock);
        var editor = await keys.IssueAsync(EditorName, "editor", "web-tests", cancellationToken);
        server.EditorKey = editor.Key;
        server.ReaderKey = (await keys.IssueAsync("web-tests-reader", "reader", "web-tests", cancellationToken)).Key;
        await server.SeedAsync(editor.Key, bodies, cancellationToken);
        return server;
    }

    /// <summary>
    /// POSTs seeds/2022-09-08-ushakov-briefing.json, then seeds/later/*.json, a minute apart on the fake clock; then a
    /// wrong report about the G20 and its retraction, so the history panel has a retracted entry to show.
    /// </summary>
    private async Task SeedAsync(string editorKey, IReadOnlyList<string>? bodies, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", editorKey);
        if (bodies is not null)
        {
            for (var i = 0; i < bodies.Count; i++)
            {
                await PostAsync(http, bodies[i], $"body {i}", cancellationToken);
            }
            return;
        }
        var seeds = Path.Combine(AppContext.BaseDirectory, "seeds");
        var files = new List<string> { Path.Combine(seeds, "2022-09-08-ushakov-briefing.json") };
        files.AddRange(Directory.GetFiles(Path.Combine(seeds, "later"), "*.json").Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            await PostAsync(http, await File.ReadAllTextAsync(file, cancellationToken), Path.GetFileName(file), cancellationToken);
        }
        await PostAsync(http, WrongReport, "a wrong report", cancellationToken);
        await PostAsync(http, Retraction, "its retraction", cancellationToken);
    }

    /// <summary>A report entered against the wrong meeting, with an outlet and a URL (never fetched by the page).</summary>
    public const string WrongReport = """
        {"command": "AnnounceAttendance", "commandId": "web-tests-wrong-report", "meetingId": "g20-2022",
         "reportedAt": "2022-10-20", "participant": "Vladimir Putin", "level": "planned",
         "source": {"outlet": "Example Wire", "url": "https://example.org/g20-wrong-summit",
                    "speaker": "an unnamed source", "quote": "Putin plans to fly to Bali"}}
        """;

    public const string Retraction = """
        {"command": "RetractReport", "meetingId": "g20-2022", "reportedAt": "2022-10-21",
         "retracts": "web-tests-wrong-report", "reason": "entered against the wrong summit"}
        """;

    /// <summary>Posts a command as another editor would, a minute later on the fake clock; fails unless it is accepted.</summary>
    public async Task PostAsEditorAsync(string json, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EditorKey);
        await PostAsync(http, json, "a command", cancellationToken);
    }

    private async Task PostAsync(HttpClient http, string json, string what, CancellationToken cancellationToken)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("api/commands", UriKind.Relative), body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"seeding {what} failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}
