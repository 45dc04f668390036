using System.Text.Json;
using Timeline.Core.History;
using Timeline.Core.Knowledge;
using Timeline.Core.Schedule;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Index;

/// <summary>
/// The as-of index as a pure function of the log: each meeting's states over knowledge and system-time intervals
/// (<see cref="MeetingStateRow"/>), computed with the same fold that answers without an index
/// (<see cref="MeetingView.Apply"/>, <see cref="TimelineFold.Retracted"/>), and the report days. Stores only persist
/// these rows and query them; <see cref="Select"/> is what such a query must return.
/// </summary>
public static partial class MeetingStates
{
    /// <summary>
    /// The version of the rows' layout and of <see cref="MeetingSnapshot"/>'s JSON. A store keeps the version its index
    /// was built with and rebuilds an index of an older version on first use. Raise it whenever <see cref="Of"/> or the
    /// snapshot changes.
    /// </summary>
    public const int FormatVersion = 1;

    /// <summary>The end of an interval that is still open.</summary>
    public const long Open = long.MaxValue;

    /// <summary>
    /// Every state of one meeting: for each system-time interval between the recordedAt of its events and each
    /// knowledge interval between the reportedAt of the events recorded by then, the meeting as the fold shows it,
    /// wherever it exists. A state that holds on across appends is one row whose system-time interval spans them, so
    /// an append closes and opens only the rows whose state it changes (<see cref="Advance"/>, one step per recordedAt).
    /// </summary>
    /// <param name="stream">Every event of one meeting's stream, in any order.</param>
    /// <returns>Rows in (recordedFrom, reportedFrom) order; none for an empty stream.</returns>
    public static IReadOnlyList<MeetingStateRow> Of(IReadOnlyCollection<StoredEvent> stream)
    {
        var rows = new List<MeetingStateRow>();
        var open = new List<MeetingStateRow>();
        foreach (var recorded in stream.Select(e => e.RecordedAt.Instant.UtcTicks).Distinct().Order())
        {
            var change = Advance([.. stream.Where(e => e.RecordedAt.Instant.UtcTicks <= recorded)], [.. open.Select(HeldState.Of)], recorded);
            var ended = change.Ended.Select(h => h.ReportedFrom).ToHashSet();
            rows.AddRange(open.Where(r => ended.Contains(r.ReportedFrom)).Select(r => r with { RecordedTo = recorded }));
            open = [.. open.Where(r => !ended.Contains(r.ReportedFrom)), .. change.Started];
        }
        rows.AddRange(open);
        return [.. rows.OrderBy(r => r.RecordedFrom).ThenBy(r => r.ReportedFrom)];
    }

    /// <summary>
    /// True when <see cref="Advance"/> can take one meeting's rows to <paramref name="recordedAt"/>: nothing in its
    /// <paramref name="stream"/> and none of its open rows (their <paramref name="openRecordedFrom"/>) is recorded later.
    /// Otherwise (a clock set back) its rows must be computed afresh with <see cref="Of"/>.
    /// </summary>
    public static bool CanAdvance(IEnumerable<StoredEvent> stream, IEnumerable<long> openRecordedFrom, long recordedAt) =>
        !stream.Any(e => e.RecordedAt.Instant.UtcTicks > recordedAt) && !openRecordedFrom.Any(from => from > recordedAt);

    /// <summary>
    /// What an append recorded at <paramref name="recordedAt"/> changes in one meeting's rows: the states open before it
    /// (<paramref name="open"/>, the rows whose system-time interval is still open) that no longer hold end there, and
    /// the states that hold from then on and were not open start there. The rows closed before are untouched. This is
    /// <see cref="Of"/>'s step, so applying it to an index that was <see cref="Of"/>'s answer before the append gives
    /// <see cref="Of"/>'s answer after it.
    /// </summary>
    /// <param name="stream">Every event of the meeting's stream, the append's included, all recorded at or before
    /// <paramref name="recordedAt"/>.</param>
    /// <param name="open">The meeting's open rows before the append; each started at or before <paramref name="recordedAt"/>.</param>
    /// <param name="recordedAt">The append's recordedAt, in UTC ticks.</param>
    /// <exception cref="ArgumentException">An event or an open row is later than <paramref name="recordedAt"/>: the
    /// rows must then be computed afresh with <see cref="Of"/>.</exception>
    public static MeetingStateChange Advance(IReadOnlyCollection<StoredEvent> stream, IReadOnlyCollection<HeldState> open, long recordedAt)
    {
        if (!CanAdvance(stream, open.Select(h => h.RecordedFrom), recordedAt))
        {
            throw new ArgumentException("an event or an open row is recorded after the append: compute the rows afresh", nameof(recordedAt));
        }
        if (stream.Count == 0)
        {
            return new MeetingStateChange([.. open], []);
        }
        var id = stream.First().Stream;
        var held = open.ToDictionary(h => (h.ReportedFrom, h.ReportedTo, h.Snapshot));
        // A state that holds over the same knowledge interval, from before the first one the append can change, holds on
        // as it is: it is not folded into a snapshot again only to be found equal.
        var changedFrom = ChangedFrom(stream, recordedAt);
        var heldOver = open.GroupBy(h => (h.ReportedFrom, h.ReportedTo)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        var kept = new HashSet<(long, long, string)>();
        var started = new List<MeetingStateRow>();
        foreach (var (from, to, snapshot) in KnowledgeIntervals(id, stream, (from, to) => from >= changedFrom || !heldOver.ContainsKey((from, to))))
        {
            if (snapshot is null)
            {
                var same = heldOver[(from, to)];
                kept.Add((same.ReportedFrom, same.ReportedTo, same.Snapshot));
                continue;
            }
            var key = (from, to, Write(snapshot));
            if (held.ContainsKey(key))
            {
                kept.Add(key);
            }
            else
            {
                started.Add(Row(id, key, recordedAt, Open, snapshot));
            }
        }
        return new MeetingStateChange([.. open.Where(h => !kept.Contains((h.ReportedFrom, h.ReportedTo, h.Snapshot)))], started);
    }

    /// <summary>
    /// The first reportedAt whose knowledge interval the events recorded at <paramref name="recordedAt"/> can change: an
    /// event changes the states reported from its own reportedAt on (the fold, the version, the latest report), a
    /// retraction also those from each entry it retracts on. The states of earlier intervals depend only on events
    /// reported before, which were all recorded before.
    /// </summary>
    private static long ChangedFrom(IReadOnlyCollection<StoredEvent> stream, long recordedAt)
    {
        var changedFrom = Open;
        foreach (var e in stream.Where(e => e.RecordedAt.Instant.UtcTicks >= recordedAt))
        {
            changedFrom = Math.Min(changedFrom, e.ReportedAt.Instant.UtcTicks);
            foreach (var target in TimelineFold.TargetsOf(e, stream))
            {
                changedFrom = Math.Min(changedFrom, target.ReportedAt.Instant.UtcTicks);
            }
        }
        return changedFrom;
    }

    /// <summary>
    /// The knowledge intervals of one meeting as <paramref name="recorded"/> shows it: from each distinct reportedAt to the
    /// next, the fold of the events reported by then (<see cref="TimelineFold.Meetings"/>'s answer for that meeting); its
    /// snapshot is made only for the intervals <paramref name="wanted"/> names (From, To), null for the others.
    /// </summary>
    private static IEnumerable<(long From, long To, MeetingSnapshot? Snapshot)> KnowledgeIntervals(
        MeetingId id, IReadOnlyCollection<StoredEvent> recorded, Func<long, long, bool> wanted)
    {
        var retracted = TimelineFold.Retracted(recorded);
        var ordered = recorded.OrderBy(e => e.ReportedAt.Instant.UtcTicks).ThenBy(e => e.Sequence).ToList();
        var view = MeetingView.Empty(id);
        var version = 0L;
        StoredEvent? latest = null;
        for (var i = 0; i < ordered.Count;)
        {
            var from = ordered[i].ReportedAt.Instant.UtcTicks;
            for (; i < ordered.Count && ordered[i].ReportedAt.Instant.UtcTicks == from; i++)
            {
                var e = ordered[i];
                version = Math.Max(version, e.StreamVersion);
                if (retracted.Contains(e.EventId))
                {
                    continue;
                }
                latest = e;
                if (e.Event is not MeetingEvent.ReportRetracted)
                {
                    view = view.Apply(e);
                }
            }
            if (view.State.Exists)
            {
                var to = i < ordered.Count ? ordered[i].ReportedAt.Instant.UtcTicks : Open;
                yield return (from, to, wanted(from, to) ? Snapshot(view with { Version = version }, latest) : null);
            }
        }
    }

    /// <summary>What the answers need of a folded meeting; <paramref name="latest"/> is its last report not retracted.</summary>
    internal static MeetingSnapshot Snapshot(MeetingView view, StoredEvent? latest) =>
        new(
            GetScheduleHandler.ToScheduled(view),
            [.. view.State.Participants.Select(p =>
            {
                var record = view.AttendanceOf(p.Name);
                return new AttendanceStatement(p.Name.Value, record.AnnouncedLevel, record.DeclinedAt?.Text);
            })],
            latest is null ? null : new LatestReport(latest.Sequence, latest.ReportedAt.Text, EventSummary.Describe(latest.Event), latest.Source));

    private static MeetingStateRow Row(MeetingId id, (long From, long To, string Json) cell, long recordedFrom, long recordedTo, MeetingSnapshot snapshot)
    {
        var meeting = snapshot.Meeting;
        return new MeetingStateRow(
            id.Value,
            cell.From,
            cell.To,
            recordedFrom,
            recordedTo,
            (meeting.Earliest ?? DateOnly.MaxValue).DayNumber,
            (meeting.Latest ?? DateOnly.MaxValue).DayNumber,
            meeting.Dates is not null,
            ParticipantKeys(meeting),
            SearchKeyOf(meeting),
            cell.Json);
    }

    /// <summary>The report-day rows of <paramref name="events"/> (any events, of any streams).</summary>
    public static IReadOnlyList<ReportDayRow> ReportDays(IEnumerable<StoredEvent> events) =>
        [.. events
            .GroupBy(e => (Day: e.ReportedAt.Day.DayNumber, RecordedAt: e.RecordedAt.Instant.UtcTicks))
            .Select(g => new ReportDayRow(g.Key.Day, g.Key.RecordedAt, g.Count()))
            .OrderBy(r => r.Day)
            .ThenBy(r => r.RecordedAt)];

    /// <summary>Every day with reports among <paramref name="rows"/> recorded within <paramref name="recordedAsOf"/>, in day order.</summary>
    public static IReadOnlyList<ReportDay> CountDays(IEnumerable<ReportDayRow> rows, Cutoff? recordedAsOf)
    {
        var key = StateQuery.Now with { RecordedAsOf = recordedAsOf };
        return [.. rows
            .Where(r => r.RecordedAt <= key.RecordedAsOfKey)
            .GroupBy(r => r.Day)
            .OrderBy(g => g.Key)
            .Select(g => new ReportDay(DateOnly.FromDayNumber(g.Key), g.Sum(r => r.Reports)))];
    }

    /// <summary>The key a participant's name is kept and matched by: upper case, invariant culture, as names compare.</summary>
    public static string ParticipantKey(string name) => name.ToUpperInvariant();

    /// <summary>The keys of the participants <paramref name="meeting"/> names, once each, as rows keep them.</summary>
    public static IReadOnlyList<string> ParticipantKeys(ScheduledMeeting meeting) =>
        [.. meeting.Participants.Select(p => ParticipantKey(p.Name)).Distinct(StringComparer.Ordinal)];

    /// <summary>The form search text and the searched fields are compared in: lower case, invariant culture.</summary>
    public static string SearchKey(string text) => text.ToLowerInvariant();

    /// <summary>What a search looks in: title, organization and every participant's name, one per line.</summary>
    public static string SearchKeyOf(ScheduledMeeting meeting) =>
        SearchKey(string.Join('\n', [meeting.Title, meeting.Organization ?? string.Empty, .. meeting.Participants.Select(p => p.Name)]));

    /// <summary>The snapshot as the index keeps it.</summary>
    public static string Write(MeetingSnapshot snapshot) => JsonSerializer.Serialize(snapshot, TimelineJson.Stored);

    /// <summary>Reads a snapshot written by <see cref="Write"/>.</summary>
    /// <exception cref="JsonException">The text is not a snapshot of this <see cref="FormatVersion"/>.</exception>
    public static MeetingSnapshot Read(string json) => MeetingSnapshotReader.Read(json);
}
