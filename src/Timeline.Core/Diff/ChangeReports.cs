using Timeline.Core.History;
using Timeline.Core.Knowledge;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Diff;

/// <summary>
/// The reports that make the difference between a diff's two pictures: every report that counts in the later picture
/// and not in the earlier one, and every retraction, recorded by the later picture's bound, that takes a report out of
/// the earlier one.
/// </summary>
internal static class ChangeReports
{
    /// <summary>The reports of each meeting, in reportedAt order, then sequence.</summary>
    public static Dictionary<string, List<MadeChange>> Between(IReadOnlyList<StoredEvent> events, DiffWindow window)
    {
        var earlier = TimelineFold.Effective(events, window.Earlier.AsOf, window.Earlier.RecordedAsOf);
        var later = TimelineFold.Effective(events, window.Later.AsOf, window.Later.RecordedAsOf);
        var inEarlier = earlier.Select(e => e.EventId).ToHashSet();
        var inLater = later.Select(e => e.EventId).ToHashSet();
        var made = later.Where(e => !inEarlier.Contains(e.EventId)).Select(e => new MadeChange(e, []));

        var takenOut = earlier.Where(e => !inLater.Contains(e.EventId)).Select(e => e.EventId).ToHashSet();
        if (takenOut.Count > 0)
        {
            var streams = events.ToLookup(e => e.Stream);
            made = made.Concat(events
                .Where(e => e.Event is MeetingEvent.ReportRetracted && (window.Later.RecordedAsOf?.Includes(e.RecordedAt) ?? true))
                .Select(r => new MadeChange(r, [.. TimelineFold.TargetsOf(r, streams[r.Stream]).Where(t => takenOut.Contains(t.EventId))]))
                .Where(r => r.Retracted.Count > 0));
        }
        return made
            .OrderBy(r => r.Report.ReportedAt.Instant)
            .ThenBy(r => r.Report.Sequence)
            .GroupBy(r => r.Report.Stream.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }
}

/// <summary>A report that makes a difference; for a retraction, with the entries it takes out.</summary>
internal sealed record MadeChange(StoredEvent Report, IReadOnlyList<StoredEvent> Retracted)
{
    /// <summary>True when the report (or, for a retraction, an entry it takes out) can set the field.</summary>
    public bool BearsOn(FieldChange field) =>
        Retracted.Count == 0 ? ReportBearing.On(Report.Event, field) : Retracted.Any(e => ReportBearing.On(e.Event, field));

    public ChangeReport ToReport() => new(
        Report.Sequence,
        EventTypeMap.DisplayName(Report.EventType),
        Report.ReportedAt.Text,
        Report.RecordedAt.ToString(),
        Report.Source,
        EventSummary.Describe(Report.Event));
}
