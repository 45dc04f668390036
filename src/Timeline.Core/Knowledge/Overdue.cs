using Timeline.Domain.Meetings;

namespace Timeline.Core.Knowledge;

/// <summary>
/// A meeting whose dates have passed with no outcome reported (docs/contract.md#schedule-output). It depends on the day
/// asked about, not only on the log, so every answer computes it after the projection and no index may keep it.
/// </summary>
public static class Overdue
{
    /// <summary>
    /// The day overdue is judged on: the UTC day of the as-of bound (a bare day is that day; an instant, its UTC day),
    /// or <paramref name="today"/> when there is no as-of bound.
    /// </summary>
    public static DateOnly Day(Cutoff? asOf, DateOnly today) =>
        asOf is null ? today : DateOnly.FromDateTime(asOf.Through().UtcDateTime);

    /// <summary>Today in UTC, from the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// True when the meeting's last possible day is before <paramref name="day"/> and it is still scheduled or postponed.
    /// The decider lets nothing follow a held or cancelled report but a cancellation, so a meeting in either status has
    /// had no outcome reported. An undated meeting is never overdue.
    /// </summary>
    public static bool Is(MeetingStatus status, DateOnly? latest, DateOnly day) =>
        latest < day && status is MeetingStatus.Scheduled or MeetingStatus.Postponed;
}
