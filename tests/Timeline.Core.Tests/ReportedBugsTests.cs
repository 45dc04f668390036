using Timeline.Core.History;
using Timeline.Core.Serialization;
using Timeline.Core.Tests.Support;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Projections;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests;

public sealed class ReportedBugsTests
{
    [Fact]
    public void History_build_honours_recorded_as_of_like_schedule_and_attendance_do()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08", "briefing-g20", new DateTimeOffset(2022, 12, 1, 9, 0, 0, TimeSpan.Zero));
        log.Append("g20-2022", Confirmed(Putin), "2022-11-01", "typo-g20-putin", new DateTimeOffset(2022, 12, 1, 9, 1, 0, TimeSpan.Zero));
        log.Append("g20-2022", new MeetingEvent.ReportRetracted("typo-g20-putin", "entry error"), "2022-12-02", "correction-1", new DateTimeOffset(2022, 12, 2, 10, 0, 0, TimeSpan.Zero));

        var history = GetHistoryHandler.Build(MeetingId.Parse("g20-2022"), log.Events, new GetHistory("g20-2022", RecordedAsOf: "2022-12-02T09:59:59Z"));

        // Schedule with the same log and bound still sees the confirmation (it is not retracted as recorded then).
        Assert.Equal(AttendanceLevel.Confirmed, ScheduleOf(log.Events, recordedAsOf: "2022-12-02T09:59:59Z").Participant("g20-2022", Putin).Attendance);
        Assert.False(Assert.Single(history.Entries, e => e.CommandId == "typo-g20-putin").Retracted);
        Assert.DoesNotContain(history.Entries, e => e.CommandId == "correction-1");
    }

    [Fact]
    public void The_schedule_version_is_the_stream_version_an_expectedVersion_must_name_even_after_a_retraction()
    {
        var log = new LogBuilder();
        log.Append("g20-2022", G20Announced, "2022-09-08", "briefing-g20");
        log.Append("g20-2022", Confirmed(Putin), "2022-11-01", "typo-g20-putin");
        log.Append("g20-2022", new MeetingEvent.ReportRetracted("typo-g20-putin", "entry error"), "2022-12-02", "correction-1");

        // The stream is at version 3; ApplyCommandsHandler compares expectedVersion with 3.
        Assert.Equal(3, ScheduleOf(log.Events).Meeting("g20-2022").Version);
    }

    [Fact]
    public void Stored_data_missing_a_required_field_cannot_be_read()
    {
        Assert.Throws<InvalidDataException>(() => EventTypeMap.Deserialize("attendance-confirmed.v1", "{}"));
    }
}
