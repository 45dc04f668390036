using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Timeline.Core.Schedule;

namespace Timeline.Core.Index;

/// <summary>
/// A position in the schedule's order: the last meeting of a page. Clients see it only as an opaque text
/// (<see cref="ToString"/>) to send back as <c>after</c>.
/// </summary>
/// <param name="EarliestDay">The meeting's first day number (<see cref="DateOnly.MaxValue"/>'s when undated).</param>
/// <param name="LatestDay">Its last day number (<see cref="DateOnly.MaxValue"/>'s when undated).</param>
/// <param name="Id">Its id.</param>
public sealed record ScheduleCursor(int EarliestDay, int LatestDay, string Id)
{
    /// <summary>The cursor just after <paramref name="meeting"/>.</summary>
    public static ScheduleCursor After(ScheduledMeeting meeting) =>
        new((meeting.Earliest ?? DateOnly.MaxValue).DayNumber, (meeting.Latest ?? DateOnly.MaxValue).DayNumber, meeting.Id);

    /// <summary>True when a meeting at (<paramref name="earliestDay"/>, <paramref name="latestDay"/>, <paramref name="id"/>) comes after this position.</summary>
    public bool Precedes(int earliestDay, int latestDay, string id) =>
        earliestDay != EarliestDay ? earliestDay > EarliestDay
        : latestDay != LatestDay ? latestDay > LatestDay
        : string.CompareOrdinal(id, Id) > 0;

    /// <summary>Reads a cursor made by <see cref="ToString"/>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ScheduleCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 400)
        {
            return false;
        }
        string plain;
        try
        {
            plain = Encoding.UTF8.GetString(Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4)));
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = plain.Split('.', 3);
        if (parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var earliest)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var latest)
            && parts[2].Length > 0)
        {
            cursor = new ScheduleCursor(earliest, latest, parts[2]);
            return true;
        }
        return false;
    }

    /// <summary>The opaque text: URL-safe base64, without padding.</summary>
    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{EarliestDay}.{LatestDay}.{Id}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
