namespace Timeline.Domain.Meetings;

/// <summary>What sort of gathering a meeting is. Stored as its lowercase name.</summary>
public enum MeetingKind
{
    Summit,
    Bilateral,
    Trilateral,
    Forum,
    Visit,
    Other,
}

/// <summary>Where a meeting stands. Stored as its lowercase name.</summary>
public enum MeetingStatus
{
    Scheduled,
    Postponed,
    Cancelled,
    Held,
}

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

/// <summary>How a participant takes part. Stored as <c>in-person</c> or <c>virtual</c>.</summary>
public enum AttendanceMode
{
    InPerson,
    Virtual,
}

/// <summary>A meeting's place; the country is required, the city optional.</summary>
/// <param name="City">The city, if known.</param>
/// <param name="Country">The country.</param>
public sealed record Location(string? City, string Country)
{
    /// <summary>The longest city or country name accepted.</summary>
    public const int MaxLength = 120;

    /// <inheritdoc />
    public override string ToString() => City is null ? Country : $"{City}, {Country}";
}
