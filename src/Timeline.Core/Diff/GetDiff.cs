using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Knowledge;
using Timeline.Core.Schedule;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Diff;

/// <summary>
/// What changed in the picture between two knowledge times (<see cref="From"/>, <see cref="To"/>), or, for restatements,
/// between two system times (<see cref="RecordedFrom"/>, <see cref="RecordedTo"/>); docs/contract.md#timeline-diff says
/// which options go together.
/// </summary>
/// <param name="From">The earlier knowledge time (a day or an instant).</param>
/// <param name="To">The later knowledge time; null for everything reported.</param>
/// <param name="RecordedFrom">The earlier system time.</param>
/// <param name="RecordedTo">The later system time; null for everything recorded.</param>
/// <param name="AsOf">With the system times: the knowledge time both pictures are taken at; null for everything reported.</param>
/// <param name="RecordedAsOf">With the knowledge times: the system time both pictures are taken at; null for everything recorded.</param>
/// <param name="Meeting">Only this meeting.</param>
/// <param name="Participant">Only meetings naming this person, and of their participants only this one.</param>
public sealed record GetDiff(
    string? From = null,
    string? To = null,
    string? RecordedFrom = null,
    string? RecordedTo = null,
    string? AsOf = null,
    string? RecordedAsOf = null,
    string? Meeting = null,
    string? Participant = null) : IQuery<DiffDocument>;

/// <summary>The <c>diff</c> output (docs/contract.md#diff-output).</summary>
public sealed record DiffDocument(
    string? From,
    string? To,
    string? RecordedFrom,
    string? RecordedTo,
    string? AsOf,
    string? RecordedAsOf,
    IReadOnlyList<MeetingChange> Changes);

/// <summary>Whether a meeting is new in the later picture, gone from it, or in both with fields that differ.</summary>
public enum MeetingChangeKind
{
    Added,
    Changed,
    Removed,
}

/// <summary>One meeting that differs between the two pictures.</summary>
/// <param name="Title">Its title in the later picture (in the earlier one when it was removed).</param>
/// <param name="Fields">Each field that differs, meeting fields first, then each participant's.</param>
/// <param name="Reports">The reports that made the difference, in reportedAt order, then sequence.</param>
public sealed record MeetingChange(string MeetingId, string Title, MeetingChangeKind Change, IReadOnlyList<FieldChange> Fields, IReadOnlyList<ChangeReport> Reports);

/// <summary>
/// One field before and after: a vocabulary word (status, attendance, mode), a text (title, dates as given, a
/// representative's name) or a location <c>{city, country}</c>; null where the picture has none.
/// </summary>
/// <param name="Participant">Whose field it is, for attendance, mode and representedBy; else null.</param>
public sealed record FieldChange(MeetingField Field, string? Participant, object? Before, object? After);

/// <summary>A report that made a change: a statement, or the retraction of one.</summary>
public sealed record ChangeReport(long Sequence, string Event, string ReportedAt, string RecordedAt, Source Source, string Summary);

internal sealed class GetDiffValidator : AbstractValidator<GetDiff>
{
    public GetDiffValidator()
    {
        RuleFor(q => q.From).PointInTime();
        RuleFor(q => q.To).PointInTime();
        RuleFor(q => q.RecordedFrom).PointInTime();
        RuleFor(q => q.RecordedTo).PointInTime();
        RuleFor(q => q.AsOf).PointInTime();
        RuleFor(q => q.RecordedAsOf).PointInTime();
        RuleFor(q => q.Meeting).Slug();
        RuleFor(q => q.Participant).PersonName();
        RuleFor(q => q).Custom((q, context) =>
        {
            foreach (var (field, message) in DiffWindow.Problems(q))
            {
                context.AddFailure(field, message);
            }
        });
    }
}

internal sealed class GetDiffHandler(IEventStore store) : IQueryHandler<GetDiff, DiffDocument>
{
    /// <summary>
    /// Above this many meetings with reports between the two knowledge times, the whole log is read rather than their
    /// streams by name.
    /// </summary>
    internal const int MostStreamsByName = 5_000;

    public async ValueTask<DiffDocument> Handle(GetDiff query, CancellationToken cancellationToken)
    {
        var window = DiffWindow.Of(query);
        var meeting = query.Meeting is null ? (MeetingId?)null : MeetingId.Parse(query.Meeting);
        var streams = meeting is { } id ? [id] : await StreamsReportedBetweenAsync(window, cancellationToken);
        if (streams is { Count: 0 })
        {
            return Build([], query);
        }
        var log = await store.ReadLogAsync(window.Later.RecordedAsOf, streams, cancellationToken);
        if (meeting is { } wanted && log.Count == 0)
        {
            throw new MeetingNotFound(wanted.Value, query.RecordedTo ?? query.RecordedAsOf);
        }
        return Build(log, query);
    }

    /// <summary>
    /// Between two knowledge times, only a meeting with a report between them (recorded within the shared system-time
    /// bound) can look different: every other meeting is folded from the same events in both pictures. Those meetings,
    /// read through the store's reportedAt index; null (every meeting) between two system times, or when there are
    /// too many to name.
    /// </summary>
    private async Task<IReadOnlyCollection<MeetingId>?> StreamsReportedBetweenAsync(DiffWindow window, CancellationToken cancellationToken)
    {
        if (window.Earlier.AsOf is not { } from || window.Earlier.RecordedAsOf != window.Later.RecordedAsOf)
        {
            return null;
        }
        var between = EventQuery.All with
        {
            ReportedFrom = from.Before,
            ReportedBefore = window.Later.AsOf?.Before,
            RecordedAtOrBefore = window.Later.RecordedAsOf?.Through(),
        };
        var streams = new HashSet<MeetingId>();
        await foreach (var e in store.ReadAllAsync(between, cancellationToken))
        {
            if (streams.Add(e.Stream) && streams.Count > MostStreamsByName)
            {
                return null;
            }
        }
        return streams;
    }

    /// <summary>The pure projection, for any log.</summary>
    public static DiffDocument Build(IEnumerable<StoredEvent> log, GetDiff query)
    {
        var window = DiffWindow.Of(query);
        var meeting = query.Meeting is null ? (MeetingId?)null : MeetingId.Parse(query.Meeting);
        var participant = query.Participant is null ? (ParticipantName?)null : ParticipantName.Parse(query.Participant);
        var events = log.Where(e => meeting is null || e.Stream == meeting.Value).ToList();

        var before = KnownMeetings.At(events, window.Earlier.AsOf, window.Earlier.RecordedAsOf).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var after = KnownMeetings.At(events, window.Later.AsOf, window.Later.RecordedAsOf).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var reports = ChangeReports.Between(events, window);

        var changes = new List<(ScheduledMeeting Shown, MeetingChange Change)>();
        foreach (var id in after.Keys.Union(before.Keys, StringComparer.Ordinal))
        {
            var earlier = before.GetValueOrDefault(id);
            var later = after.GetValueOrDefault(id);
            if (participant is { } p && !(earlier?.Names(p) ?? false) && !(later?.Names(p) ?? false))
            {
                continue;
            }
            var fields = MeetingComparison.Fields(earlier, later, participant);
            if (fields.Count == 0)
            {
                continue;
            }
            var shown = (later ?? earlier)!;
            var kind = earlier is null ? MeetingChangeKind.Added : later is null ? MeetingChangeKind.Removed : MeetingChangeKind.Changed;
            var made = reports.GetValueOrDefault(id, []).Where(r => fields.Any(r.BearsOn)).Select(r => r.ToReport()).ToList();
            changes.Add((shown, new MeetingChange(id, shown.Title, kind, fields, made)));
        }
        return new DiffDocument(
            query.From,
            query.To,
            query.RecordedFrom,
            query.RecordedTo,
            query.AsOf,
            query.RecordedAsOf,
            [.. changes.InScheduleOrder(c => c.Shown).Select(c => c.Change)]);
    }
}
