using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Timeline.Core.Telemetry;

/// <summary>
/// Timeline's own metrics and traces, under the one name <see cref="Name"/> for both the <see cref="Meter"/> and the
/// <see cref="ActivitySource"/>. Nothing is collected unless a listener subscribes (the API's OpenTelemetry exporter when
/// it is configured, or a test's MeterListener/ActivityListener): an instrument without a listener records nothing,
/// and StartActivity returns null.
/// </summary>
/// <remarks>
/// Instruments: <c>timeline.commands.applied</c> (commands that appended events; tag <c>command</c>),
/// <c>timeline.commands.rejected</c> (commands refused; tags <c>command</c> and <c>rule</c>, where the rule is a domain
/// rule, <c>expected-version</c>, <c>write-conflict</c> or <c>bad-input</c>), <c>timeline.commands.conflicts</c>
/// (rejections because another writer got there first: <c>expected-version</c> and <c>write-conflict</c>),
/// <c>timeline.commands.retried</c> (attempts of a command batch repeated after losing a write race), and
/// <c>timeline.request.duration</c> (seconds per request, tags <c>request</c> such as <c>GetSchedule</c> and
/// <c>outcome</c>: <c>ok</c>, <c>bad-input</c>, <c>rejected</c>, <c>not-found</c>, <c>unavailable</c>, <c>cancelled</c> or <c>error</c>):
/// the query latency. Traces: one activity per request, named after it, with store activities nested in it.
/// </remarks>
public static class TimelineTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Timeline";

    /// <summary>The one meter.</summary>
    public static readonly Meter Meter = new(Name, typeof(TimelineTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The one activity source, for the requests and the stores.</summary>
    public static readonly ActivitySource Source = new(Name, typeof(TimelineTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> Applied = Meter.CreateCounter<long>("timeline.commands.applied", "{command}", "Commands that appended events");

    internal static readonly Counter<long> Rejected = Meter.CreateCounter<long>("timeline.commands.rejected", "{command}", "Commands refused, by rule");

    internal static readonly Counter<long> Conflicts = Meter.CreateCounter<long>(
        "timeline.commands.conflicts", "{command}", "Commands refused because another writer changed the meeting first");

    /// <summary>Attempts of a command batch repeated after losing a write race; the command loop's retry adds to it.</summary>
    internal static readonly Counter<long> Retried = Meter.CreateCounter<long>(
        "timeline.commands.retried", "{attempt}", "Command batches re-read, re-decided and tried again after losing a write race");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "timeline.request.duration", "s", "How long each request (a query or a command batch) took", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        });

    /// <summary>
    /// Starts a store activity (a child of the request's), tagged with the backend as OpenTelemetry's database
    /// conventions name it; null when nobody listens.
    /// </summary>
    /// <param name="operation">What the store does, e.g. <c>append</c> or <c>read</c>.</param>
    /// <param name="system">The backend: <c>sqlite</c> or <c>postgresql</c>.</param>
    public static Activity? StartStoreActivity(string operation, string system)
    {
        var activity = Source.StartActivity($"store {operation}", ActivityKind.Client);
        activity?.SetTag("db.system.name", system);
        activity?.SetTag("db.operation.name", operation);
        return activity;
    }
}
