using Timeline.Domain.Meetings;

namespace Timeline.Core.Storage;

/// <summary>
/// The streams a write transaction appended to, each with its whole stream as the transaction sees it when the appends
/// brought it (<see cref="StreamAppend.StoredBefore"/> and what they stored), so the as-of index can be advanced at
/// commit without reading those streams again. At most <see cref="KeptEventsLimit"/> events are kept; a stream beyond
/// that, or one whose events before an append were not given, is read again at commit.
/// </summary>
public sealed class TouchedStreams
{
    /// <summary>The most events kept for all streams together (a large import reads its streams again instead).</summary>
    public const int KeptEventsLimit = 4096;

    private readonly Dictionary<MeetingId, List<StoredEvent>?> _streams = [];
    private int _kept;

    /// <summary>Every stream appended to, in the order first appended.</summary>
    public IReadOnlyCollection<MeetingId> Streams => _streams.Keys;

    /// <summary>
    /// Records a batch of appends, once the store has checked their expected versions and stored them as
    /// <paramref name="stored"/> (every event of the batch, any order).
    /// </summary>
    public void Add(IReadOnlyList<StreamAppend> appends, IReadOnlyList<StoredEvent> stored)
    {
        ArgumentNullException.ThrowIfNull(appends);
        ArgumentNullException.ThrowIfNull(stored);
        var byStream = stored.ToLookup(e => e.Stream);
        foreach (var append in appends)
        {
            var appended = byStream[append.Stream].OrderBy(e => e.StreamVersion).ToList();
            var whole = _streams.TryGetValue(append.Stream, out var known)
                ? known
                : append.StoredBefore is { } before && IsWholeUpTo(before, append.Stream, append.ExpectedVersion) ? [.. before] : null;
            _kept -= known?.Count ?? 0;
            if (whole is null || whole.Count != append.ExpectedVersion || _kept + whole.Count + appended.Count > KeptEventsLimit)
            {
                _streams[append.Stream] = null;
                continue;
            }
            whole.AddRange(appended);
            _kept += whole.Count;
            _streams[append.Stream] = whole;
        }
    }

    /// <summary>The whole stream as the transaction sees it, in version order; null when it must be read.</summary>
    public IReadOnlyList<StoredEvent>? WholeStream(MeetingId stream) => _streams.GetValueOrDefault(stream);

    // Versions start at 1 and follow each other, so the first n events of a stream are the ones numbered 1 to n.
    private static bool IsWholeUpTo(IReadOnlyList<StoredEvent> events, MeetingId stream, long version)
    {
        if (events.Count != version)
        {
            return false;
        }
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Stream != stream || events[i].StreamVersion != i + 1)
            {
                return false;
            }
        }
        return true;
    }
}
