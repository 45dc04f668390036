using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Timeline.Api.Tests.Hosting;
using Timeline.Core.Telemetry;

namespace Timeline.Api.Tests.Hardening;

/// <summary>Listeners of the whole process: these tests run alone, so that no other test's requests are counted.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>
/// Timeline's metrics and traces as an in-memory MeterListener and ActivityListener see them, through the API; and
/// the OTLP exporter registered only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task Commands_applied_rejected_by_rule_and_in_conflict_are_counted_and_every_request_is_timed()
    {
        using var measured = new Measurements();
        await using var host = new ApiHost();
        using var editor = host.Client(await host.KeyAsync("desk", "editor"));

        var applied = 0;
        foreach (var file in Seeds.Files)
        {
            using var response = await editor.PostAsync("/api/commands", Seeds.Json(await File.ReadAllTextAsync(file, Web.Cancel)), Web.Cancel);
            applied += (await response.JsonAsync())["applied"]!.GetValue<int>();
        }
        using var held = await editor.PostAsync("/api/commands", Seeds.Json(
            """{"command": "PostponeMeeting", "meetingId": "eef-2022", "reportedAt": "2022-11-01"}"""), Web.Cancel);
        using var bad = await editor.PostAsync("/api/commands", Seeds.Json(
            """[{"command": "CancelMeeting", "meetingId": "G20"}, {"command": "CancelMeeting", "meetingId": "g20-2022", "reportedAt": "someday"}]"""), Web.Cancel);
        using var stale = new HttpRequestMessage(HttpMethod.Post, "/api/commands")
        {
            Content = Seeds.Json("""{"command": "CancelMeeting", "meetingId": "g20-2022", "reportedAt": "2022-11-01"}"""),
        };
        stale.Headers.IfMatch.ParseAdd("\"1\"");
        using var conflict = await editor.SendAsync(stale, Web.Cancel);
        using var schedule = await editor.GetAsync("/api/schedule", Web.Cancel);

        Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.True(applied > 20, $"the seeds applied only {applied} commands");
        Assert.Equal(applied, measured.Sum("timeline.commands.applied"));
        Assert.Equal(1, measured.Sum("timeline.commands.rejected", ("rule", "meeting-held"), ("command", "PostponeMeeting")));
        Assert.Equal(2, measured.Sum("timeline.commands.rejected", ("rule", "bad-input")));
        Assert.Equal(1, measured.Sum("timeline.commands.rejected", ("rule", "expected-version")));
        Assert.Equal(1, measured.Sum("timeline.commands.conflicts", ("rule", "expected-version")));
        Assert.Equal(1, measured.Count("timeline.request.duration", ("request", "GetSchedule"), ("outcome", "ok")));
        Assert.Equal(Seeds.Files.Count, measured.Count("timeline.request.duration", ("request", "ApplyCommands"), ("outcome", "ok")));
        Assert.Equal(1, measured.Count("timeline.request.duration", ("request", "ApplyCommands"), ("outcome", "bad-input")));
        Assert.All(measured.Values("timeline.request.duration"), seconds => Assert.InRange(seconds, 0, 60));
    }

    [Fact]
    public async Task Every_retry_after_a_lost_write_race_is_counted_as_the_reports_say()
    {
        using var measured = new Measurements();
        await using var host = new ApiHost();
        using var editor = host.Client(await host.KeyAsync("desk", "editor"));
        using (var seeded = await editor.PostAsync("/api/commands", Seeds.Json(await File.ReadAllTextAsync(Seeds.Files[0], Web.Cancel)), Web.Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        }

        // Twenty writers on one meeting at once, none pinning a version: the losers of each round retry.
        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => editor.PostAsync("/api/commands", Seeds.Json(
            $$"""{"command": "AnnounceAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Envoy Number {{i:D2}}", "level": "expected"}"""), Web.Cancel)));

        var retries = 0;
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.TextAsync());
                retries += (await response.JsonAsync())["retries"]!.GetValue<int>();
            }
        }
        Assert.True(retries > 0, "twenty writers on one meeting should have lost some races");
        Assert.Equal(retries, measured.Sum("timeline.commands.retried"));
        Assert.Equal(0, measured.Sum("timeline.commands.conflicts"));
    }

    [Fact]
    public async Task A_query_is_traced_as_one_activity_with_the_store_read_inside_it()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TimelineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = new ApiHost(allowAnonymousRead: true);

        using var response = await host.Client().GetAsync("/api/schedule?participant=Xi%20Jinping", Web.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var query = Assert.Single(stopped, a => a.OperationName == "GetSchedule");
        Assert.Equal("ok", query.GetTagItem("timeline.outcome"));
        var read = Assert.Single(stopped, a => a.OperationName == "store read" && a.ParentSpanId == query.SpanId);
        Assert.Equal("sqlite", read.GetTagItem("db.system.name"));
        Assert.Equal(query.TraceId, read.TraceId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_otlp_exporter_is_registered_only_when_its_endpoint_is_configured(bool configured)
    {
        string[] args = configured ? ["--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317"] : [];
        await using var app = TimelineApi.CreateApp(args, new ApiOptions(), _ => throw new InvalidOperationException("no store is opened"), TimeProvider.System);

        Assert.Equal(configured, app.Services.GetService<MeterProvider>() is not null);
        Assert.Equal(configured, app.Services.GetService<TracerProvider>() is not null);
    }

    /// <summary>Every measurement of Timeline's instruments while it lives.</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _seen = new();

        public Measurements()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TimelineTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _seen.Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _seen.Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.Start();
        }

        public long Sum(string instrument, params (string Key, string Value)[] tags) => (long)Matching(instrument, tags).Sum(m => m.Value);

        public int Count(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Count();

        public IEnumerable<double> Values(string instrument) => Matching(instrument, []).Select(m => m.Value);

        private IEnumerable<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string instrument, (string Key, string Value)[] tags) =>
            _seen.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(tag => tag.Key == t.Key && Equals(tag.Value, t.Value))));

        public void Dispose() => _listener.Dispose();
    }
}
