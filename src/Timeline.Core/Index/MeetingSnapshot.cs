using Timeline.Core.Schedule;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Index;

/// <summary>
/// What the answers need of one meeting at one (knowledge time, system time): the schedule's view of it (without
/// <c>overdue</c>, which depends on the day asked about), the attendance facts the ledger adds, and the latest report
/// that is not retracted (the calendar feed's description).
/// </summary>
/// <param name="Meeting">The meeting as the schedule shows it.</param>
/// <param name="Statements">Per participant, in the order of <see cref="ScheduledMeeting.Participants"/>.</param>
/// <param name="LatestReport">The last entry of the meeting's history within the bounds that is not retracted.</param>
public sealed record MeetingSnapshot(ScheduledMeeting Meeting, IReadOnlyList<AttendanceStatement> Statements, LatestReport? LatestReport);

/// <summary>What the attendance ledger knows of one participant beyond the schedule.</summary>
/// <param name="Participant">The name, as the schedule shows it.</param>
/// <param name="AnnouncedLevel">The level of the first possible, expected, planned or confirmed statement.</param>
/// <param name="DeclinedAt">reportedAt of the latest decline, as given.</param>
public sealed record AttendanceStatement(string Participant, AttendanceLevel? AnnouncedLevel, string? DeclinedAt);

/// <summary>One report of a meeting's history: the last one that is not retracted.</summary>
/// <param name="Sequence">Its global sequence.</param>
/// <param name="ReportedAt">reportedAt, as given.</param>
/// <param name="Summary">The history's one-line summary of the event.</param>
/// <param name="Source">Who said it and where.</param>
public sealed record LatestReport(long Sequence, string ReportedAt, string Summary, Source Source);
