using System.Runtime.CompilerServices;
using FluentValidation;
using Mediator;
using Timeline.Core.Commands;
using Timeline.Core.Index;
using Timeline.Core.Schedule;
using Timeline.Core.Serialization;
using Timeline.Domain.Dates;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Attendance;

/// <summary>The attendance ledger: when each attendance was announced versus confirmed, and what came of it.</summary>
public sealed record GetAttendance(string? Participant = null, string? AsOf = null, string? RecordedAsOf = null) : IQuery<AttendanceLedger>;

/// <summary>The <c>attendance</c> output (docs/contract.md#attendance-output).</summary>
public sealed record AttendanceDocument(string? AsOf, string? RecordedAsOf, IReadOnlyList<AttendanceRow> Rows);

/// <summary>
/// The <c>attendance</c> output as it is read: an <see cref="AttendanceDocument"/> whose rows come one at a time from
/// the store while it is written, so a ledger of any length is written with the memory of one meeting's rows.
/// </summary>
/// <param name="Rows">Read from the store when enumerated, once.</param>
public sealed record AttendanceLedger(string? AsOf, string? RecordedAsOf, IAsyncEnumerable<AttendanceRow> Rows) : IStreamedAnswer<AttendanceDocument>
{
    /// <inheritdoc />
    public Task WriteJsonAsync(AnswerSink sink, CancellationToken cancellationToken) => StreamedJson.WriteAsync(sink, async (json, ct) =>
    {
        json.Field(nameof(AttendanceDocument.AsOf), AsOf);
        json.Field(nameof(AttendanceDocument.RecordedAsOf), RecordedAsOf);
        await json.ArrayAsync(nameof(AttendanceDocument.Rows), Rows, ct).ConfigureAwait(false);
    }, cancellationToken);

    /// <inheritdoc />
    public async Task<AttendanceDocument> ToDocumentAsync(CancellationToken cancellationToken) =>
        new(AsOf, RecordedAsOf, await Rows.ToListAsync(cancellationToken).ConfigureAwait(false));
}

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

internal sealed class GetAttendanceHandler(IMeetingStateIndex index, TimeProvider clock) : IQueryHandler<GetAttendance, AttendanceLedger>
{
    public ValueTask<AttendanceLedger> Handle(GetAttendance query, CancellationToken cancellationToken)
    {
        var states = index.StreamStatesAsync(GetScheduleHandler.StatesOf(new GetSchedule(query.AsOf, query.RecordedAsOf, query.Participant)), cancellationToken);
        var (participant, day) = Filter(query, Knowledge.Overdue.Today(clock));
        return ValueTask.FromResult(new AttendanceLedger(query.AsOf, query.RecordedAsOf, InLedgerOrder(states, cancellationToken).SelectMany(s => RowsOf(s, participant, day))));
    }

    /// <summary>The pure projection, for any log: the fold the index must agree with.</summary>
    /// <param name="log">The events to fold.</param>
    /// <param name="query">The bounds and filter.</param>
    /// <param name="today">The day overdue is judged on when the query has no as-of bound.</param>
    public static AttendanceDocument Build(IEnumerable<StoredEvent> log, GetAttendance query, DateOnly today)
    {
        var (participant, day) = Filter(query, today);
        var rows = TimelineFold.Meetings(log, QueryRules.CutoffOrNull(query.AsOf), QueryRules.CutoffOrNull(query.RecordedAsOf))
            .Select(v => MeetingStates.Snapshot(v, null))
            .OrderBy(s => s.Meeting.Earliest ?? DateOnly.MaxValue)
            .ThenBy(s => s.Meeting.Id, StringComparer.Ordinal)
            .SelectMany(s => RowsOf(s, participant, day))
            .ToList();
        return new AttendanceDocument(query.AsOf, query.RecordedAsOf, rows);
    }

    /// <summary>The participant asked about (or everyone), and the day overdue is judged on.</summary>
    private static (ParticipantName? Participant, DateOnly Day) Filter(GetAttendance query, DateOnly today) => (
        query.Participant is null ? null : ParticipantName.Parse(query.Participant),
        Knowledge.Overdue.Day(QueryRules.CutoffOrNull(query.AsOf), today));

    /// <summary>
    /// The ledger's order (earliest day, then id; undated last) from the index's schedule order (earliest day, latest
    /// day, id): only the meetings that begin on the same day are held at once, to be put in id order.
    /// </summary>
    private static async IAsyncEnumerable<MeetingSnapshot> InLedgerOrder(
        IAsyncEnumerable<MeetingSnapshot> inScheduleOrder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sameDay = new List<MeetingSnapshot>();
        await foreach (var state in inScheduleOrder.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (sameDay.Count > 0 && sameDay[0].Meeting.Earliest != state.Meeting.Earliest)
            {
                foreach (var held in sameDay.OrderBy(s => s.Meeting.Id, StringComparer.Ordinal))
                {
                    yield return held;
                }
                sameDay.Clear();
            }
            sameDay.Add(state);
        }
        foreach (var held in sameDay.OrderBy(s => s.Meeting.Id, StringComparer.Ordinal))
        {
            yield return held;
        }
    }

    /// <summary>The ledger's rows of one meeting: its participants in order, or only the one asked about.</summary>
    private static IEnumerable<AttendanceRow> RowsOf(MeetingSnapshot state, ParticipantName? participant, DateOnly day) =>
        state.Meeting.Participants
            .Zip(state.Statements)
            .Where(p => participant is null || ParticipantName.Parse(p.First.Name).Equals(participant.Value))
            .Select(p => Row(state.Meeting, p.First, p.Second, day));

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
