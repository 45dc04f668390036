using Timeline.Core.Index;

namespace Timeline.Core.Schedule;

/// <summary>
/// Paging and search over the schedule: what lets the web page ask for one screenful of a large store. A page is
/// cut in the schedule's order (<see cref="KnownMeetings.InScheduleOrder"/>); its cursor (<see cref="ScheduleCursor"/>)
/// is the sort key of the page's last meeting, so the next page starts strictly after it whatever the store's size
/// (keyset paging, never an offset).
/// </summary>
public static class SchedulePage
{
    /// <summary>The most meetings one page may ask for.</summary>
    public const int MaxLimit = 1_000;

    /// <summary>
    /// True when <paramref name="text"/> occurs, ignoring case, in the meeting's title or organization, or in the name
    /// of one of its participants: what the index's search key holds (<see cref="MeetingStates.SearchKey"/>).
    /// </summary>
    public static bool Matches(ScheduledMeeting meeting, string text) =>
        MeetingStates.SearchKeyOf(meeting).Contains(MeetingStates.SearchKey(text), StringComparison.Ordinal);

    /// <summary>Cuts the ordered <paramref name="meetings"/> to the page the query asks for.</summary>
    /// <returns>The page, and the cursor of the next page (null on the last page, or when no limit was asked).</returns>
    internal static (IReadOnlyList<ScheduledMeeting> Meetings, string? Next) Cut(IEnumerable<ScheduledMeeting> meetings, GetSchedule query)
    {
        if (query.After is { } after && ScheduleCursor.TryParse(after, out var cursor))
        {
            meetings = meetings.Where(m => cursor.Precedes(Day(m.Earliest), Day(m.Latest), m.Id));
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
        return (page, ScheduleCursor.After(page[^1]).ToString());
    }

    private static int Day(DateOnly? day) => (day ?? DateOnly.MaxValue).DayNumber;
}
