using System.Globalization;

namespace Timeline.Store.Sqlite;

/// <summary>
/// How instants are written in the file: fixed-width ISO-8601 UTC text, so text order is time order and the
/// file stays readable in the sqlite3 shell.
/// </summary>
internal static class StoredTime
{
    /// <summary>recordedAt: whole microseconds, like PostgreSQL's timestamptz.</summary>
    private const string MicrosecondsFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>reportedAt's sort key: every tick of <see cref="DateTimeOffset"/>, so filters are exact.</summary>
    private const string TicksFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The instant in UTC, cut down (never rounded up) to a whole microsecond.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    /// <summary>True when the instant has no part finer than a microsecond, so storing it loses nothing.</summary>
    public static bool IsWholeMicroseconds(DateTimeOffset instant) => instant.UtcTicks % TimeSpan.TicksPerMicrosecond == 0;

    /// <summary>
    /// The instant truncated to microseconds, as text. Because stored values are whole microseconds, comparing with a
    /// truncated bound gives the same answer as comparing with the exact bound.
    /// </summary>
    public static string FormatMicroseconds(DateTimeOffset instant) =>
        TruncateToMicroseconds(instant).UtcDateTime.ToString(MicrosecondsFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseMicroseconds(string text) =>
        new(DateTime.ParseExact(text, MicrosecondsFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero);

    public static string FormatTicks(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(TicksFormat, CultureInfo.InvariantCulture);
}
