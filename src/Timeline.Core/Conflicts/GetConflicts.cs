using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Conflicts;

/// <summary>
/// Reports from different sources that disagree about one fact of one meeting within <see cref="Within"/> days of each
/// other (docs/contract.md#when-sources-disagree). Flags for review, not verdicts.
/// </summary>
/// <param name="Within">The most whole days (UTC) between the two reports: 0 to <see cref="GetConflictsValidator.MaxWithin"/>.</param>
/// <param name="Meeting">Only this meeting (not found: an error).</param>
/// <param name="AsOf">Only reports made by then.</param>
/// <param name="RecordedAsOf">Only reports recorded (and retractions applied) by then.</param>
public sealed record GetConflicts(int Within = GetConflicts.DefaultWithin, string? Meeting = null, string? AsOf = null, string? RecordedAsOf = null)
    : IQuery<ConflictsDocument>
{
    /// <summary>A week.</summary>
    public const int DefaultWithin = 7;

    /// <summary>The most meetings <see cref="Meetings"/> may name.</summary>
    public const int MostMeetings = 200;

    /// <summary>
    /// Only these meetings (up to <see cref="MostMeetings"/>; those not known are simply absent): what a page asks for the
    /// meetings it shows, reading their streams only. Not with <see cref="Meeting"/>.
    /// </summary>
    public IReadOnlyList<string>? Meetings { get; init; }

    /// <summary>The streams to read: <see cref="Meeting"/>'s or <see cref="Meetings"/>; null for the whole log.</summary>
    internal IReadOnlyCollection<MeetingId>? Streams =>
        Meeting is { } one ? [MeetingId.Parse(one)] : Meetings?.Select(MeetingId.Parse).ToHashSet();
}

/// <summary>The <c>conflicts</c> output (docs/contract.md#conflicts-output).</summary>
public sealed record ConflictsDocument(int Within, string? AsOf, string? RecordedAsOf, IReadOnlyList<Conflict> Conflicts);

/// <summary>Two reports that disagree about one fact.</summary>
/// <param name="Fact">attendance, mode, dates or location.</param>
/// <param name="Participant">Whose attendance or mode; null for dates and location.</param>
/// <param name="First">The earlier report (reportedAt, then sequence).</param>
/// <param name="Second">The later report.</param>
/// <param name="DaysApart">Whole days (UTC) between their reportedAt days.</param>
public sealed record Conflict(string MeetingId, string Title, MeetingField Fact, string? Participant, ConflictSide First, ConflictSide Second, int DaysApart);

/// <summary>One side of a conflict: the report and what it says of the fact.</summary>
/// <param name="Claim">The value the report gives: an attendance or mode word, dates as given, or a location <c>{city, country}</c>.</param>
public sealed record ConflictSide(long Sequence, string Event, string ReportedAt, Source Source, object Claim, string Summary);

internal sealed class GetConflictsValidator : AbstractValidator<GetConflicts>
{
    /// <summary>Ten years.</summary>
    public const int MaxWithin = 3650;

    public GetConflictsValidator()
    {
        RuleFor(q => q.Within).InclusiveBetween(0, MaxWithin).WithMessage(q => $"'{q.Within}' is not a number of days from 0 to {MaxWithin}");
        RuleFor(q => q.Meeting).Slug();
        RuleFor(q => q.Meetings).Custom((ids, context) =>
        {
            for (var i = 0; ids is not null && i < ids.Count; i++)
            {
                if (!MeetingId.TryParse(ids[i], out _, out var error))
                {
                    context.AddFailure($"meeting[{i}]", error);
                }
            }
        });
        RuleFor(q => q.Meetings!.Count).LessThanOrEqualTo(GetConflicts.MostMeetings).When(q => q.Meetings is not null)
            .OverridePropertyName("meeting").WithMessage(q => $"names {q.Meetings!.Count} meetings; at most {GetConflicts.MostMeetings} at once");
        RuleFor(q => q.Meetings).Null().When(q => q.Meeting is not null).OverridePropertyName("meeting")
            .WithMessage("give one meeting, or several, not both");
        RuleFor(q => q.AsOf).PointInTime();
        RuleFor(q => q.RecordedAsOf).PointInTime();
    }
}

internal sealed class GetConflictsHandler(IEventStore store) : IQueryHandler<GetConflicts, ConflictsDocument>
{
    public async ValueTask<ConflictsDocument> Handle(GetConflicts query, CancellationToken cancellationToken)
    {
        var log = await store.ReadLogAsync(QueryRules.CutoffOrNull(query.RecordedAsOf), query.Streams, cancellationToken);
        if (query.Meeting is { } wanted && log.Count == 0)
        {
            throw new MeetingNotFound(wanted, query.RecordedAsOf);
        }
        return Build(log, query);
    }

    /// <summary>The pure projection, for any log.</summary>
    public static ConflictsDocument Build(IEnumerable<StoredEvent> log, GetConflicts query)
    {
        var streams = query.Streams;
        var asOf = QueryRules.CutoffOrNull(query.AsOf);
        var recordedAsOf = QueryRules.CutoffOrNull(query.RecordedAsOf);
        var events = log.Where(e => streams is null || streams.Contains(e.Stream)).ToList();
        var pairs = Claims.In(TimelineFold.Effective(events, asOf, recordedAsOf))
            .GroupBy(c => (c.Report.Stream, c.Fact, c.Participant))
            .SelectMany(fact => Disagreement.Among(fact.ToList(), query.Within))
            .OrderBy(pair => pair.Second.Report.ReportedAt.Instant)
            .ThenBy(pair => pair.Second.Report.Sequence)
            .ThenBy(pair => pair.First.Report.Sequence)
            .ThenBy(pair => pair.First.Fact)
            .ToList();
        // Each meeting folds from its own stream: only those in a conflict are folded for their titles, not the log.
        var involved = pairs.Select(pair => pair.First.Report.Stream).ToHashSet();
        var titles = TimelineFold.Meetings(events.Where(e => involved.Contains(e.Stream)), asOf, recordedAsOf).ToDictionary(v => v.Id, v => v.State.Title);
        var conflicts = pairs
            .Select(pair => new Conflict(
                pair.First.Report.Stream.Value,
                titles.GetValueOrDefault(pair.First.Report.Stream, pair.First.Report.Stream.Value),
                pair.First.Fact,
                pair.First.Participant?.Value,
                pair.First.ToSide(),
                pair.Second.ToSide(),
                pair.DaysApart))
            .ToList();
        return new ConflictsDocument(query.Within, query.AsOf, query.RecordedAsOf, conflicts);
    }
}
