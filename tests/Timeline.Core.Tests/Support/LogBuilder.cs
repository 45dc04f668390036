using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Tests.Support;

/// <summary>A statement as a source made it, before any store appended it.</summary>
/// <param name="CommandId">The idempotency key of the command that produced it.</param>
internal sealed record Report(string Meeting, MeetingEvent Event, string ReportedAt, string CommandId, Source? Source = null);

/// <summary>
/// Builds a log the way a store appends it: global sequence and stream version in append order, and a recordedAt
/// that moves one minute per append unless one is given. The projections are pure, so no store is needed.
/// </summary>
internal sealed class LogBuilder
{
    /// <summary>The recordedAt of the first append, unless one is given.</summary>
    public static readonly DateTimeOffset FirstRecordedAt = new(2022, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<StoredEvent> _events = [];
    private readonly Dictionary<MeetingId, long> _versions = [];
    private DateTimeOffset _clock = FirstRecordedAt;

    public IReadOnlyList<StoredEvent> Events => _events;

    /// <summary>Builds the log of <paramref name="reports"/>, appended in the order given.</summary>
    public static IReadOnlyList<StoredEvent> Of(IEnumerable<Report> reports)
    {
        var log = new LogBuilder();
        foreach (var report in reports)
        {
            log.Append(report);
        }
        return log.Events;
    }

    public StoredEvent Append(Report report, DateTimeOffset? recordedAt = null, string recordedBy = "analyst") =>
        Append(report.Meeting, report.Event, report.ReportedAt, report.CommandId, recordedAt, recordedBy, report.Source);

    public StoredEvent Append(
        string meeting,
        MeetingEvent @event,
        string reportedAt,
        string? commandId = null,
        DateTimeOffset? recordedAt = null,
        string recordedBy = "analyst",
        Source? source = null,
        Guid? eventId = null)
    {
        var stream = MeetingId.Parse(meeting);
        var sequence = _events.Count + 1L;
        var version = _versions.GetValueOrDefault(stream) + 1;
        _versions[stream] = version;
        var at = recordedAt ?? _clock;
        _clock = at.AddMinutes(1);
        var stored = Stored(
            sequence, stream, version, @event, reportedAt, at, recordedBy, source ?? Source.None, commandId ?? $"cmd-{sequence}", eventId ?? EventId(sequence));
        _events.Add(stored);
        return stored;
    }

    /// <summary>Appends a retraction of <paramref name="target"/> (a command id or an event id).</summary>
    public StoredEvent Retract(string meeting, string target, string reportedAt, string commandId, DateTimeOffset? recordedAt = null) =>
        Append(meeting, new MeetingEvent.ReportRetracted(target, "entry error"), reportedAt, commandId, recordedAt);

    /// <summary>One stored event with its whole envelope, as a store would hand it back.</summary>
    public static StoredEvent Stored(
        long sequence,
        MeetingId stream,
        long version,
        MeetingEvent @event,
        string reportedAt,
        DateTimeOffset recordedAt,
        string recordedBy,
        Source source,
        string commandId,
        Guid eventId) =>
        new(sequence, stream, version, eventId, EventTypeMap.NameOf(@event), @event, ReportedAt.Parse(reportedAt), RecordedAt.Exactly(recordedAt), recordedBy, source, commandId);

    /// <summary>A recognisable event id for the n-th append.</summary>
    public static Guid EventId(long n) => Guid.Parse($"00000000-0000-7000-8000-{n:x12}");
}
