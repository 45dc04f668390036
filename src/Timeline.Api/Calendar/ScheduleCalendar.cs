using System.Globalization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Timeline.Core.Index;
using Timeline.Core.Schedule;
using Timeline.Core.Serialization;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using IcalCalendar = Ical.Net.Calendar;

namespace Timeline.Api.Calendar;

/// <summary>
/// Writes a schedule as iCalendar (RFC 5545).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>One all-day VEVENT per meeting that has dates; an undated meeting (postponed to a date to be decided) has none.</item>
/// <item>DTSTART is the earliest day the EDTF dates can mean and DTEND the day after the latest (VALUE=DATE, end exclusive).</item>
/// <item>Dates that are not exact days (a month, a year, or a qualified date such as <c>2022-11?</c>) keep those bounds,
/// so <c>2022-11</c> spans the whole of November, and are marked: SUMMARY starts with <c>[dates: Nov 2022]</c> and
/// <c>X-TIMELINE-DATES</c> / <c>X-TIMELINE-PRECISION</c> carry the EDTF value and its precision. Nothing is faked as a day.</item>
/// <item>STATUS: CANCELLED for a cancelled meeting or, with a participant, a declined attendance; CONFIRMED for a
/// confirmed or attended participant, or a held meeting; TENTATIVE otherwise.</item>
/// <item>UID is <c>&lt;meeting id&gt;@timeline</c> and SEQUENCE the meeting's stream version, so calendar apps update events in place.</item>
/// <item>DESCRIPTION lists the status, who is expected, and the latest source: speaker, outlet, quote, url and reportedAt.</item>
/// </list>
/// </remarks>
internal static class ScheduleCalendar
{
    public const string UidSuffix = "@timeline";

    /// <summary>How the calendar ends: what follows its last event.</summary>
    private const string End = "END:VCALENDAR\r\n";

    /// <summary>
    /// Writes the feed's calendar to <paramref name="write"/> as its meetings are read: the same text Ical.Net gives for
    /// the whole calendar (a component's properties, then each child component in turn, then its end), written a
    /// chunk of about <see cref="StreamedJson.FlushBytes"/> at a time, so a feed of any size takes the memory of one event.
    /// </summary>
    public static async Task WriteAsync(
        CalendarFeed feed, string? participant, DateTimeOffset now, Func<string, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var header = new CalendarSerializer().SerializeToString(Header(participant)) ?? string.Empty;
        if (!header.EndsWith(End, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Ical.Net ended an empty calendar with something other than {End.TrimEnd()}");
        }
        var text = new StringBuilder(header, 0, header.Length - End.Length, StreamedJson.FlushBytes * 2);
        var who = participant is null ? (ParticipantName?)null : ParticipantName.Parse(participant);
        var stamp = new CalDateTime(now.UtcDateTime);
        var events = new EventSerializer();
        await foreach (var entry in feed.Entries.WithCancellation(cancellationToken))
        {
            if (ToEvent(entry, who, stamp) is { } calendarEvent)
            {
                text.Append(events.SerializeToString(calendarEvent));
                if (text.Length >= StreamedJson.FlushBytes)
                {
                    await write(text.ToString(), cancellationToken);
                    text.Clear();
                }
            }
        }
        text.Append(End);
        await write(text.ToString(), cancellationToken);
    }

    /// <summary>The calendar without its events: its name and scale.</summary>
    internal static IcalCalendar Header(string? participant)
    {
        var calendar = new IcalCalendar { ProductId = "-//Timeline//Timeline schedule//EN" };
        calendar.AddProperty("X-WR-CALNAME", participant is null ? "Timeline" : $"Timeline: {participant}");
        calendar.AddProperty("CALSCALE", "GREGORIAN");
        return calendar;
    }

    /// <summary>The entry's event, seen by the participant <paramref name="who"/> (or by no one); null for an undated meeting.</summary>
    internal static CalendarEvent? ToEvent(CalendarEntry entry, ParticipantName? who, CalDateTime stamp)
    {
        var meeting = entry.Meeting;
        if (meeting.Dates is null)
        {
            return null;
        }
        var attendee = who is { } name ? meeting.Participants.FirstOrDefault(p => ParticipantName.Parse(p.Name).Equals(name)) : null;
        return ToEvent(meeting, attendee, entry.LatestReport, stamp);
    }

    private static CalendarEvent ToEvent(ScheduledMeeting meeting, ScheduledParticipant? attendee, LatestReport? latest, CalDateTime stamp)
    {
        var dates = EdtfDate.Parse(meeting.Dates!);
        var mark = Mark(dates);
        var title = attendee is null ? meeting.Title : $"{meeting.Title}: {attendee.Name} {Level(attendee)}";
        var calendarEvent = new CalendarEvent
        {
            Uid = meeting.Id + UidSuffix,
            Summary = mark is null ? title : $"[dates: {mark}] {title}",
            DtStart = new CalDateTime(dates.Earliest),
            DtEnd = new CalDateTime(dates.Latest.AddDays(1)),
            DtStamp = stamp,
            Sequence = (int)Math.Min(meeting.Version, int.MaxValue),
            Status = Status(meeting, attendee),
            Transparency = TransparencyType.Transparent,
            Description = Describe(meeting, attendee, latest),
        };
        if (meeting.Location is { } location)
        {
            calendarEvent.Location = location.City is null ? location.Country : $"{location.City}, {location.Country}";
        }
        calendarEvent.Categories.Add(Vocabulary(meeting.Kind));
        calendarEvent.AddProperty("X-TIMELINE-DATES", dates.Text);
        calendarEvent.AddProperty("X-TIMELINE-PRECISION", Precision(dates));
        calendarEvent.AddProperty("X-TIMELINE-MEETING-STATUS", Vocabulary(meeting.Status));
        if (attendee is not null)
        {
            calendarEvent.AddProperty("X-TIMELINE-ATTENDANCE", Vocabulary(attendee.Attendance));
        }
        return calendarEvent;
    }

    /// <summary>How inexact dates are shown in the summary; null for exact days.</summary>
    internal static string? Mark(EdtfDate dates)
    {
        if (Precision(dates) == "day" && !dates.IsQualified)
        {
            return null;
        }
        if (!dates.IsInterval && dates.Start.Qualifier == EdtfQualifier.None)
        {
            return dates.Start.Precision switch
            {
                EdtfPrecision.Month => new DateOnly(dates.Start.Year, dates.Start.Month!.Value, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture),
                EdtfPrecision.Year => dates.Start.Year.ToString(CultureInfo.InvariantCulture),
                _ => dates.Text,
            };
        }
        return dates.Text;
    }

    private static string Precision(EdtfDate dates)
    {
        var coarsest = (EdtfPrecision)Math.Min((int)dates.Start.Precision, (int)(dates.End?.Precision ?? dates.Start.Precision));
        return coarsest switch
        {
            EdtfPrecision.Year => "year",
            EdtfPrecision.Month => "month",
            _ => "day",
        };
    }

    private static string Status(ScheduledMeeting meeting, ScheduledParticipant? attendee) => (meeting.Status, attendee?.Attendance) switch
    {
        (MeetingStatus.Cancelled, _) => EventStatus.Cancelled,
        (_, AttendanceLevel.Declined) => EventStatus.Cancelled,
        (_, AttendanceLevel.Confirmed or AttendanceLevel.Attended) => EventStatus.Confirmed,
        (MeetingStatus.Held, _) => EventStatus.Confirmed,
        _ => EventStatus.Tentative,
    };

    private static string Level(ScheduledParticipant attendee) => attendee.RepresentedBy is { } deputy
        ? $"{Vocabulary(attendee.Attendance)} ({deputy})"
        : Vocabulary(attendee.Attendance);

    private static string Describe(ScheduledMeeting meeting, ScheduledParticipant? attendee, LatestReport? latest)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Status: {Vocabulary(meeting.Status)}");
        text.AppendLine(meeting.StatusReason is { } reason ? $" ({reason})" : string.Empty);
        text.AppendLine(CultureInfo.InvariantCulture, $"Dates: {meeting.Dates}");
        if (meeting.SidelinesOf is { } parent)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"On the sidelines of: {parent}");
        }
        foreach (var p in attendee is null ? meeting.Participants : [attendee])
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{p.Name}: {Level(p)}{(p.Since is { } since ? $" (since {since})" : string.Empty)}");
        }
        if (latest is not null)
        {
            var source = latest.Source;
            text.AppendLine(CultureInfo.InvariantCulture, $"Latest report, {latest.ReportedAt}: {latest.Summary}");
            var who = string.Join(", ", new[] { source.Speaker, source.Outlet }.Where(s => !string.IsNullOrEmpty(s)));
            if (who.Length > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Source: {who}");
            }
            if (source.Quote is { } quote)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Quote: \"{quote}\"");
            }
            if (source.Url is { } url)
            {
                text.AppendLine(url);
            }
        }
        return text.ToString().TrimEnd();
    }

    private static string Vocabulary<T>(T value)
        where T : struct, Enum => Domain.Meetings.Vocabulary.Name(value);
}
