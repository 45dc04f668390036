using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Schedule;

/// <summary>
/// The meetings as known at a knowledge time and a system time: the one place the schedule and the diff take them from,
/// so that both can be answered from an index by changing this alone.
/// </summary>
internal static class KnownMeetings
{
    /// <summary>Every meeting that exists within the bounds, as the schedule shows it (without <c>overdue</c>), in no particular order.</summary>
    public static IReadOnlyList<ScheduledMeeting> At(IEnumerable<StoredEvent> log, Cutoff? asOf, Cutoff? recordedAsOf) =>
        [.. TimelineFold.Meetings(log, asOf, recordedAsOf).Select(GetScheduleHandler.ToScheduled)];

    /// <summary>The schedule's order: earliest day, then latest day, then id; undated meetings last.</summary>
    public static IOrderedEnumerable<T> InScheduleOrder<T>(this IEnumerable<T> items, Func<T, ScheduledMeeting> meeting) =>
        items
            .OrderBy(item => meeting(item).Earliest ?? DateOnly.MaxValue)
            .ThenBy(item => meeting(item).Latest ?? DateOnly.MaxValue)
            .ThenBy(item => meeting(item).Id, StringComparer.Ordinal);

    /// <summary>True when <paramref name="meeting"/> names <paramref name="participant"/> (names match case-insensitively).</summary>
    public static bool Names(this ScheduledMeeting meeting, ParticipantName participant) =>
        meeting.Participants.Any(p => ParticipantName.Parse(p.Name).Equals(participant));
}
