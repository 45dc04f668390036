using Timeline.Core.Serialization;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Storage;

/// <summary>Where a statement came from. Every part is optional.</summary>
/// <param name="Outlet">The publication or agency, e.g. "TASS".</param>
/// <param name="Url">Where the report can be read.</param>
/// <param name="PublishedAt">When the outlet published it, as given (a day or an instant).</param>
/// <param name="Speaker">Who made the statement, e.g. "Yury Ushakov".</param>
/// <param name="Quote">A short quote of the statement.</param>
public sealed record Source(string? Outlet = null, string? Url = null, string? PublishedAt = null, string? Speaker = null, string? Quote = null)
{
    /// <summary>A source with nothing known.</summary>
    public static readonly Source None = new();
}

/// <summary>An event to append, with what the command said about it. The store adds the rest.</summary>
/// <param name="EventId">A new, unique id for this event; a retraction may name it.</param>
/// <param name="Event">The domain event.</param>
/// <param name="ReportedAt">Knowledge time: when the source made the statement.</param>
/// <param name="Source">Who said it and where.</param>
/// <param name="CommandId">The idempotency key of the command that produced it; unique per command in a store.</param>
public sealed record PendingEvent(Guid EventId, MeetingEvent Event, ReportedAt ReportedAt, Source Source, string CommandId);

/// <summary>Events for one stream, appended only if the stream is still at <paramref name="ExpectedVersion"/>.</summary>
/// <param name="Stream">The meeting.</param>
/// <param name="ExpectedVersion">The stream's version as read before deciding; 0 for a stream with no events yet.</param>
/// <param name="Events">The events, in order; at least one.</param>
public sealed record StreamAppend(MeetingId Stream, long ExpectedVersion, IReadOnlyList<PendingEvent> Events)
{
    /// <summary>The argument checks every backend's <see cref="IEventStore.AppendAsync"/> makes before touching storage.</summary>
    /// <exception cref="ArgumentException">
    /// A stream appears twice, has no events or a negative expected version, or an event lacks its event, reportedAt,
    /// source or command id.
    /// </exception>
    public static void EnsureWellFormed(IReadOnlyList<StreamAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        var streams = new HashSet<MeetingId>();
        foreach (var append in appends)
        {
            ArgumentNullException.ThrowIfNull(append, nameof(appends));
            if (!streams.Add(append.Stream))
            {
                throw new ArgumentException($"meeting '{append.Stream}' appears twice in one append; give each stream one entry", nameof(appends));
            }
            if (append.ExpectedVersion < 0)
            {
                throw new ArgumentException($"meeting '{append.Stream}' has expected version {append.ExpectedVersion}; versions start at 0", nameof(appends));
            }
            if (append.Events is not { Count: > 0 })
            {
                throw new ArgumentException($"meeting '{append.Stream}' has no events to append", nameof(appends));
            }
            foreach (var pending in append.Events)
            {
                if (pending?.Event is null || pending.ReportedAt is null || pending.Source is null || string.IsNullOrEmpty(pending.CommandId))
                {
                    throw new ArgumentException(
                        $"an event for meeting '{append.Stream}' lacks its event, reportedAt, source or command id", nameof(appends));
                }
            }
        }
    }

    /// <summary>
    /// The events of an append as stored, once the store, holding its writer lock inside the append's transaction,
    /// has checked every expected version and drawn the sequences: each stream's versions follow its expected version,
    /// and every event gets the one recordedAt and recordedBy. What a store writes, and what it returns.
    /// </summary>
    /// <param name="appends">The append, checked by <see cref="EnsureWellFormed"/>.</param>
    /// <param name="sequences">The sequence of every event, in the order of <paramref name="appends"/> and their events.</param>
    /// <param name="recordedAt">When the store appended them.</param>
    /// <param name="recordedBy">Who appended them.</param>
    /// <exception cref="ArgumentException">There is not one sequence per event.</exception>
    public static IReadOnlyList<StoredEvent> Stamp(IReadOnlyList<StreamAppend> appends, IReadOnlyList<long> sequences, RecordedAt recordedAt, string recordedBy)
    {
        ArgumentNullException.ThrowIfNull(appends);
        ArgumentNullException.ThrowIfNull(sequences);
        var stored = new List<StoredEvent>(sequences.Count);
        foreach (var append in appends)
        {
            var version = append.ExpectedVersion;
            foreach (var pending in append.Events)
            {
                if (stored.Count == sequences.Count)
                {
                    throw new ArgumentException($"{sequences.Count} sequences for more events than that", nameof(sequences));
                }
                stored.Add(new StoredEvent(
                    sequences[stored.Count],
                    append.Stream,
                    ++version,
                    pending.EventId,
                    EventTypeMap.NameOf(pending.Event),
                    pending.Event,
                    pending.ReportedAt,
                    recordedAt,
                    recordedBy,
                    pending.Source,
                    pending.CommandId));
            }
        }
        return stored.Count == sequences.Count
            ? stored
            : throw new ArgumentException($"{sequences.Count} sequences for {stored.Count} events", nameof(sequences));
    }

    /// <summary>An event id of an append is stored already, or given twice in it; event ids must be new.</summary>
    /// <param name="store">The store, as messages name it.</param>
    /// <param name="cause">The store's own error.</param>
    public static InvalidOperationException EventIdTaken(string store, Exception cause) =>
        new($"an event id of this append is already stored in {store} (or given twice); each event needs a new id", cause);
}

/// <summary>An event as stored, with its whole envelope.</summary>
/// <param name="Sequence">Global append position: 1-based, strictly increasing in append order across all streams.</param>
/// <param name="Stream">The meeting the event belongs to.</param>
/// <param name="StreamVersion">1-based position within its stream.</param>
/// <param name="EventId">Unique id of the event.</param>
/// <param name="EventType">The stored name, e.g. <c>attendance-confirmed.v1</c> (see <see cref="Serialization.EventTypeMap"/>).</param>
/// <param name="Event">The domain event.</param>
/// <param name="ReportedAt">Knowledge time, as given by the command.</param>
/// <param name="RecordedAt">System time: when the store appended it, from the store's injected clock.</param>
/// <param name="RecordedBy">The user or API key name that appended it.</param>
/// <param name="Source">Who said it and where.</param>
/// <param name="CommandId">The command's idempotency key.</param>
public sealed record StoredEvent(
    long Sequence,
    MeetingId Stream,
    long StreamVersion,
    Guid EventId,
    string EventType,
    MeetingEvent Event,
    ReportedAt ReportedAt,
    RecordedAt RecordedAt,
    string RecordedBy,
    Source Source,
    string CommandId);
