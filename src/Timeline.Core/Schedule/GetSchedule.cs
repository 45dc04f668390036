using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Index;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Schedule;

/// <summary>The schedule: every meeting known as of <see cref="AsOf"/>, as recorded by <see cref="RecordedAsOf"/>.</summary>
/// <param name="AsOf">Knowledge-time bound: a day (whole day, UTC) or an instant; null for everything reported.</param>
/// <param name="RecordedAsOf">System-time bound; null for everything recorded.</param>
/// <param name="Participant">Only meetings this person is named in (case-insensitive).</param>
/// <param name="From">Only meetings whose dates reach this EDTF date's first day or later.</param>
/// <param name="To">Only meetings whose dates begin by this EDTF date's last day.</param>
/// <param name="Search">Only meetings whose title, organization or a participant's name contains this (ignoring case).</param>
/// <param name="After">Only meetings after this cursor (<see cref="ScheduleDocument.Next"/> of the previous page).</param>
/// <param name="Limit">At most this many meetings (1 to <see cref="SchedulePage.MaxLimit"/>); null for all.</param>
public sealed record GetSchedule(
    string? AsOf = null,
    string? RecordedAsOf = null,
    string? Participant = null,
    string? From = null,
    string? To = null,
    string? Search = null,
    string? After = null,
    int? Limit = null)
    : IQuery<ScheduleDocument>;

/// <summary>The <c>schedule</c> output (docs/contract.md#schedule-output).</summary>
/// <param name="Next">The cursor of the next page when <see cref="GetSchedule.Limit"/> cut the list; left out otherwise.</param>
public sealed record ScheduleDocument(
    string? AsOf,
    string? RecordedAsOf,
    IReadOnlyList<ScheduledMeeting> Meetings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next = null);

/// <summary>One meeting in the schedule.</summary>
/// <param name="Version">The meeting's stream version: what an <c>If-Match</c> or <c>expectedVersion</c> names.</param>
public sealed record ScheduledMeeting(
    string Id,
    string Title,
    MeetingKind Kind,
    string? Organization,
    MeetingStatus Status,
    string? StatusReason,
    string? Dates,
    Location? Location,
    string? SidelinesOf,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<ScheduledParticipant> Participants,
    long Version)
{
    /// <summary>The first day the dates can mean, for sorting; null when undated.</summary>
    public DateOnly? Earliest { get; init; }

    /// <summary>The last day the dates can mean; null when undated.</summary>
    public DateOnly? Latest { get; init; }

    /// <summary>
    /// True when the dates have passed (as of the day asked about) with no outcome reported; see <see cref="Knowledge.Overdue"/>.
    /// Set after the projection, never by it.
    /// </summary>
    public bool Overdue { get; init; }
}

/// <summary>One participant of a scheduled meeting.</summary>
/// <param name="Since">reportedAt of the statement that set the current level.</param>
public sealed record ScheduledParticipant(
    string Name,
    AttendanceLevel Attendance,
    AttendanceMode? Mode,
    string? RepresentedBy,
    string? AnnouncedAt,
    string? ConfirmedAt,
    string? Since);

internal sealed class GetScheduleValidator : AbstractValidator<GetSchedule>
{
    public GetScheduleValidator()
    {
        RuleFor(q => q.AsOf).PointInTime();
        RuleFor(q => q.RecordedAsOf).PointInTime();
        RuleFor(q => q.Participant).PersonName();
        RuleFor(q => q.From).Edtf();
        RuleFor(q => q.To).Edtf();
        RuleFor(q => q.Search).Text(InputRules.ShortTextLength);
        RuleFor(q => q.After)
            .Must(after => after is null || ScheduleCursor.TryParse(after, out _))
            .WithMessage(q => $"'{FieldReader.Quote(q.After!)}' is not a schedule cursor (the next of an earlier page)");
        RuleFor(q => q.Limit)
            .InclusiveBetween(1, SchedulePage.MaxLimit)
            .WithMessage(q => $"'{q.Limit}' is not between 1 and {SchedulePage.MaxLimit}");
        // Only when both parse (their own rules report them otherwise): a range no meeting can fall in is a mistake.
        RuleFor(q => q.From).Must((q, from) => !(EdtfDate.TryParse(from, out var earlier, out _) && EdtfDate.TryParse(q.To, out var later, out _)
                && earlier.Earliest > later.Latest))
            .WithMessage(q => $"'{q.From}' is after to ('{q.To}'): give the earlier date first");
    }
}

internal sealed class GetScheduleHandler(IMeetingStateIndex index, TimeProvider clock) : IQueryHandler<GetSchedule, ScheduleDocument>
{
    public async ValueTask<ScheduleDocument> Handle(GetSchedule query, CancellationToken cancellationToken)
    {
        var states = await index.ReadStatesAsync(PageOf(query), cancellationToken);
        return Document(states, query, Overdue.Today(clock));
    }

    /// <summary>What <paramref name="query"/> asks the index for: one state more than its limit, to know whether a next page follows.</summary>
    internal static StateQuery PageOf(GetSchedule query) => StatesOf(query) with { Limit = query.Limit + 1 };

    /// <summary>What <paramref name="query"/> asks the index for (without its limit).</summary>
    internal static StateQuery StatesOf(GetSchedule query) => new()
    {
        AsOf = QueryRules.CutoffOrNull(query.AsOf),
        RecordedAsOf = QueryRules.CutoffOrNull(query.RecordedAsOf),
        Participant = query.Participant is null ? null : ParticipantName.Parse(query.Participant),
        From = query.From is null ? null : EdtfDate.Parse(query.From).Earliest,
        To = query.To is null ? null : EdtfDate.Parse(query.To).Latest,
        Search = query.Search,
        After = query.After is null ? null : ScheduleCursor.TryParse(query.After, out var after) ? after : throw new FormatException($"'{query.After}' is not a cursor"),
    };

    /// <summary>
    /// The document from the index's states, in the schedule's order, with <c>overdue</c> judged on the day asked about;
    /// one state more than the limit means there is a next page.
    /// </summary>
    internal static ScheduleDocument Document(IReadOnlyList<MeetingSnapshot> states, GetSchedule query, DateOnly today)
    {
        var day = Overdue.Day(QueryRules.CutoffOrNull(query.AsOf), today);
        var meetings = states
            .Take(query.Limit ?? int.MaxValue)
            .Select(s => Judged(s.Meeting, day))
            .ToList();
        var next = states.Count > meetings.Count ? ScheduleCursor.After(meetings[^1]).ToString() : null;
        return new ScheduleDocument(query.AsOf, query.RecordedAsOf, meetings, next);
    }

    /// <summary>The meeting with <c>overdue</c> judged on <paramref name="day"/>.</summary>
    internal static ScheduledMeeting Judged(ScheduledMeeting meeting, DateOnly day) =>
        meeting with { Overdue = Overdue.Is(meeting.Status, meeting.Latest, day) };

    /// <summary>The pure projection, for any log: the fold the index must agree with, search and pages included.</summary>
    /// <param name="log">The events to fold.</param>
    /// <param name="query">The bounds and filters.</param>
    /// <param name="today">The day overdue is judged on when the query has no as-of bound.</param>
    public static ScheduleDocument Build(IEnumerable<StoredEvent> log, GetSchedule query, DateOnly today)
    {
        var asOf = QueryRules.CutoffOrNull(query.AsOf);
        var participant = query.Participant is null ? (ParticipantName?)null : ParticipantName.Parse(query.Participant);
        var from = query.From is null ? DateOnly.MinValue : EdtfDate.Parse(query.From).Earliest;
        var to = query.To is null ? DateOnly.MaxValue : EdtfDate.Parse(query.To).Latest;
        var ranged = query.From is not null || query.To is not null;
        var day = Overdue.Day(asOf, today);

        var meetings = KnownMeetings.At(log, asOf, QueryRules.CutoffOrNull(query.RecordedAsOf))
            .Where(m => participant is null || m.Names(participant.Value))
            .Where(m => !ranged || (m.Dates is { } dates && EdtfDate.Parse(dates).Overlaps(from, to)))
            .Where(m => query.Search is null || SchedulePage.Matches(m, query.Search))
            .Select(m => Judged(m, day))
            .InScheduleOrder(m => m);
        var (page, next) = SchedulePage.Cut(meetings, query);
        return new ScheduleDocument(query.AsOf, query.RecordedAsOf, page, next);
    }

    internal static ScheduledMeeting ToScheduled(MeetingView view)
    {
        var s = view.State;
        return new ScheduledMeeting(
            view.Id.Value,
            s.Title,
            s.Kind,
            s.Organization,
            s.Status,
            s.StatusReason,
            s.Dates?.Text,
            s.Location,
            s.SidelinesOf?.Value,
            s.Hosts,
            [.. s.Participants.Select(p =>
            {
                var record = view.AttendanceOf(p.Name);
                return new ScheduledParticipant(p.Name.Value, p.Level, p.Mode, p.RepresentedBy?.Value, record.AnnouncedAt?.Text, record.ConfirmedAt?.Text, record.Since?.Text);
            })],
            view.Version)
        {
            Earliest = s.Dates?.Earliest,
            Latest = s.Dates?.Latest,
        };
    }
}
