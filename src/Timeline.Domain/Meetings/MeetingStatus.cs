namespace Timeline.Domain.Meetings;

/// <summary>Where a meeting stands. Stored as its lowercase name.</summary>
public enum MeetingStatus
{
    Scheduled,
    Postponed,
    Cancelled,
    Held,
}
