using System.Globalization;
using Timeline.Benchmarks.Archive;

namespace Timeline.Benchmarks.Running;

/// <summary>
/// The parameters of the measured queries, chosen from the archive so that every store and every later run asks the
/// same thing: a window of about 100 meetings around the archive's middle meeting, a knowledge time D a week before
/// that meeting, the meeting itself, the participant named most often, and a speaker.
/// </summary>
internal sealed record QueryChoices(string WindowFrom, string WindowTo, int WindowMeetings, string AsOf, string MeetingId, string Participant, string Speaker)
{
    /// <summary>What a user would type to find one spokesman's reports.</summary>
    public const string SpeakerSearch = "Ushakov";

    /// <summary>The meetings whose dates the window should meet.</summary>
    public const int WindowSize = 100;

    public static QueryChoices From(SyntheticArchive archive)
    {
        var announced = archive.Meetings.Where(m => m.IsAnnounced).ToList();
        var middle = announced[announced.Count / 2];
        var (from, to, count) = Window(announced, middle.InitialDates.First);
        var day = (DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var participant = archive.Commands
            .SelectMany(c => c.People)
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        return new QueryChoices(day(from), day(to), count, day(middle.InitialDates.First.AddDays(-7)), middle.Id, participant, SpeakerSearch);
    }

    /// <summary>
    /// Whole days from <paramref name="center"/>, widened by one day at a time, on the later and the earlier side in
    /// turn, until the dates that <see cref="WindowSize"/> meetings were announced with meet it (a month-long date meets
    /// every day of its month). One day at a time keeps the window close to the size asked for in a dense archive,
    /// where a day on each side at once overshoots by half, so the growth figure compares answers of about one size.
    /// </summary>
    private static (DateOnly From, DateOnly To, int Meetings) Window(List<PlannedMeeting> announced, DateOnly center)
    {
        var (from, to) = (center, center);
        int InWindow() => announced.Count(m => m.InitialDates.First <= to && m.InitialDates.Last >= from);
        var wanted = Math.Min(WindowSize, announced.Count);
        var count = InWindow();
        for (var later = true; count < wanted; later = !later)
        {
            (from, to) = later ? (from, to.AddDays(1)) : (from.AddDays(-1), to);
            count = InWindow();
        }
        return (from, to, count);
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
