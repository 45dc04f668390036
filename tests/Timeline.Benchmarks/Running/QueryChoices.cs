using System.Globalization;
using Timeline.Benchmarks.Archive;

namespace Timeline.Benchmarks.Running;

/// <summary>
/// The parameters of the measured queries, chosen from the archive so that every store and every later run asks the
/// same thing: a window of about 100 meetings in the middle of the archive, a knowledge time D a week before the
/// window's middle meeting, that meeting, the participant named most often, and a speaker.
/// </summary>
internal sealed record QueryChoices(string WindowFrom, string WindowTo, int WindowMeetings, string AsOf, string MeetingId, string Participant, string Speaker)
{
    /// <summary>What a user would type to find one spokesman's reports.</summary>
    public const string SpeakerSearch = "Ushakov";

    public static QueryChoices From(SyntheticArchive archive)
    {
        var announced = archive.Meetings.Where(m => m.IsAnnounced).ToList();
        var middle = announced.Count / 2;
        var window = announced.Skip(Math.Max(0, middle - 50)).Take(100).ToList();
        var day = (DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var participant = archive.Commands
            .SelectMany(c => c.People)
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        return new QueryChoices(
            day(window.Min(m => m.InitialDates.First)),
            day(window.Max(m => m.InitialDates.Last)),
            window.Count,
            day(announced[middle].InitialDates.First.AddDays(-7)),
            announced[middle].Id,
            participant,
            SpeakerSearch);
    }

    /// <summary>
    /// Meetings that take one more report through the whole pipeline each: announced, not cancelled, with a full
    /// script, spread over the archive.
    /// </summary>
    public static IReadOnlyList<string> DurableTargets(SyntheticArchive archive, int count)
    {
        var open = archive.Meetings.Where(m => m.IsAnnounced && !m.IsCancelled && m.Included.Count() >= 4).ToList();
        if (open.Count == 0)
        {
            open = [.. archive.Meetings.Where(m => m.IsAnnounced && !m.IsCancelled)];
        }
        var step = Math.Max(1, open.Count / Math.Max(1, count));
        return [.. Enumerable.Range(0, count).Select(i => open[(i * step) % open.Count].Id)];
    }
}
