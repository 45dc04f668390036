namespace Timeline.Domain.Meetings;

/// <summary>
/// One participant's standing for one meeting, from weakest to strongest statement of intent,
/// then the outcomes. Stored as its lowercase name.
/// </summary>
public enum AttendanceLevel
{
    /// <summary>Invited; nothing said about attending.</summary>
    Invited,
    /// <summary>"May attend".</summary>
    Possible,
    /// <summary>"We expect… will confirm later".</summary>
    Expected,
    /// <summary>"Plans to attend".</summary>
    Planned,
    /// <summary>Attendance confirmed.</summary>
    Confirmed,
    /// <summary>Will not attend (possibly represented by someone else).</summary>
    Declined,
    /// <summary>Took part in the meeting as held.</summary>
    Attended,
}
