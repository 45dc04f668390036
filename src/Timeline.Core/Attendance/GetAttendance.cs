using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Attendance;

/// <summary>The attendance ledger: when each attendance was announced versus confirmed, and what came of it.</summary>
public sealed record GetAttendance(string? Participant = null, string? AsOf = null, string? RecordedAsOf = null) : IQuery<AttendanceDocument>;

/// <summary>The <c>attendance</c> output (docs/contract.md#attendance-output).</summary>
public sealed record AttendanceDocument(string? AsOf, string? RecordedAsOf, IReadOnlyList<AttendanceRow> Rows);

/// <summary>One participant at one meeting.</summary>
/// <param name="AnnouncedAt">reportedAt of the first possible, expected, planned or confirmed statement.</param>
/// <param name="AnnouncedLevel">That statement's level.</param>
/// <param name="ConfirmedAt">reportedAt of the first confirmation.</param>
/// <param name="DeclinedAt">reportedAt of the latest decline.</param>
/// <param name="Outcome"><c>attended</c>, <c>declined</c>, <c>cancelled</c> (the meeting was) or <c>pending</c>.</param>
/// <param name="DaysToConfirm">Whole days from the announcement's day to the confirmation's day (UTC).</param>
/// <param name="Attendance">The participant's current level.</param>
/// <param name="Overdue">The meeting's dates have passed with no outcome reported, as of the day asked about (see <see cref="Knowledge.Overdue"/>).</param>
public sealed record AttendanceRow(
    string MeetingId,
    string MeetingTitle,
    string? Dates,
    string Participant,
    string? AnnouncedAt,
    AttendanceLevel? AnnouncedLevel,
    string? ConfirmedAt,
    string? DeclinedAt,
    string Outcome,
    string? RepresentedBy,
    int? DaysToConfirm,
    AttendanceLevel Attendance,
    bool Overdue);

internal sealed class GetAttendanceValidator : AbstractValidator<GetAttendance>
{
    public GetAttendanceValidator()
    {
        RuleFor(q => q.Participant).PersonName();
        RuleFor(q => q.AsOf).PointInTime();
        RuleFor(q => q.RecordedAsOf).PointInTime();
    }
}

internal sealed class GetAttendanceHandler(IEventStore store, TimeProvider clock) : IQueryHandler<GetAttendance, AttendanceDocument>
{
    public async ValueTask<AttendanceDocument> Handle(GetAttendance query, CancellationToken cancellationToken)
    {
        var log = await store.ReadLogAsync(QueryRules.CutoffOrNull(query.RecordedAsOf), null, cancellationToken);
        return Build(log, query, Knowledge.Overdue.Today(clock));
    }

    /// <summary>The pure projection, for any log.</summary>
    /// <param name="log">The events to fold.</param>
    /// <param name="query">The bounds and filter.</param>
    /// <param name="today">The day overdue is judged on when the query has no as-of bound.</param>
    public static AttendanceDocument Build(IEnumerable<StoredEvent> log, GetAttendance query, DateOnly today)
    {
        var asOf = QueryRules.CutoffOrNull(query.AsOf);
        var participant = query.Participant is null ? (ParticipantName?)null : ParticipantName.Parse(query.Participant);
        var day = Knowledge.Overdue.Day(asOf, today);
        var rows = TimelineFold.Meetings(log, asOf, QueryRules.CutoffOrNull(query.RecordedAsOf))
            .OrderBy(v => v.State.Dates?.Earliest ?? DateOnly.MaxValue)
            .ThenBy(v => v.Id.Value, StringComparer.Ordinal)
            .SelectMany(v => v.State.Participants
                .Where(p => participant is null || p.Name.Equals(participant.Value))
                .Select(p => Row(v, p, day)))
            .ToList();
        return new AttendanceDocument(query.AsOf, query.RecordedAsOf, rows);
    }

    private static AttendanceRow Row(MeetingView view, Participant p, DateOnly day)
    {
        var record = view.AttendanceOf(p.Name);
        var outcome = p.Level switch
        {
            AttendanceLevel.Attended => "attended",
            AttendanceLevel.Declined => "declined",
            _ when view.State.Status == MeetingStatus.Cancelled => "cancelled",
            _ => "pending",
        };
        int? days = record is { AnnouncedAt: { } announced, ConfirmedAt: { } confirmed }
            ? confirmed.Day.DayNumber - announced.Day.DayNumber
            : null;
        return new AttendanceRow(
            view.Id.Value,
            view.State.Title,
            view.State.Dates?.Text,
            p.Name.Value,
            record.AnnouncedAt?.Text,
            record.AnnouncedLevel,
            record.ConfirmedAt?.Text,
            record.DeclinedAt?.Text,
            outcome,
            p.RepresentedBy?.Value,
            days,
            p.Level,
            Knowledge.Overdue.Is(view.State.Status, view.State.Dates?.Latest, day));
    }
}
