using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Index;
using Timeline.Core.Schedule;
using Timeline.Domain.Dates;
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

internal sealed class GetAttendanceHandler(IMeetingStateIndex index, TimeProvider clock) : IQueryHandler<GetAttendance, AttendanceDocument>
{
    public async ValueTask<AttendanceDocument> Handle(GetAttendance query, CancellationToken cancellationToken)
    {
        var states = await index.ReadStatesAsync(
            new StateQuery
            {
                AsOf = QueryRules.CutoffOrNull(query.AsOf),
                RecordedAsOf = QueryRules.CutoffOrNull(query.RecordedAsOf),
                Participant = query.Participant is null ? null : ParticipantName.Parse(query.Participant),
            },
            cancellationToken);
        return Build(states, query, Knowledge.Overdue.Today(clock));
    }

    /// <summary>The pure projection, for any log: the fold the index must agree with.</summary>
    /// <param name="log">The events to fold.</param>
    /// <param name="query">The bounds and filter.</param>
    /// <param name="today">The day overdue is judged on when the query has no as-of bound.</param>
    public static AttendanceDocument Build(IEnumerable<StoredEvent> log, GetAttendance query, DateOnly today) =>
        Build(
            [.. TimelineFold.Meetings(log, QueryRules.CutoffOrNull(query.AsOf), QueryRules.CutoffOrNull(query.RecordedAsOf)).Select(v => MeetingStates.Snapshot(v, null))],
            query,
            today);

    /// <summary>The ledger of the meetings <paramref name="states"/> holds (in any order), for the participant asked about or everyone.</summary>
    private static AttendanceDocument Build(IReadOnlyList<MeetingSnapshot> states, GetAttendance query, DateOnly today)
    {
        var participant = query.Participant is null ? (ParticipantName?)null : ParticipantName.Parse(query.Participant);
        var day = Knowledge.Overdue.Day(QueryRules.CutoffOrNull(query.AsOf), today);
        var rows = states
            .OrderBy(s => s.Meeting.Earliest ?? DateOnly.MaxValue)
            .ThenBy(s => s.Meeting.Id, StringComparer.Ordinal)
            .SelectMany(s => s.Meeting.Participants
                .Zip(s.Statements)
                .Where(p => participant is null || ParticipantName.Parse(p.First.Name).Equals(participant.Value))
                .Select(p => Row(s.Meeting, p.First, p.Second, day)))
            .ToList();
        return new AttendanceDocument(query.AsOf, query.RecordedAsOf, rows);
    }

    private static AttendanceRow Row(ScheduledMeeting meeting, ScheduledParticipant p, AttendanceStatement statement, DateOnly day)
    {
        var outcome = p.Attendance switch
        {
            AttendanceLevel.Attended => "attended",
            AttendanceLevel.Declined => "declined",
            _ when meeting.Status == MeetingStatus.Cancelled => "cancelled",
            _ => "pending",
        };
        int? days = (p.AnnouncedAt, p.ConfirmedAt) is ({ } announced, { } confirmed)
            ? ReportedAt.Parse(confirmed).Day.DayNumber - ReportedAt.Parse(announced).Day.DayNumber
            : null;
        return new AttendanceRow(
            meeting.Id,
            meeting.Title,
            meeting.Dates,
            p.Name,
            p.AnnouncedAt,
            statement.AnnouncedLevel,
            p.ConfirmedAt,
            statement.DeclinedAt,
            outcome,
            p.RepresentedBy,
            days,
            p.Attendance,
            Knowledge.Overdue.Is(meeting.Status, meeting.Latest, day));
    }
}
