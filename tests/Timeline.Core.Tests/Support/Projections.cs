using System.Text.Json;
using Timeline.Core.Attendance;
using Timeline.Core.Schedule;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Tests.Support;

/// <summary>Short ways to ask the pure projections, and to find one meeting or participant in their answers.</summary>
internal static class Projections
{
    /// <summary>The day the tests ask on when they give no as-of bound: long after every report.</summary>
    public static readonly DateOnly Today = new(2026, 11, 29);

    public static ScheduleDocument ScheduleOf(IEnumerable<StoredEvent> log, string? asOf = null, string? recordedAsOf = null) =>
        GetScheduleHandler.Build(log, new GetSchedule(AsOf: asOf, RecordedAsOf: recordedAsOf), Today);

    public static AttendanceDocument AttendanceOf(IEnumerable<StoredEvent> log, string? asOf = null, string? recordedAsOf = null, string? participant = null) =>
        GetAttendanceHandler.Build(log, new GetAttendance(participant, asOf, recordedAsOf), Today);

    public static ScheduledMeeting Meeting(this ScheduleDocument schedule, string id) => Assert.Single(schedule.Meetings, m => m.Id == id);

    public static ScheduledParticipant Participant(this ScheduledMeeting meeting, ParticipantName name) =>
        Assert.Single(meeting.Participants, p => ParticipantName.Parse(p.Name).Equals(name));

    public static ScheduledParticipant Participant(this ScheduleDocument schedule, string meetingId, ParticipantName name) =>
        schedule.Meeting(meetingId).Participant(name);

    public static AttendanceRow Row(this AttendanceDocument attendance, string meetingId, ParticipantName name) =>
        Assert.Single(attendance.Rows, r => r.MeetingId == meetingId && ParticipantName.Parse(r.Participant).Equals(name));

    public static string Json<T>(T document) => JsonSerializer.Serialize(document, TimelineJson.Output);
}
