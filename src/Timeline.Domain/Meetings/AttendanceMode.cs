namespace Timeline.Domain.Meetings;

/// <summary>How a participant takes part. Stored as <c>in-person</c> or <c>virtual</c>.</summary>
public enum AttendanceMode
{
    InPerson,
    Virtual,
}
