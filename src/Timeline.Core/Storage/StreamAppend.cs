using Timeline.Core.Serialization;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Storage;

/// <summary>Events for one stream, appended only if the stream is still at <paramref name="ExpectedVersion"/>.</summary>
/// <param name="Stream">The meeting.</param>
/// <param name="ExpectedVersion">The stream's version as read before deciding; 0 for a stream with no events yet.</param>
/// <param name="Events">The events, in order; at least one.</param>
public sealed record StreamAppend(MeetingId Stream, long ExpectedVersion, IReadOnlyList<PendingEvent> Events)
{
    /// <summary>
    /// The stream's events before this append, as read to decide it, when the caller has them: its first
    /// <see cref="ExpectedVersion"/> events, in version order. Once the store has found the stream at that version, they
    /// are the stream as stored, so it need not read them again to advance the as-of index (<see cref="TouchedStreams"/>).
    /// Null when not given.
    /// </summary>
    public IReadOnlyList<StoredEvent>? StoredBefore { get; init; }

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
