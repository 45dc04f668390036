using System.Collections.Immutable;
using System.Globalization;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Knowledge;

/// <summary>
/// The bitemporal fold every store shares. It restricts the log to what was recorded by a system time, drops
/// entries retracted by then, restricts to what was reported by a knowledge time, and folds in
/// (reportedAt, sequence) order. Import order therefore never changes an answer.
/// </summary>
internal static class TimelineFold
{
    /// <summary>The id by which an event can be named in a retraction.</summary>
    public static string EventKey(Guid eventId) => eventId.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>
    /// The event ids retracted by the retractions among <paramref name="recorded"/> (all of one or many streams). A
    /// retraction names a command id (retracting every event of that command) or an event id, within its own stream.
    /// </summary>
    public static ImmutableHashSet<Guid> Retracted(IEnumerable<StoredEvent> recorded)
    {
        var events = recorded as IReadOnlyCollection<StoredEvent> ?? [.. recorded];
        var retractions = events
            .Where(e => e.Event is MeetingEvent.ReportRetracted)
            .Select(e => (e.Stream, Target: ((MeetingEvent.ReportRetracted)e.Event).Retracts))
            .ToHashSet();
        if (retractions.Count == 0)
        {
            return [];
        }
        return [.. events
            .Where(e => e.Event is not MeetingEvent.ReportRetracted
                && (retractions.Contains((e.Stream, e.CommandId)) || retractions.Contains((e.Stream, EventKey(e.EventId)))))
            .Select(e => e.EventId)];
    }

    /// <summary>
    /// The entries of <paramref name="stream"/> that <paramref name="retraction"/> names: by command id or event id, in its
    /// own stream, never another retraction. Empty when it is not a retraction.
    /// </summary>
    public static IEnumerable<StoredEvent> TargetsOf(StoredEvent retraction, IEnumerable<StoredEvent> stream) =>
        retraction.Event is MeetingEvent.ReportRetracted { Retracts: var target }
            ? stream.Where(e => e.Stream == retraction.Stream && e.Event is not MeetingEvent.ReportRetracted
                && (e.CommandId == target || EventKey(e.EventId) == target))
            : [];

    /// <summary>
    /// The events that shape the answer: recorded within <paramref name="recordedAsOf"/>, not retracted by then,
    /// not retractions themselves, and reported within <paramref name="asOf"/>; in (reportedAt, sequence) order.
    /// </summary>
    public static IReadOnlyList<StoredEvent> Effective(IEnumerable<StoredEvent> log, Cutoff? asOf, Cutoff? recordedAsOf)
    {
        var recorded = log.Where(e => recordedAsOf is null || recordedAsOf.Includes(e.RecordedAt)).ToList();
        var retracted = Retracted(recorded);
        return [.. recorded
            .Where(e => e.Event is not MeetingEvent.ReportRetracted && !retracted.Contains(e.EventId))
            .Where(e => asOf is null || asOf.Includes(e.ReportedAt.Instant))
            .OrderBy(e => e.ReportedAt.Instant)
            .ThenBy(e => e.Sequence)];
    }

    /// <summary>
    /// Folds the effective events of many streams into one view per meeting that exists. A view's
    /// <see cref="MeetingView.Version"/> is the highest stream version among the events recorded and reported within
    /// the bounds, retractions and retracted entries included: with no bounds it is the stream's version, which an
    /// expected version or <c>If-Match</c> must name.
    /// </summary>
    public static IReadOnlyList<MeetingView> Meetings(IEnumerable<StoredEvent> log, Cutoff? asOf, Cutoff? recordedAsOf)
    {
        var recorded = log.Where(e => recordedAsOf is null || recordedAsOf.Includes(e.RecordedAt)).ToList();
        var versions = recorded
            .Where(e => asOf is null || asOf.Includes(e.ReportedAt.Instant))
            .GroupBy(e => e.Stream)
            .ToDictionary(stream => stream.Key, stream => stream.Max(e => e.StreamVersion));
        return [.. Effective(recorded, asOf, null)
            .GroupBy(e => e.Stream)
            .Select(stream => stream.Aggregate(MeetingView.Empty(stream.Key), (view, e) => view.Apply(e)))
            .Where(view => view.State.Exists)
            .Select(view => view with { Version = versions[view.Id] })];
    }

    /// <summary>
    /// The state a command is decided against: the meeting as known at <paramref name="reportedAt"/>, from every
    /// event on record now, with the entries a retraction may name.
    /// </summary>
    public static Meeting ForDecision(MeetingId id, IReadOnlyList<StoredEvent> stream, ReportedAt reportedAt)
    {
        var view = Effective(stream, Cutoff.Through(reportedAt), null).Aggregate(MeetingView.Empty(id), (v, e) => v.Apply(e));
        var retracted = Retracted(stream);
        var retractable = stream
            .Where(e => e.Event is not MeetingEvent.ReportRetracted && !retracted.Contains(e.EventId))
            .SelectMany(e => new[] { e.CommandId, EventKey(e.EventId) });
        return view.State with { RetractableEntries = [.. retractable] };
    }

    /// <summary>
    /// The first event reported after the <paramref name="added"/> ones that they would make inadmissible (say, a
    /// decline reported after a backdated cancellation), with the rule it would break; null when there is none.
    /// Folding follows <see cref="Effective"/>, so the check sees the meeting exactly as every answer will.
    /// </summary>
    public static (StoredEvent Later, MeetingRuleViolation Violation)? Contradiction(MeetingId id, IReadOnlyList<StoredEvent> stream, IReadOnlySet<Guid> added)
    {
        var view = MeetingView.Empty(id);
        var afterAdded = false;
        foreach (var e in Effective(stream, null, null))
        {
            if (added.Contains(e.EventId))
            {
                afterAdded = true;
            }
            else if (afterAdded && MeetingDecider.Violation(view.State, e.Event, id) is { } violation)
            {
                return (e, violation);
            }
            view = view.Apply(e);
        }
        return null;
    }
}
