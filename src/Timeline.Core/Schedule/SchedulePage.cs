using System.Globalization;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Schedule;

/// <summary>
/// Paging and search over the schedule: what lets the web page ask for one screenful of a large store. A page is
/// cut in the schedule's order (<see cref="KnownMeetings.InScheduleOrder"/>); its cursor is the sort key of the page's
/// last meeting, so the next page starts strictly after it whatever the store's size (keyset paging, never an offset).
/// </summary>
public static class SchedulePage
{
    /// <summary>The most meetings one page may ask for.</summary>
    public const int MaxLimit = 1_000;

    private const char Separator = '~';

    /// <summary>
    /// The cursor after <paramref name="meeting"/>: <c>earliest~latest~id</c>, with both days empty for an undated
    /// meeting (which sorts last), e.g. <c>2022-11-15~2022-11-16~g20-2022</c>.
    /// </summary>
    public static string CursorAfter(ScheduledMeeting meeting) =>
        string.Join(Separator, Day(meeting.Earliest), Day(meeting.Latest), meeting.Id);

    /// <summary>True when <paramref name="meeting"/> sorts after the meeting <paramref name="cursor"/> was made from.</summary>
    internal static bool IsAfter(ScheduledMeeting meeting, Cursor cursor)
    {
        var byEarliest = (meeting.Earliest ?? DateOnly.MaxValue).CompareTo(cursor.Earliest);
        if (byEarliest != 0)
        {
            return byEarliest > 0;
        }
        var byLatest = (meeting.Latest ?? DateOnly.MaxValue).CompareTo(cursor.Latest);
        return byLatest != 0 ? byLatest > 0 : string.CompareOrdinal(meeting.Id, cursor.Id) > 0;
    }

    /// <summary>
    /// True when <paramref name="text"/> occurs, ignoring case, in the meeting's title, organization or id, or in the
    /// name of one of its participants.
    /// </summary>
    public static bool Matches(ScheduledMeeting meeting, string text) =>
        meeting.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (meeting.Organization?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || meeting.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
        || meeting.Participants.Any(p => p.Name.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a cursor made by <see cref="CursorAfter"/>; null when <paramref name="text"/> is not one.</summary>
    internal static Cursor? Parse(string text)
    {
        var parts = text.Split(Separator);
        if (parts.Length != 3 || !MeetingId.TryParse(parts[2], out _, out _))
        {
            return null;
        }
        if (parts[0].Length == 0 && parts[1].Length == 0)
        {
            return new Cursor(DateOnly.MaxValue, DateOnly.MaxValue, parts[2]);
        }
        return ParseDay(parts[0]) is { } earliest && ParseDay(parts[1]) is { } latest && earliest <= latest
            ? new Cursor(earliest, latest, parts[2])
            : null;
    }

    /// <summary>Cuts the ordered <paramref name="meetings"/> to the page the query asks for.</summary>
    /// <returns>The page, and the cursor of the next page (null on the last page, or when no limit was asked).</returns>
    internal static (IReadOnlyList<ScheduledMeeting> Meetings, string? Next) Cut(IEnumerable<ScheduledMeeting> meetings, GetSchedule query)
    {
        if (query.After is { } after)
        {
            var cursor = Parse(after)!;
            meetings = meetings.Where(m => IsAfter(m, cursor));
        }
        if (query.Limit is not { } limit)
        {
            return ([.. meetings], null);
        }
        var page = meetings.Take(limit + 1).ToList();
        if (page.Count <= limit)
        {
            return (page, null);
        }
        page.RemoveAt(limit);
        return (page, CursorAfter(page[^1]));
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static DateOnly? ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The sort key a cursor carries; an undated meeting's days are <see cref="DateOnly.MaxValue"/>.</summary>
    internal sealed record Cursor(DateOnly Earliest, DateOnly Latest, string Id);
}
