using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Timeline.Api.Calendar;
using Timeline.Api.Tests.Hosting;
using Timeline.Core.Index;
using Timeline.Core.Schedule;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Api.Tests.Calendar;

/// <summary>
/// The feed is written as its meetings are read: the same text Ical.Net gives for the whole calendar, sent while the
/// meetings are still being read.
/// </summary>
public sealed class StreamedCalendarTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("Vladimir Putin")]
    public async Task The_feed_is_Ical_Net_s_whole_calendar_written_while_the_meetings_are_still_read(string? participant)
    {
        var entries = Entries(1_500);
        var written = new StringBuilder();
        var writtenWhenPulled = new List<int>();

        await ScheduleCalendar.WriteAsync(
            new CalendarFeed(Observed(entries, written, writtenWhenPulled, Web.Cancel)),
            participant,
            Now,
            (chunk, _) =>
            {
                written.Append(chunk);
                return Task.CompletedTask;
            },
            Web.Cancel);

        var whole = ScheduleCalendar.Header(participant);
        var who = participant is null ? (ParticipantName?)null : ParticipantName.Parse(participant);
        foreach (var entry in entries)
        {
            if (ScheduleCalendar.ToEvent(entry, who, new CalDateTime(Now.UtcDateTime)) is { } calendarEvent)
            {
                whole.Events.Add(calendarEvent);
            }
        }
        Assert.Equal(new CalendarSerializer().SerializeToString(whole), written.ToString());
        Assert.True(written.Length > 20 * StreamedJson.FlushBytes, $"the feed ({written.Length} characters) is too small to tell");
        // When the last meeting was pulled, all but the last chunks had been written: a feed made whole first would have
        // written nothing by then.
        Assert.InRange(writtenWhenPulled[^1], written.Length - 3 * StreamedJson.FlushBytes, written.Length);
    }

    /// <summary>Meetings one day apart, every tenth undated (it has no event), Putin named in every other one.</summary>
    private static List<CalendarEntry> Entries(int count)
    {
        var start = new DateOnly(2030, 1, 1);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var day = start.AddDays(i);
            var dated = i % 10 != 9;
            var putin = new ScheduledParticipant("Vladimir Putin", AttendanceLevel.Expected, null, null, "2029-12-01", null, "2029-12-01");
            var xi = new ScheduledParticipant("Xi Jinping", AttendanceLevel.Confirmed, AttendanceMode.InPerson, null, "2029-12-01", "2029-12-02", "2029-12-02");
            var meeting = new ScheduledMeeting(
                $"meeting-{i:D5}", $"Meeting number {i}", MeetingKind.Bilateral, null, MeetingStatus.Scheduled, null,
                dated ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                new Location("Astana", "Kazakhstan"), null, [], i % 2 == 0 ? [putin, xi] : [xi], i + 1)
            {
                Earliest = dated ? day : null,
                Latest = dated ? day : null,
            };
            var latest = i % 3 == 0 ? new LatestReport(i + 1, "2029-12-02", "Xi Jinping confirmed", new Source("TASS", null, null, "Yury Ushakov", "We expect him.")) : null;
            return new CalendarEntry(meeting, latest);
        })];
    }

    private static async IAsyncEnumerable<CalendarEntry> Observed(
        IReadOnlyList<CalendarEntry> entries, StringBuilder written, List<int> writtenWhenPulled, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            writtenWhenPulled.Add(written.Length);
            yield return entry;
        }
    }
}
